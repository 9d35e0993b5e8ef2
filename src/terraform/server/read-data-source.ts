import { observeOrganization } from '../../core/observe';
import { maskUrl } from '../../core/url';
import { diagnosticsFromError } from '../error-diagnostics';
import type { ProviderContext } from '../provider-context';
import { configuredApi } from '../provider-context';
import type { ReadDataSourceRequest, ReadDataSourceResponse } from '../protocol';
import { blockType, WEBHOOKS_DATA_SOURCE_SCHEMA, WEBHOOKS_DATA_SOURCE_TYPE } from '../schema';
import { encodeDynamicValue } from '../values';
import { unknownResourceType } from './validate-resource-config';

/**
 * Lists every webhook of the organization with its events. URLs are returned as the API stores
 * them, except that credentials in a URL are masked, because data source results are not
 * sensitive and show up in plans and outputs.
 */
export async function readDataSource(request: ReadDataSourceRequest, context: ProviderContext): Promise<ReadDataSourceResponse> {
  if (request.type_name !== WEBHOOKS_DATA_SOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };

  const client = configuredApi(context);
  if ('diagnostic' in client) return { diagnostics: [client.diagnostic] };

  try {
    const webhooks = await observeOrganization(client.api, { signal: context.stop.signal });
    const state = {
      id: context.organization,
      webhooks: webhooks.map((webhook) => ({
        uuid: webhook.uuid,
        url: listedUrl(webhook.url),
        description: webhook.description,
        active: webhook.active,
        events: [...webhook.events],
        created_on: webhook.createdOn ?? null,
        last_modified_date: webhook.lastModifiedDate ?? null,
      })),
    };
    return { state: encodeDynamicValue(state, blockType(WEBHOOKS_DATA_SOURCE_SCHEMA)), diagnostics: [] };
  } catch (error) {
    return { diagnostics: diagnosticsFromError(error, { log: context.log, step: 'list', organization: context.organization }) };
  }
}

/**
 * Returns the URL as the API stores it when it carries no credentials. maskUrl returns the parsed
 * form (lower-case host, no default port), so a URL it changed beyond that has credentials and is
 * returned masked, in that parsed form.
 */
function listedUrl(url: string): string {
  const masked = maskUrl(url);

  let parsedForm = url;
  try {
    parsedForm = new URL(url).href;
  } catch {
    // An unparseable URL is compared as it is.
  }
  return masked === parsedForm ? url : masked;
}
