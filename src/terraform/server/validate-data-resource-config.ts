import type { ValidateDataResourceConfigRequest, ValidateDataResourceConfigResponse } from '../protocol';
import { WEBHOOKS_DATA_SOURCE_TYPE } from '../schema';
import { unknownResourceType } from './validate-resource-config';

/** Checks only the type name, because the data source has no arguments. */
export async function validateDataResourceConfig(request: ValidateDataResourceConfigRequest): Promise<ValidateDataResourceConfigResponse> {
  if (request.type_name !== WEBHOOKS_DATA_SOURCE_TYPE) return { diagnostics: [unknownResourceType(request.type_name)] };
  return { diagnostics: [] };
}
