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
  /** The launcher the engine runs (the registry.terraform.io copy in mirror mode). */
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
 *   and a CLI configuration that takes ocrolus/ocrolus from it; `init` records its hash in the
 *   lock file, as for any provider.
 * - `dev-overrides` writes a folder with `terraform-provider-ocrolus` and a CLI configuration
 *   with `dev_overrides`; the engine skips version and hash checks and warns about it on every run.
 *
 * Either way the executable is a small shell launcher that runs this package's
 * bin/terraform-provider-ocrolus.js, so rebuilding the package updates the provider in place.
 */
export async function installTerraformProvider(options: InstallOptions): Promise<InstallResult> {
  const dir = resolve(options.dir ?? join(process.cwd(), '.ocrolus-webhooks', 'terraform'));
  const version = options.version ?? packageVersion();
  const launcher = launcherScript(options.nodePath ?? process.execPath, providerExecutable());
  const cliConfigFile = join(dir, 'terraform.rc');

  let providerDir: string;
  let executables: string[];
  let cliConfig: string;
  if (options.mode === 'mirror') {
    providerDir = join(dir, 'mirror');
    executables = PROVIDER_ADDRESSES.map((address) => join(providerDir, ...address.split('/'), version, platformName(), `${EXECUTABLE_NAME}_v${version}`));
    cliConfig = mirrorCliConfig(providerDir);
  } else {
    providerDir = join(dir, 'dev-overrides');
    executables = [join(providerDir, EXECUTABLE_NAME)];
    cliConfig = devOverridesCliConfig(providerDir);
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

/** `linux_amd64`-style platform name the engine uses in mirror paths. */
export function platformName(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  const cpu = arch === 'x64' ? 'amd64' : arch === 'ia32' ? '386' : arch;
  return `${os}_${cpu}`;
}

export function launcherScript(nodePath: string, entry: string): string {
  return `#!/bin/sh\n# Runs the Ocrolus Terraform provider from the ocrolus-webhooks package.\nexec ${shellQuote(nodePath)} ${shellQuote(entry)} "$@"\n`;
}

/** CLI configuration taking ocrolus/ocrolus (under either engine's registry host) from the mirror. */
export function mirrorCliConfig(mirrorDir: string): string {
  const addresses = PROVIDER_ADDRESSES.map(hclString).join(', ');
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${hclString(mirrorDir)}`,
    `    include = [${addresses}]`,
    '  }',
    '  direct {',
    `    exclude = [${addresses}]`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** CLI configuration overriding ocrolus/ocrolus (under either engine's registry host) with a local folder. */
export function devOverridesCliConfig(overrideDir: string): string {
  const overrides = PROVIDER_ADDRESSES.map((address) => `    ${hclString(address)} = ${hclString(overrideDir)}`);
  return ['provider_installation {', '  dev_overrides {', ...overrides, '  }', '  direct {}', '}', ''].join('\n');
}

function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
