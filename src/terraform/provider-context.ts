import type { WebhookApi } from '../client/types';
import { errorDiagnostic } from './diagnostics';
import type { PluginLogger } from './log';
import type { Diagnostic } from './protocol';

/** State shared by the RPCs of one provider process: the configured client and the stop signal. */
export interface ProviderContext {
  /** Set by ConfigureProvider; absent until then or when the configuration was invalid. */
  api?: WebhookApi;
  /** Label of the configured organization for messages (the client id, never a secret). */
  organization: string;
  /** Aborted by StopProvider, which cancels every API call in flight. */
  stop: AbortController;
  readonly log: PluginLogger;
  /** Builds the API client; replaced in tests. Loaded lazily because few RPCs need it. */
  readonly createApi: (options: import('../client/options').ClientOptions) => WebhookApi;
}

export function createProviderContext(log: PluginLogger, createApi?: ProviderContext['createApi']): ProviderContext {
  return {
    organization: 'unconfigured',
    stop: new AbortController(),
    log,
    createApi: createApi ?? defaultCreateApi,
  };
}

/** Returns the configured client, or a diagnostic explaining that the provider is not configured. */
export function configuredApi(context: ProviderContext): { api: WebhookApi } | { diagnostic: Diagnostic } {
  if (context.api) return { api: context.api };
  return {
    diagnostic: errorDiagnostic(
      'Provider Not Configured',
      'The Ocrolus provider has no usable configuration, so it cannot call the API. Fix the errors reported for the provider block ' +
        '(client_id and client_secret, or OCROLUS_CLIENT_ID and OCROLUS_CLIENT_SECRET), then run the command again.',
    ),
  };
}

function defaultCreateApi(options: import('../client/options').ClientOptions): WebhookApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const client = require('../client') as typeof import('../client');
  return client.createClient(options);
}
