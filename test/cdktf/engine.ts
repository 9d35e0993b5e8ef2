import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Root of the repository. */
export const REPO_ROOT = resolve(__dirname, '../..');

/** The compiled example app that cdktf.json runs. */
export const EXAMPLE_APP = join(REPO_ROOT, 'dist/examples/cdktf/main.js');

const PROVIDER_BIN = join(REPO_ROOT, 'bin/terraform-provider-ocrolus.js');
const PROVIDER_ENTRY = join(REPO_ROOT, 'dist/src/terraform/index.js');

/** Sources whose compiled output the end-to-end tests run. */
const BUILD_INPUTS = ['src', 'examples/cdktf'];

/**
 * Path of the OpenTofu binary: OCROLUS_TOFU, else the one scripts/install-engines.sh builds.
 * Throws with the fix when neither exists.
 */
export function locateTofu(): string {
  const tofu = process.env.OCROLUS_TOFU ?? join(REPO_ROOT, '.tools/bin/tofu');
  if (!existsSync(tofu)) {
    throw new Error(`OpenTofu not found at ${tofu}. Run scripts/install-engines.sh, or set OCROLUS_TOFU to a tofu binary.`);
  }
  return tofu;
}

/**
 * Compiles the project with `tsc` when dist/ is missing or older than a source file, because the
 * example app and the provider executable run from dist/. Other test files may build at the same
 * time, so the check is repeated under an exclusive lock on a file in dist/. A test file that
 * waited for the lock then finds the build current instead of rewriting files in use.
 */
export function ensureBuilt(): void {
  if (isBuildCurrent()) return;

  mkdirSync(join(REPO_ROOT, 'dist'), { recursive: true });
  const stale = `find ${BUILD_INPUTS.join(' ')} -name '*.ts' -newer dist/examples/cdktf/main.js | grep -q .`;
  const missing = `test ! -f dist/examples/cdktf/main.js -o ! -f dist/src/terraform/index.js`;
  const build = `${JSON.stringify(process.execPath)} node_modules/typescript/bin/tsc -p tsconfig.json`;
  try {
    execFileSync('flock', ['dist/.build.lock', 'sh', '-c', `if ${missing} || ${stale}; then ${build}; fi`], { cwd: REPO_ROOT, stdio: 'pipe' });
  } catch {
    // tsc still writes its output when other folders have type errors; the checks below decide.
  }

  for (const file of [EXAMPLE_APP, PROVIDER_ENTRY, PROVIDER_BIN]) {
    if (!existsSync(file)) throw new Error(`${file} is missing after the build. Run npm run build and read its errors.`);
  }
}

function isBuildCurrent(): boolean {
  if (!existsSync(EXAMPLE_APP) || !existsSync(PROVIDER_ENTRY)) return false;

  const built = statSync(EXAMPLE_APP).mtimeMs;
  return BUILD_INPUTS.every((folder) => newestModification(join(REPO_ROOT, folder)) <= built);
}

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestModification(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Writes a CLI configuration that installs our provider from a filesystem mirror in `dir` and
 * nothing else, so the engine never contacts a registry. Returns the configuration file's path.
 *
 * NOTE: `dev_overrides` alone does not work here, because `tofu init` (1.6) still looks the
 * overridden provider up in the other sources and fails, and plan refuses to run before init
 * has configured the backend that cdktf declares.
 */
export function writeCliConfig(dir: string): string {
  const mirror = join(dir, 'mirror');
  const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const launcher = `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(PROVIDER_BIN)} "$@"\n`;

  // OpenTofu expands a bare `ocrolus/ocrolus` with its own registry host, Terraform with
  // registry.terraform.io, so the mirror offers the provider under both.
  for (const host of ['registry.opentofu.org', 'registry.terraform.io']) {
    const platformDir = join(mirror, host, 'ocrolus/ocrolus', version, platformName());
    mkdirSync(platformDir, { recursive: true });
    const executable = join(platformDir, `terraform-provider-ocrolus_v${version}`);
    writeFileSync(executable, launcher);
    chmodSync(executable, 0o755);
  }

  const configFile = join(dir, 'cli.tfrc');
  writeFileSync(configFile, ['provider_installation {', '  filesystem_mirror {', `    path = ${JSON.stringify(mirror)}`, '  }', '}', ''].join('\n'));
  return configFile;
}

/** Returns the engine's name for this machine's platform, such as `linux_amd64`. */
function platformName(): string {
  const cpu = process.arch === 'x64' ? 'amd64' : process.arch;
  return `${process.platform}_${cpu}`;
}

/** Exit code and output of one engine command. */
export interface CommandResult {
  readonly command: string;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to completion and collects its output. The environment is exactly `env`, so the
 * machine's TF_CLI_CONFIG_FILE and OCROLUS_* variables never leak in.
 */
export function run(file: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CommandResult> {
  const command = [file, ...args].join(' ');

  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ command, code, stdout, stderr }));
  });
}

/** Throws with the command's output when it did not exit with `expected`. */
export function expectExit(result: CommandResult, expected = 0): CommandResult {
  if (result.code !== expected) {
    throw new Error(
      `${result.command} exited with ${result.code}, expected ${expected}.\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`,
    );
  }
  return result;
}

/** Environment for engine commands: the basics of this process plus `extra`, nothing else. */
export function engineEnv(cliConfigFile: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    ...extra,
  };
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}
