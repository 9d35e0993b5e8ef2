import { ClientConfigurationError } from './configuration-error';
import { ENV, type ClientOptions } from './options';

/**
 * Builds client options from OCROLUS_CLIENT_ID, OCROLUS_CLIENT_SECRET, OCROLUS_API_URL and
 * OCROLUS_AUTH_URL; `overrides` win over the environment. Throws `ClientConfigurationError` naming
 * the first missing variable, without printing any value.
 */
export function clientOptionsFromEnv(env: NodeJS.ProcessEnv, overrides: Partial<ClientOptions> = {}): ClientOptions {
  const clientId = overrides.clientId ?? nonEmpty(env[ENV.clientId]);
  if (clientId === undefined) throw missing(ENV.clientId, 'the client id of the Ocrolus organization');

  const clientSecret = overrides.clientSecret ?? nonEmpty(env[ENV.clientSecret]);
  if (clientSecret === undefined) throw missing(ENV.clientSecret, 'the client secret of the Ocrolus organization');

  const apiUrl = overrides.apiUrl ?? nonEmpty(env[ENV.apiUrl]);
  const authUrl = overrides.authUrl ?? nonEmpty(env[ENV.authUrl]);

  return {
    ...overrides,
    clientId,
    clientSecret,
    ...(apiUrl === undefined ? {} : { apiUrl }),
    ...(authUrl === undefined ? {} : { authUrl }),
  };
}

function missing(variable: string, description: string): ClientConfigurationError {
  return new ClientConfigurationError(variable, `${variable} is not set: set it to ${description}, or pass the value in the client options.`);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
