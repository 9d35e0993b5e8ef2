import { ENV } from '../client/options';

/**
 * Stack configuration keys the provider reads. `ocrolus:clientSecret` is meant to be set with
 * `pulumi config set --secret`.
 */
export const CONFIG_KEYS = {
  clientId: 'ocrolus:clientId',
  clientSecret: 'ocrolus:clientSecret',
  apiUrl: 'ocrolus:apiUrl',
  authUrl: 'ocrolus:authUrl',
} as const;

export type SettingName = keyof typeof CONFIG_KEYS;

/** Connection settings taken from stack configuration; each one missing there falls back to the environment. */
export type ProviderSettings = Partial<Record<SettingName, string>>;

/** The part of the dynamic provider's `Config` that the provider uses. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

const SETTING_NAMES = Object.keys(CONFIG_KEYS) as SettingName[];

/**
 * Reads the connection settings from the configuration that the engine passes to `configure`.
 * The engine hands a dynamic provider the whole stack configuration, keys with their namespace.
 */
export function readSettings(config: ConfigSource | undefined): ProviderSettings {
  const settings: ProviderSettings = {};
  if (!config) return settings;

  for (const name of SETTING_NAMES) {
    const value = readKey(config, CONFIG_KEYS[name]);
    if (value !== undefined) settings[name] = value;
  }
  return settings;
}

function readKey(config: ConfigSource, key: string): string | undefined {
  let value: unknown;
  try {
    value = config.get(key);
  } catch {
    // NOTE: the host builds the config from the Configure call. When the engine made none, every
    // lookup throws, and that means the same as an empty configuration.
    return undefined;
  }

  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.trim();
}

/** Provider calls that reach the Ocrolus API. */
export type ProviderCall = 'create' | 'read' | 'update' | 'delete';

/**
 * Provider calls that `pulumi refresh` and `pulumi destroy` make. The engine runs them with the
 * provider configuration saved in state by the last `pulumi up`, not with the stack's current one.
 */
const SAVED_CONFIGURATION_CALLS: ReadonlySet<ProviderCall> = new Set(['read', 'delete']);

/**
 * Merges stack configuration over the environment: a value set in the stack wins, and each
 * missing one is read from the same variable the CLI reads. Throws naming both places when the
 * client id or secret is set in neither; never prints a value. `call` names the provider call, so
 * that the message for a refresh or destroy explains which configuration it uses.
 */
export function resolveSettings(settings: ProviderSettings, env: NodeJS.ProcessEnv, call?: ProviderCall): ProviderSettings {
  const resolved: ProviderSettings = {};
  for (const name of SETTING_NAMES) {
    const value = settings[name] ?? nonEmpty(env[ENV[name]]);
    if (value !== undefined) resolved[name] = value;
  }

  const missing = (['clientId', 'clientSecret'] as const).filter((name) => resolved[name] === undefined);
  if (missing.length > 0) {
    const fixes = missing.map((name) => `${CONFIG_KEYS[name]} (pulumi config set${name === 'clientSecret' ? ' --secret' : ''} ${CONFIG_KEYS[name]} ...) or the environment variable ${ENV[name]}`);
    const message = `Ocrolus credentials are missing: set ${fixes.join(', and ')}.`;
    if (call === undefined || !SAVED_CONFIGURATION_CALLS.has(call)) throw new Error(message);
    throw new Error(
      `${message} pulumi refresh and pulumi destroy use the stack configuration saved by the last pulumi up, so a key set after that is not visible to them. ` +
        'Run pulumi up first (or add --run-program), or set the OCROLUS_* environment variables for this command.',
    );
  }
  return resolved;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
