import { servePlugin } from '../../../src/terraform/plugin-server';
import type { RunningPlugin, ServeOptions } from '../../../src/terraform/plugin-server';
import { blockType, PROVIDER_SCHEMA, WEBHOOK_SCHEMA, WEBHOOKS_DATA_SOURCE_SCHEMA } from '../../../src/terraform/schema';
import type { ValueType } from '../../../src/terraform/schema';
import { decodeDynamicValue, encodeMsgpack } from '../../../src/terraform/values';
import type { TfObject, TfValue } from '../../../src/terraform/values';
import { connectPlugin } from './grpc-client';
import type { PluginClients } from './grpc-client';

export const WEBHOOK_TYPE = blockType(WEBHOOK_SCHEMA);
export const PROVIDER_TYPE = blockType(PROVIDER_SCHEMA);
export const DATA_SOURCE_TYPE = blockType(WEBHOOKS_DATA_SOURCE_SCHEMA);

/** The provider served in this process over a real unix socket, with a gRPC client connected. */
export interface RpcHarness {
  readonly plugin: RunningPlugin;
  readonly provider: PluginClients['provider'];
  close(): Promise<void>;
}

export async function startRpcHarness(options: ServeOptions = {}): Promise<RpcHarness> {
  const plugin = await servePlugin(options);
  const clients = connectPlugin(plugin.network, plugin.address);
  return {
    plugin,
    provider: clients.provider,
    close: async () => {
      clients.close();
      await plugin.close();
    },
  };
}

/** Encodes a DynamicValue in msgpack, as the engine sends it. */
export function dynamic(value: TfValue, type: ValueType = WEBHOOK_TYPE): { msgpack: Buffer } {
  return { msgpack: encodeMsgpack(value, type) };
}

/** Decodes a DynamicValue from a response. */
export function decoded(value: unknown, type: ValueType = WEBHOOK_TYPE): TfObject | null {
  return decodeDynamicValue(value as { msgpack?: Buffer }, type) as TfObject | null;
}

/** Builds a configuration of `ocrolus_webhook` with every attribute present, null unless given. */
export function webhookConfig(values: Partial<TfObject>): TfObject {
  const config: TfObject = {};
  for (const attribute of WEBHOOK_SCHEMA.attributes) config[attribute.name] = null;
  return { ...config, ...values };
}

/** Diagnostics of a response as `severity summary @path` lines, for whole comparisons. */
export function diagnosticLines(response: Record<string, unknown>): string[] {
  const diagnostics = (response.diagnostics ?? []) as Array<{ severity: string; summary: string; attribute?: { steps: Array<{ attribute_name?: string }> } }>;
  return diagnostics.map((diagnostic) => {
    const path = diagnostic.attribute?.steps.map((step) => step.attribute_name).join('.');
    return `${diagnostic.severity} ${diagnostic.summary}${path ? ` @${path}` : ''}`;
  });
}
