import * as path from 'node:path';

import type * as InstallModule from '../../terraform/install';
import { CliError } from '../errors';
import type { CliIo } from '../io';

export interface TerraformInstallOptions {
  readonly dir?: string;
  readonly mode?: string;
}

const MODES = ['mirror', 'dev-overrides'] as const;

/** Install directory when --dir is not given, relative to the working directory. */
const DEFAULT_INSTALL_DIR = path.join('.ocrolus-webhooks', 'terraform');

/**
 * `terraform install`: installs this package's Terraform provider for local use, as a filesystem
 * mirror or a dev_overrides CLI configuration. The work is done by the Terraform layer.
 */
export async function runTerraformInstallCommand(options: TerraformInstallOptions, io: CliIo): Promise<number> {
  const mode = options.mode ?? 'mirror';
  if (!(MODES as readonly string[]).includes(mode)) throw new CliError(`Invalid --mode "${mode}": use mirror or dev-overrides.`);

  // Loaded on demand: the Terraform layer is needed by this command only.
  const { installTerraformProvider } = require('../../terraform/install') as typeof InstallModule;
  const result = await installTerraformProvider({
    mode: mode as (typeof MODES)[number],
    dir: path.resolve(io.cwd, options.dir ?? DEFAULT_INSTALL_DIR),
  });

  io.stdout.write(`Installed the Terraform provider ocrolus/ocrolus ${result.version} (${mode}) at ${result.executable}.\n`);
  io.stdout.write(`Point Terraform or OpenTofu at it with:\n  ${result.exportLine}\n`);
  return 0;
}
