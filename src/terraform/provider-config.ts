import { DEFAULT_API_URL, DEFAULT_AUTH_URL, ENV } from '../client/options';
import { isLocalHost, maskUrl } from '../core/url';
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
 * Checks what can be checked before any call: no empty strings, and URLs that parse and reach
 * remote hosts over https only. Unknown values (from resources not created yet) are skipped.
 * Missing credentials are reported by ConfigureProvider, because they may come from the
 * environment of a later command.
 */
export function validateProviderConfig(config: TfObject): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { attribute, variable } of FALLBACKS) {
    const value = config[attribute];
    if (typeof value !== 'string') continue;

    if (value.trim() === '') {
      diagnostics.push(
        errorDiagnostic(
          'Empty Provider Setting',
          `${attribute} is an empty string. Set it to a value, or leave it out (null) so that the provider reads ${variable}: an empty string is not read as unset.`,
          [attribute],
        ),
      );
    } else if (attribute === 'api_url' || attribute === 'auth_url') {
      const problem = urlProblem(attribute, value, attribute);
      if (problem) diagnostics.push(problem);
    }
  }
  return diagnostics;
}

/**
 * Checks the URLs that come from the OCROLUS_* variables, which ValidateProviderConfig does not
 * see. URLs from the provider block are checked there.
 */
export function validateEnvironmentUrls(config: TfObject, settings: ProviderSettings, env: NodeJS.ProcessEnv): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { attribute, variable } of FALLBACKS) {
    if (attribute !== 'api_url' && attribute !== 'auth_url') continue;
    if (typeof config[attribute] === 'string' || nonEmpty(env[variable]) === undefined) continue;

    const problem = urlProblem(attribute, attribute === 'api_url' ? settings.apiUrl : settings.authUrl, variable);
    if (problem) diagnostics.push(problem);
  }
  return diagnostics;
}

/**
 * Returns an error for a URL that does not parse as http(s), or that uses plain http to a host
 * outside loopback and private networks, where the client secret and the access tokens would
 * cross the network unencrypted. `origin` names where the value came from.
 */
function urlProblem(attribute: 'api_url' | 'auth_url', value: string, origin: string): Diagnostic | undefined {
  const example = attribute === 'api_url' ? DEFAULT_API_URL : DEFAULT_AUTH_URL;
  const path = origin === attribute ? [attribute] : undefined;

  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return errorDiagnostic('Invalid Provider URL', `${origin} must be an http or https URL, such as ${example}.`, path);
  }

  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return errorDiagnostic('Invalid Provider URL', `${origin} must be an http or https URL, such as ${example}.`, path);
  }

  if (parsed.protocol === 'http:' && !isLocalHost(parsed.hostname)) {
    return errorDiagnostic(
      'Insecure Provider URL',
      `${origin} is ${maskUrl(value)}, which uses plain http to the host ${parsed.hostname}, so the client secret and the access tokens would cross the network unencrypted. ` +
        `Use https, such as ${example}. Plain http is accepted only for loopback and private addresses, such as a local emulator.`,
      path,
    );
  }
  return undefined;
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
    // An empty string is reported by validateProviderConfig, and never falls back to the variable.
    resolved[attribute] = typeof value === 'string' ? value : nonEmpty(env[variable]);
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
