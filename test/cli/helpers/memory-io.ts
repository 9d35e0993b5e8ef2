import type { CliIo } from '../../../src/cli';

/** An io that collects stdout and stderr as text, for runCli in-process. */
export interface MemoryIo extends CliIo {
  stdoutText(): string;
  stderrText(): string;
}

export function memoryIo(options: { cwd: string; env?: NodeJS.ProcessEnv }): MemoryIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout: { write: (chunk: string) => stdout.push(chunk) },
    stderr: { write: (chunk: string) => stderr.push(chunk) },
    env: options.env ?? {},
    cwd: options.cwd,
    stdoutText: () => stdout.join(''),
    stderrText: () => stderr.join(''),
  };
}
