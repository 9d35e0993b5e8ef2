/**
 * CDKTF constructs for the Ocrolus Terraform provider: `OcrolusProvider`, the `Webhook` resource
 * and the `DataOcrolusWebhooks` data source. They synthesize JSON that Terraform or OpenTofu
 * applies through `terraform-provider-ocrolus`.
 */
export { OcrolusProvider } from './provider';
export type { OcrolusProviderConfig } from './provider';
export { Webhook } from './webhook';
export type { WebhookConfig } from './webhook';
export type { WebhookTestOnApply } from './test-on-apply';
export {
  DataOcrolusWebhooks,
  DataOcrolusWebhooksWebhooksList,
  DataOcrolusWebhooksWebhooksOutputReference,
} from './data-ocrolus-webhooks';
export type { DataOcrolusWebhooksConfig } from './data-ocrolus-webhooks';
export { PROVIDER_NAME, PROVIDER_SOURCE, PROVIDER_VERSION_CONSTRAINT } from './provider-metadata';
