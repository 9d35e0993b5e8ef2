/** A stream the CLI writes text to: `process.stdout`, or a collecting stream in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** Everything the CLI reads from or writes to its process, so tests can run it in-process. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Environment variables; credentials and webhook secrets are read from here only. */
  readonly env: NodeJS.ProcessEnv;
  /** Directory that relative paths (`--file`, `--state`) are resolved against. */
  readonly cwd: string;
}

/** Returns the real process's streams, environment and working directory. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
