import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { packageVersion, providerExecutable } from './package-paths';
import { PROVIDER_ADDRESSES, PROVIDER_TYPE_NAME } from './schema';

export type InstallMode = 'mirror' | 'dev-overrides';

export interface InstallOptions {
  /** Folder for the mirror or override folder and the CLI configuration. @default ./.ocrolus-webhooks/terraform */
  readonly dir?: string;
  readonly mode: InstallMode;
  /** Version the mirror offers. @default this package's version */
  readonly version?: string;
  /** Node.js binary the launcher runs. @default the one running this code */
  readonly nodePath?: string;
}

export interface InstallResult {
  /** CLI configuration to point TF_CLI_CONFIG_FILE at. */
  readonly cliConfigFile: string;
  /** The launcher the engine runs: the override's in dev-overrides mode, else the registry.terraform.io copy in the mirror. */
  readonly executable: string;
  /** Mirror root (mirror mode) or override folder (dev-overrides mode). */
  readonly providerDir: string;
  readonly version: string;
  readonly mode: InstallMode;
  /** Shell line that makes the engine use this installation. */
  readonly exportLine: string;
}

const EXECUTABLE_NAME = `terraform-provider-${PROVIDER_TYPE_NAME}`;

/**
 * Installs this package's provider for Terraform or OpenTofu without a registry:
 *
 * - `mirror` writes a filesystem mirror in the unpacked layout
 *   (`registry.terraform.io/ocrolus/ocrolus/VERSION/OS_ARCH/terraform-provider-ocrolus_vVERSION`)
 *   and a CLI configuration that takes ocrolus/ocrolus from it. `init` records the provider's
 *   hash in the lock file, as for any provider.
 * - `dev-overrides` also writes a folder with `terraform-provider-ocrolus` and a CLI configuration
 *   with `dev_overrides` over the mirror; the engine then runs the folder's launcher without
 *   version or hash checks, and warns about it on every run.
 *
 * Either way the executable is a small shell launcher that runs this package's
 * bin/terraform-provider-ocrolus.js, so rebuilding the package updates the provider in place.
 */
export async function installTerraformProvider(options: InstallOptions): Promise<InstallResult> {
  const dir = resolve(options.dir ?? join(process.cwd(), '.ocrolus-webhooks', 'terraform'));
  const version = options.version ?? packageVersion();
  const launcher = launcherScript(options.nodePath ?? process.execPath, providerExecutable());
  const cliConfigFile = join(dir, 'terraform.rc');

  // Both modes write the mirror: with dev_overrides it lets `init` finish (CDKTF output carries a
  // backend block, so init must run), since the engine still resolves overridden providers there.
  const mirrorDir = join(dir, 'mirror');
  const executables = PROVIDER_ADDRESSES.map((address) => join(mirrorDir, ...address.split('/'), version, platformName(), `${EXECUTABLE_NAME}_v${version}`));

  let providerDir = mirrorDir;
  let cliConfig = mirrorCliConfig(mirrorDir);
  if (options.mode === 'dev-overrides') {
    providerDir = join(dir, 'dev-overrides');
    executables.unshift(join(providerDir, EXECUTABLE_NAME));
    cliConfig = devOverridesCliConfig(providerDir, mirrorDir);
  }

  for (const executable of executables) {
    await mkdir(join(executable, '..'), { recursive: true });
    await writeFile(executable, launcher);
    await chmod(executable, 0o755);
  }
  await mkdir(dir, { recursive: true });
  await writeFile(cliConfigFile, cliConfig);

  return {
    cliConfigFile,
    executable: executables[0],
    providerDir,
    version,
    mode: options.mode,
    exportLine: `export TF_CLI_CONFIG_FILE=${shellQuote(cliConfigFile)}`,
  };
}

/** Node.js architecture names that Go, and so the engine, spells differently. */
const GO_ARCHITECTURES: Readonly<Record<string, string>> = { x64: 'amd64', ia32: '386' };

/** `linux_amd64`-style platform name the engine uses in mirror paths. */
export function platformName(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  const cpu = GO_ARCHITECTURES[arch] ?? arch;
  return `${os}_${cpu}`;
}

export function launcherScript(nodePath: string, entry: string): string {
  return `#!/bin/sh\n# Runs the Ocrolus Terraform provider from the ocrolus-webhooks package.\nexec ${shellQuote(nodePath)} ${shellQuote(entry)} "$@"\n`;
}

/** CLI configuration taking ocrolus/ocrolus (under either engine's registry host) from the mirror. */
export function mirrorCliConfig(mirrorDir: string): string {
  return ['provider_installation {', ...mirrorSources(mirrorDir), '}', ''].join('\n');
}

/**
 * CLI configuration overriding ocrolus/ocrolus (under either engine's registry host) with a local
 * folder. The mirror stays as the installation source, because `init` still resolves overridden
 * providers and would otherwise ask the registry.
 */
export function devOverridesCliConfig(overrideDir: string, mirrorDir: string): string {
  const overrides = PROVIDER_ADDRESSES.map((address) => `    ${hclString(address)} = ${hclString(overrideDir)}`);
  return ['provider_installation {', '  dev_overrides {', ...overrides, '  }', ...mirrorSources(mirrorDir), '}', ''].join('\n');
}

function mirrorSources(mirrorDir: string): string[] {
  const addresses = PROVIDER_ADDRESSES.map(hclString).join(', ');
  return ['  filesystem_mirror {', `    path    = ${hclString(mirrorDir)}`, `    include = [${addresses}]`, '  }', '  direct {', `    exclude = [${addresses}]`, '  }'];
}

function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
