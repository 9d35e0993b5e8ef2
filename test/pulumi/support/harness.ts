import { startEmulator } from '../../../src/emulator';
import type { Emulator, OrganizationSeed } from '../../../src/emulator';
import { ORGANIZATION, stackConfig } from './fixtures';
import { startProviderHost } from './host';
import type { ProviderHost } from './host';
import { buildPackage } from './package';
import type { BuiltPackage } from './package';
import { serializeProvider } from './serialize';

/** An emulator, the serialized provider and a provider host configured for the emulator. */
export interface Harness {
  readonly pkg: BuiltPackage;
  readonly emulator: Emulator;
  /** The serialized provider, as state stores it under `__provider`. */
  readonly providerText: string;
  readonly host: ProviderHost;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra organizations to serve besides `staging`. */
  readonly organizations?: OrganizationSeed[];
  /** Environment of the host process; PATH only by default, so no credential comes from the environment. */
  readonly hostEnv?: NodeJS.ProcessEnv | ((emulator: Emulator) => NodeJS.ProcessEnv);
  /** Configuration sent with Configure; the emulator's by default, none when null. */
  readonly config?: Record<string, unknown> | null;
}

/**
 * Starts the pieces the engine would have running: the emulator replaces Ocrolus, and the
 * host runs in the folder of a program that depends on the package.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const pkg = buildPackage();
  const emulator = await startEmulator({ organizations: [ORGANIZATION, ...(options.organizations ?? [])], requestsPerSecond: false });
  const providerText = serializeProvider(pkg).text;
  const env = typeof options.hostEnv === 'function' ? options.hostEnv(emulator) : (options.hostEnv ?? { PATH: process.env.PATH });
  const host = await startProviderHost({ cwd: pkg.dependentProgram, env });

  const config = options.config === undefined ? stackConfig(emulator) : options.config;
  if (config !== null) await host.configure(config);

  return {
    pkg,
    emulator,
    providerText,
    host,
    async close() {
      await host.close();
      await emulator.close();
    },
  };
}
