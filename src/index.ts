/**
 * The package root: the core reconciler (spec, validation, plan, apply, signature checks) and the
 * API client. Front ends and the emulator have their own subpaths, such as `ocrolus-webhooks/pulumi`.
 */
export * from './core';
export { OcrolusClient, createClient, clientOptionsFromEnv } from './client';
export * from './client/errors';
export type { ClientOptions } from './client/options';
