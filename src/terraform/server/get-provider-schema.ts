import { PROVIDER_SCHEMA, WEBHOOK_RESOURCE_TYPE, WEBHOOK_SCHEMA, WEBHOOKS_DATA_SOURCE_SCHEMA, WEBHOOKS_DATA_SOURCE_TYPE } from '../schema';
import type { GetProviderSchemaRequest, GetProviderSchemaResponse } from '../protocol';
import { schemaMessage } from './schema-message';

/** Returns the provider, resource and data source schemas. They never change within a release. */
export async function getProviderSchema(_request: GetProviderSchemaRequest): Promise<GetProviderSchemaResponse> {
  return {
    provider: schemaMessage(PROVIDER_SCHEMA),
    resource_schemas: { [WEBHOOK_RESOURCE_TYPE]: schemaMessage(WEBHOOK_SCHEMA) },
    data_source_schemas: { [WEBHOOKS_DATA_SOURCE_TYPE]: schemaMessage(WEBHOOKS_DATA_SOURCE_SCHEMA) },
    diagnostics: [],
    // Destroy needs no planning beyond the engine's own (a null planned state).
    server_capabilities: { plan_destroy: false, get_provider_schema_optional: true },
  };
}
