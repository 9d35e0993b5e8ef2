import type { ValidateDataResourceConfigRequest, ValidateDataResourceConfigResponse } from '../protocol';
import { WEBHOOKS_DATA_SOURCE_TYPE } from '../schema';
import { unknownResourceType } from './validate-resource-config';

/** The data source has no arguments, so only the type name is checked. */
export async function validateDataResourceConfig(request: ValidateDataResourceConfigRequest): Promise<ValidateDataResourceConfigResponse> {
  if (request.type_name !== WEBHOOKS_DATA_SOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };
  return { diagnostics: [] };
}
