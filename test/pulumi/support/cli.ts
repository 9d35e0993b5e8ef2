import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator } from '../../../src/emulator';
import type { Emulator } from '../../../src/emulator';
import { buildPackage, REPO_ROOT } from './package';
import { copyProject } from './project';

/** Folder that scripts/build-pulumi.sh fills with the Pulumi CLI and its plugins. */
export const PULUMI_BIN = join(REPO_ROOT, '.tools', 'pulumi', 'bin');

/** True when the Pulumi CLI was built; the CLI tests are skipped otherwise. */
export const HAVE_CLI = existsSync(join(PULUMI_BIN, 'pulumi'));

const PASSPHRASE = 'passphrase-for-the-test-stack';

/** Result of one CLI command: exit status and stdout and stderr together. */
export interface CliResult {
  readonly status: number | null;
  readonly output: string;
}

/** A copy of the repository's Pulumi project, run by the real CLI against an emulator. */
export interface CliProject {
  readonly root: string;
  readonly emulator: Emulator;
  /** Every command run so far with its output, for the search for secrets and for debugging. */
  readonly transcript: string[];
  /**
   * Runs `pulumi ARGS --stack staging` in the project. `env` is added to the environment of this
   * command, and an undefined value in it removes that variable. `input` is written to stdin,
   * where `pulumi config set` reads a value that should not appear in the transcript.
   */
  pulumi(args: string[], env?: Record<string, string | undefined>, input?: string): Promise<CliResult>;
  /** Every file of the file backend as text, for the search for secrets in state. */
  state(): string;
  /** Stops the emulator; removes the project unless `keep` (after a failure, for reading). */
  close(keep: boolean): Promise<void>;
}

export interface CliProjectOptions {
  /** Client secret of the emulated `staging` organization, also given as OCROLUS_CLIENT_SECRET. */
  readonly clientSecret: string;
  /** Environment of every command besides the backend settings. */
  readonly env?: Record<string, string>;
  /** Replaces examples/pulumi/index.ts with this program. */
  readonly program?: string;
}

/**
 * Copies the project for stack `staging` with its endpoints pointed at a new emulator, and
 * returns a runner for the CLI with a local file backend.
 */
export async function startCliProject(options: CliProjectOptions): Promise<CliProject> {
  const emulator = await startEmulator({ organizations: [{ id: 'staging', clientId: 'staging-client', clientSecret: options.clientSecret }], requestsPerSecond: false });
  const root = copyProject(buildPackage(), 'staging', { apiUrl: emulator.apiUrl, authUrl: emulator.authUrl });
  mkdirSync(join(root, 'state'));
  if (options.program !== undefined) writeFileSync(join(root, 'examples', 'pulumi', 'index.ts'), options.program);

  const transcript: string[] = [];
  const baseEnv: Record<string, string> = {
    PATH: `${PULUMI_BIN}:${process.env.PATH}`,
    HOME: root,
    PULUMI_HOME: join(root, '.pulumi-home'),
    PULUMI_BACKEND_URL: `file://${join(root, 'state')}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: 'true',
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
    PULUMI_NODEJS_TRANSPILE_ONLY: 'true',
    OCROLUS_CLIENT_SECRET: options.clientSecret,
    ...options.env,
  };

  return {
    root,
    emulator,
    transcript,

    // The CLI runs without blocking this process, which serves the emulator the CLI talks to.
    async pulumi(args, env = {}, input = '') {
      const merged: Record<string, string | undefined> = { ...baseEnv, ...env };
      const childEnv = Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
      const child = spawn(join(PULUMI_BIN, 'pulumi'), [...args, '--stack', 'staging', '--non-interactive', '--color', 'never'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: childEnv });
      child.stdin.end(input);

      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

      transcript.push(`$ pulumi ${args.join(' ')}\n${output}`);
      return { status, output };
    },

    state: () => readTree(join(root, 'state')),

    async close(keep) {
      await emulator.close();
      if (keep) writeFileSync(join(root, 'transcript.txt'), transcript.join('\n'));
      else rmSync(root, { recursive: true, force: true });
    },
  };
}

function readTree(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? readTree(path) : readFileSync(path, 'utf8')))
    .join('\n');
}
