import { clientOptionsFromEnv, createClient } from '../client';
import type { WebhookApi } from '../client/types';
import { resolveSettings } from './settings';
import type { ProviderCall, ProviderSettings } from './settings';

/**
 * Clients by connection, reused across calls in one provider process so that the access token and
 * the per-organization rate limit are shared. They live in this module, which the serialized
 * provider requires at run time, so no client or credential is ever part of the serialized code.
 */
const clients = new Map<string, WebhookApi>();

/**
 * Returns a client for the settings from stack configuration, with each missing setting read from
 * the environment now, at the time of the call. `call` is the provider call, for messages.
 */
export function connect(settings: ProviderSettings, call: ProviderCall, env: NodeJS.ProcessEnv = process.env): WebhookApi {
  const resolved = resolveSettings(settings, env, call);
  const options = clientOptionsFromEnv(env, resolved);

  const key = JSON.stringify([options.apiUrl, options.authUrl, options.clientId, options.clientSecret]);
  let client = clients.get(key);
  if (!client) {
    client = createClient(options);
    clients.set(key, client);
  }
  return client;
}
