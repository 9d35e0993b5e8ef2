import { DEFAULT_API_URL, DEFAULT_AUTH_URL, ENV } from '../client/options';
import { errorDiagnostic } from './diagnostics';
import type { Diagnostic } from './protocol';
import { blockType, PROVIDER_SCHEMA } from './schema';
import { decodeDynamicValue, isUnknown } from './values';
import type { DynamicValue, TfObject } from './values';

/** Provider settings after the environment fallbacks. */
export interface ProviderSettings {
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly apiUrl: string;
  readonly authUrl: string;
}

const FALLBACKS = [
  { attribute: 'client_id', variable: ENV.clientId },
  { attribute: 'client_secret', variable: ENV.clientSecret },
  { attribute: 'api_url', variable: ENV.apiUrl },
  { attribute: 'auth_url', variable: ENV.authUrl },
] as const;

export function decodeProviderConfig(config: DynamicValue | undefined): TfObject {
  return (decodeDynamicValue(config, blockType(PROVIDER_SCHEMA)) as TfObject | null) ?? {};
}

/**
 * Checks what can be checked before any call: URLs that parse. Unknown values (from resources not
 * created yet) are skipped; credentials are checked by ConfigureProvider, because they may come
 * from the environment of a later command.
 */
export function validateProviderConfig(config: TfObject): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const attribute of ['api_url', 'auth_url'] as const) {
    const value = config[attribute];
    if (typeof value !== 'string') continue;
    if (!isHttpUrl(value)) {
      diagnostics.push(errorDiagnostic('Invalid Provider URL', `${attribute} must be an http or https URL, such as ${attribute === 'api_url' ? DEFAULT_API_URL : DEFAULT_AUTH_URL}.`, [attribute]));
    }
  }
  return diagnostics;
}

/**
 * Resolves each setting from the provider block, then the OCROLUS_* variable. Unknown values are
 * reported, because the provider cannot reach the API without them.
 */
export function resolveProviderSettings(config: TfObject, env: NodeJS.ProcessEnv): { settings: ProviderSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const resolved: Record<string, string | undefined> = {};

  for (const { attribute, variable } of FALLBACKS) {
    const value = config[attribute];
    if (isUnknown(value)) {
      diagnostics.push(
        errorDiagnostic('Provider Setting Unknown', `${attribute} depends on a value that is known only after apply. Pass it from a variable or the ${variable} environment variable instead.`, [attribute]),
      );
      continue;
    }
    resolved[attribute] = typeof value === 'string' && value !== '' ? value : nonEmpty(env[variable]);
  }

  if (diagnostics.length === 0) {
    if (resolved.client_id === undefined) {
      diagnostics.push(errorDiagnostic('Missing Ocrolus Client ID', `Set client_id in the provider block or the ${ENV.clientId} environment variable to the OAuth client id of the organization.`, ['client_id']));
    }
    if (resolved.client_secret === undefined) {
      diagnostics.push(
        errorDiagnostic('Missing Ocrolus Client Secret', `Set client_secret in the provider block (from a sensitive variable) or the ${ENV.clientSecret} environment variable.`, ['client_secret']),
      );
    }
  }

  const settings: ProviderSettings = {
    ...(resolved.client_id !== undefined ? { clientId: resolved.client_id } : {}),
    ...(resolved.client_secret !== undefined ? { clientSecret: resolved.client_secret } : {}),
    apiUrl: resolved.api_url ?? DEFAULT_API_URL,
    authUrl: resolved.auth_url ?? DEFAULT_AUTH_URL,
  };
  return { settings, diagnostics };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}
