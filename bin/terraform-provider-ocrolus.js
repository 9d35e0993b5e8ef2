#!/usr/bin/env node
// The Ocrolus provider for Terraform and OpenTofu. The engine starts it; run with --debug to attach by hand.
'use strict';

require('../dist/src/terraform').main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`The Ocrolus provider failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
