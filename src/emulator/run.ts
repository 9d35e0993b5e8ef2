import { emulatorGuidePath } from './guide';
import { checkDataFileDirectory, loadState, saveState } from './persistence';
import { startEmulator } from './server';
import { EmulatorStore } from './store';
import type { Emulator, EmulatorOptions, OrganizationSeed } from './types';

/**
 * Organizations of a new data file. These credentials are public (documented for local use) and
 * reach only the emulator.
 */
export const DEFAULT_ORGANIZATIONS: readonly OrganizationSeed[] = Object.freeze([
  { id: 'staging', name: 'Staging', clientId: 'staging-client', clientSecret: 'staging-client-secret-0000' },
  { id: 'prod', name: 'Production', clientId: 'prod-client', clientSecret: 'prod-client-secret-0000' },
]);

/** Options of the `ocrolus-webhooks emulator` command. */
export interface RunEmulatorOptions extends Omit<EmulatorOptions, 'port' | 'organizations'> {
  port: number;
  /** Receives the startup lines. @default console.log */
  print?: (line: string) => void;
}

/**
 * Starts the emulator for the command line and prints where it listens and how to point the CLI
 * at it. Organizations come from the data file; a missing data file is created with the
 * organizations `staging` and `prod`. Without a data file those two are served from memory.
 * The returned emulator keeps the process running until it is closed.
 */
export async function runEmulator(options: RunEmulatorOptions): Promise<Emulator> {
  const { print = console.log, ...emulatorOptions } = options;

  const existing = options.dataFile === undefined ? undefined : loadState(options.dataFile);
  const organizations = existing === undefined ? DEFAULT_ORGANIZATIONS.map((seed) => ({ ...seed })) : [];
  const emulator = await startEmulator({ ...emulatorOptions, organizations });

  print(`Ocrolus emulator listening on ${emulator.url}`);
  for (const line of describeConnection(emulator, options.dataFile)) {
    print(line);
  }
  return emulator;
}

/**
 * Adds an organization to a data file (created with the default organizations when missing), or
 * replaces the credentials of the one with the same id. Run it while no emulator uses the file,
 * because a running emulator overwrites the file with its own state on its next change.
 */
export function addOrganizationToDataFile(dataFile: string, seed: OrganizationSeed): void {
  checkDataFileDirectory(dataFile);
  const snapshot = loadState(dataFile);
  const store = new EmulatorStore(snapshot, () => undefined);
  if (snapshot === undefined) {
    for (const organization of DEFAULT_ORGANIZATIONS) {
      store.upsertOrganization({ ...organization });
    }
  }

  store.upsertOrganization(seed);
  saveState(dataFile, store.snapshot());
}

/** Lines that tell a user how to point the CLI at the emulator; never a client secret. */
function describeConnection(emulator: Emulator, dataFile: string | undefined): string[] {
  const organizations = emulator.organizations();
  const source = dataFile ?? defaultSecretsSource();
  const lines = [
    dataFile === undefined
      ? 'State is kept in memory only (pass a data file to keep it across restarts).'
      : `State file: ${dataFile} (contains secrets; for local use only).`,
    `Organizations: ${organizations.map((organization) => `${organization.id} (client id ${organization.clientId})`).join(', ')}`,
  ];

  for (const organization of organizations) {
    const prefix = `OCROLUS_${organization.id.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
    lines.push(
      `To point the CLI's "${organization.id}" environment at the emulator:`,
      `  export ${prefix}_API_URL=${emulator.apiUrl}`,
      `  export ${prefix}_AUTH_URL=${emulator.authUrl}`,
      `  export ${prefix}_CLIENT_ID=${organization.clientId}`,
      `  export ${prefix}_CLIENT_SECRET=<client secret of "${organization.id}" from ${source}>`,
    );
  }
  return lines;
}

/**
 * Names where the default organizations' secrets are written down when no data file contains them:
 * the credentials table of the emulator guide shipped with the package.
 */
function defaultSecretsSource(): string {
  const guide = emulatorGuidePath();
  if (guide !== undefined) {
    return `the table "Organizations and credentials" in ${guide}`;
  }
  return 'DEFAULT_ORGANIZATIONS, exported by ocrolus-webhooks/emulator';
}
