import type { sendUnaryData, Server, ServerUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';

import { errorDiagnostic } from '../diagnostics';
import type { ProviderContext } from '../provider-context';
import type { PluginProtos } from '../proto-loader';
type Handler = (request: never, context: ProviderContext) => Promise<object>;

/**
 * Every call of the Provider service this plugin implements, each loaded on its first call: the
 * engine starts the provider several times per command, and most processes serve only a few calls.
 * The other calls of the service return UNIMPLEMENTED.
 */
const HANDLERS: Readonly<Record<string, () => Handler>> = {
  GetProviderSchema: () => (require('./get-provider-schema') as typeof import('./get-provider-schema')).getProviderSchema,
  ValidateProviderConfig: () => (require('./validate-provider-config') as typeof import('./validate-provider-config')).validateProviderConfig,
  ValidateResourceConfig: () => (require('./validate-resource-config') as typeof import('./validate-resource-config')).validateResourceConfig,
  ValidateDataResourceConfig: () => (require('./validate-data-resource-config') as typeof import('./validate-data-resource-config')).validateDataResourceConfig,
  UpgradeResourceState: () => (require('./upgrade-resource-state') as typeof import('./upgrade-resource-state')).upgradeResourceState,
  ConfigureProvider: () => (require('./configure-provider') as typeof import('./configure-provider')).configureProvider,
  ReadResource: () => (require('./read-resource') as typeof import('./read-resource')).readResource,
  PlanResourceChange: () => (require('./plan-resource-change') as typeof import('./plan-resource-change')).planResourceChange,
  ApplyResourceChange: () => (require('./apply-resource-change') as typeof import('./apply-resource-change')).applyResourceChange,
  ImportResourceState: () => (require('./import-resource-state') as typeof import('./import-resource-state')).importResourceState,
  ReadDataSource: () => (require('./read-data-source') as typeof import('./read-data-source')).readDataSource,
  StopProvider: () => (require('./stop-provider') as typeof import('./stop-provider')).stopProvider,
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
function unary(name: string, load: () => Handler, context: ProviderContext) {
  return (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
    const started = Date.now();
    context.log('trace', 'rpc started', { rpc: name });

    Promise.resolve()
      .then(() => load()(call.request as never, context))
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
