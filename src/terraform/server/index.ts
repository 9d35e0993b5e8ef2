import type { sendUnaryData, Server, ServerUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';

import { errorDiagnostic } from '../diagnostics';
import type { ProviderContext } from '../provider-context';
import type { PluginProtos } from '../proto-loader';
import { applyResourceChange } from './apply-resource-change';
import { configureProvider } from './configure-provider';
import { getProviderSchema } from './get-provider-schema';
import { importResourceState } from './import-resource-state';
import { planResourceChange } from './plan-resource-change';
import { readDataSource } from './read-data-source';
import { readResource } from './read-resource';
import { stopProvider } from './stop-provider';
import { upgradeResourceState } from './upgrade-resource-state';
import { validateDataResourceConfig } from './validate-data-resource-config';
import { validateProviderConfig } from './validate-provider-config';
import { validateResourceConfig } from './validate-resource-config';

type Handler = (request: never, context: ProviderContext) => Promise<object>;

/** Every call of the Provider service this plugin implements; the rest answer UNIMPLEMENTED. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  GetProviderSchema: getProviderSchema,
  ValidateProviderConfig: validateProviderConfig,
  ValidateResourceConfig: validateResourceConfig,
  ValidateDataResourceConfig: validateDataResourceConfig,
  UpgradeResourceState: upgradeResourceState,
  ConfigureProvider: configureProvider,
  ReadResource: readResource,
  PlanResourceChange: planResourceChange,
  ApplyResourceChange: applyResourceChange,
  ImportResourceState: importResourceState,
  ReadDataSource: readDataSource,
  StopProvider: stopProvider,
};

/** Adds the tfplugin6 Provider service to a gRPC server. */
export function addProviderService(server: Server, protos: PluginProtos, context: ProviderContext): void {
  const implementation: UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(HANDLERS)) implementation[name] = unary(name, handler, context);
  server.addService(protos.provider.service, implementation);
}

/**
 * Wraps a handler so that nothing is thrown across the gRPC boundary: an unexpected exception
 * becomes an error diagnostic in the response, and the engine reports it like any other.
 */
function unary(name: string, handler: Handler, context: ProviderContext) {
  return (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
    const started = Date.now();
    context.log('trace', 'rpc started', { rpc: name });

    handler(call.request as never, context)
      .catch((error: unknown) => {
        context.log('error', 'rpc failed with an exception', { rpc: name, error: error instanceof Error ? error.name : typeof error });
        const detail = `The Ocrolus provider failed in ${name}: ${error instanceof Error ? error.message : String(error)}. This is a bug in the provider; run the command again with TF_LOG=debug and report the output.`;
        return name === 'StopProvider' ? { Error: detail } : { diagnostics: [errorDiagnostic('Unexpected Provider Error', detail)] };
      })
      .then((response) => {
        context.log('trace', 'rpc finished', { rpc: name, elapsed_ms: Date.now() - started });
        callback(null, response);
      });
  };
}
