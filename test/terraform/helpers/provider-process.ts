import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../../src/terraform/handshake';
import { PROVIDER_BIN } from './build';

export interface ProviderProcess {
  readonly child: ChildProcess;
  /** First stdout line. */
  readonly line: string;
  /** Everything written to stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  kill(): void;
}

/** Builds the environment an engine starts the provider with, minus the TLS certificate. */
export function engineEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', ...extra };
}

/** Starts bin/terraform-provider-ocrolus.js and waits for its first stdout line (or its exit). */
export function startProvider(env: NodeJS.ProcessEnv, args: string[] = []): Promise<ProviderProcess> {
  const child = spawn(process.execPath, [PROVIDER_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const handle = (line: string) =>
      resolve({ child, line, stdout: () => stdout, stderr: () => stderr, exited, kill: () => child.kill('SIGKILL') });

    child.stdout?.on('data', (chunk: Buffer) => {
      const before = stdout;
      stdout += chunk.toString();
      if (!before.includes('\n') && stdout.includes('\n')) handle(stdout.slice(0, stdout.indexOf('\n')));
    });
    void exited.then(() => (stdout.includes('\n') ? undefined : handle(stdout)));
    child.on('error', reject);
  });
}
