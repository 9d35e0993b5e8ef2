import { decodeProviderConfig, validateProviderConfig as checkProviderConfig } from '../provider-config';
import type { ValidateProviderConfigRequest, ValidateProviderConfigResponse } from '../protocol';

/** Checks the provider block before it is used: no empty strings, and URLs that parse and are safe to send credentials to. */
export async function validateProviderConfig(request: ValidateProviderConfigRequest): Promise<ValidateProviderConfigResponse> {
  const config = decodeProviderConfig(request.config);
  return { diagnostics: checkProviderConfig(config) };
}
