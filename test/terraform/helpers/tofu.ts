import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { installTerraformProvider } from '../../../src/terraform/install';
import type { InstallMode } from '../../../src/terraform/install';
import { REPO_ROOT } from './build';

export interface TofuResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** OCROLUS_TOFU, else the binary scripts/install-engines.sh builds; throws with the fix when missing. */
export function locateTofu(): string {
  const tofu = process.env.OCROLUS_TOFU ?? join(REPO_ROOT, '.tools/bin/tofu');
  if (!existsSync(tofu)) throw new Error(`OpenTofu not found at ${tofu}. Run scripts/install-engines.sh to build it, or set OCROLUS_TOFU to a tofu binary.`);
  return tofu;
}

/**
 * Registry host under which the engine looks the provider up: Terraform expands `ocrolus/ocrolus`
 * to registry.terraform.io, OpenTofu to registry.opentofu.org. OCROLUS_TOFU may name either engine.
 */
export function engineRegistryHost(): string {
  const version = execFileSync(locateTofu(), ['version'], { encoding: 'utf8', env: { PATH: process.env.PATH, CHECKPOINT_DISABLE: '1' } });
  return version.startsWith('Terraform') ? 'registry.terraform.io' : 'registry.opentofu.org';
}

/** A working folder for one configuration, with the provider installed and an engine to run in it. */
export interface TofuWorkspace {
  readonly dir: string;
  readonly cliConfigFile: string;
  /** Every command's stdout and stderr so far, for secret searches. */
  readonly transcript: string[];
  writeConfig(config: object): void;
  run(args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<TofuResult>;
}

/**
 * Creates a temporary folder with the provider installed (`mode`) and a CLI configuration of its
 * own, overriding the machine-wide TF_CLI_CONFIG_FILE, with HOME pointed inside so that no user
 * configuration applies. Commands run asynchronously, because the emulator serves from this process.
 */
export async function createWorkspace(mode: InstallMode, env: NodeJS.ProcessEnv): Promise<TofuWorkspace> {
  const tofu = locateTofu();
  const root = mkdtempSync(join(tmpdir(), 'ocrolus-tofu-'));
  const dir = join(root, 'config');
  const home = join(root, 'home');
  mkdirSync(dir);
  mkdirSync(home);

  const { cliConfigFile } = await installTerraformProvider({ dir: join(root, 'provider'), mode });
  const transcript: string[] = [];
  const baseEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    TMPDIR: process.env.TMPDIR ?? tmpdir(),
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    ...env,
  };

  return {
    dir,
    cliConfigFile,
    transcript,
    writeConfig: (config) => writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config, null, 2)),
    run: (args, extraEnv = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(tofu, args, { cwd: dir, env: { ...baseEnv, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
          transcript.push(`$ tofu ${args.join(' ')}\n${stdout}\n${stderr}`);
          resolve({ code, stdout, stderr });
        });
      }),
  };
}

/** Flags every command gets in automation. */
export const PLAN_FLAGS = ['-input=false', '-no-color'];
