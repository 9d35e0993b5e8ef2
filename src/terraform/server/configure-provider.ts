import { maskUrl } from '../../core/url';
import type { ProviderContext } from '../provider-context';
import { decodeProviderConfig, resolveProviderSettings, validateEnvironmentUrls, validateProviderConfig } from '../provider-config';
import type { ConfigureProviderRequest, ConfigureProviderResponse } from '../protocol';

/**
 * Builds the API client from the provider block and the OCROLUS_* variables. No API call is made
 * here: the first call authenticates, so a plan with nothing to refresh needs no token.
 */
export async function configureProvider(request: ConfigureProviderRequest, context: ProviderContext, env: NodeJS.ProcessEnv = process.env): Promise<ConfigureProviderResponse> {
  const config = decodeProviderConfig(request.config);
  const { settings, diagnostics } = resolveProviderSettings(config, env);
  diagnostics.push(...validateProviderConfig(config), ...validateEnvironmentUrls(config, settings, env));
  if (diagnostics.length > 0) return { diagnostics };

  const clientId = settings.clientId as string;
  context.organization = clientId;
  context.api = context.createApi({
    clientId,
    clientSecret: settings.clientSecret as string,
    apiUrl: settings.apiUrl,
    authUrl: settings.authUrl,
    organization: clientId,
    logger: (record) => {
      const level = record.event === 'error' ? 'warn' : 'debug';
      context.log(level, `ocrolus api ${record.event}`, { ...record });
    },
  });

  context.log('debug', 'provider configured', { organization: clientId, api_url: maskUrl(settings.apiUrl), terraform_version: request.terraform_version });
  return { diagnostics: [] };
}
