/**
 * The Pulumi front end: the `Webhook` dynamic resource, and the provider implementation that its
 * serialized provider requires at run time (`providerRuntime`, through this module's package name).
 */
export { Webhook } from './webhook';
export type { WebhookAdoptArgs, WebhookArgs, WebhookTestOnApplyArgs } from './webhook';
export { webhookProvider } from './provider';
export type { WebhookProvider } from './provider';
export { providerRuntime } from './runtime';
export type { ProviderRuntime } from './runtime';
export { CONFIG_KEYS } from './settings';
export type { ProviderSettings } from './settings';
export type { LastTestOutputs, TestOnApplyInputs, WebhookInputs, WebhookOutputs } from './properties';
