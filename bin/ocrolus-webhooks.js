#!/usr/bin/env node
'use strict';

// Runs the compiled CLI (npm run build writes dist/). The exit code is set rather than forced, so
// a long-running command such as `emulator` keeps the process alive.
const { runCli } = require('../dist/src/cli');

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
