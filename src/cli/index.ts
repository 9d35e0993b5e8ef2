import { CommanderError } from 'commander';

import type { CliIo } from './io';
import { processIo } from './io';
import { buildProgram } from './program';
import { SecretScrubber } from './redact';
import { describeError } from './report-error';

export type { CliIo, OutputStream } from './io';
export { TUNING_VARIABLES } from './client-factory';

/**
 * Runs the `ocrolus-webhooks` command line with `argv` (the arguments after the program name)
 * and returns the exit code: 0 success, 1 error, 2 changes present with --detailed-exitcode.
 * Tests pass their own `io`; every line written is scrubbed of the secrets the run has read.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const scrubber = new SecretScrubber();
  const scrubbedIo = scrubber.wrapIo(io);
  let exitCode = 0;

  const program = buildProgram(scrubbedIo, scrubber, (code) => {
    exitCode = code;
  });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    scrubbedIo.stderr.write(`${describeError(error)}\n`);
    return 1;
  }
  return exitCode;
}
