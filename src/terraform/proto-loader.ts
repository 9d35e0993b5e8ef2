import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { GrpcObject, ServiceClientConstructor } from '@grpc/grpc-js';

/** The gRPC service definitions this plugin serves, loaded from the package's proto/ folder. */
export interface PluginProtos {
  readonly provider: ServiceClientConstructor;
  readonly controller: ServiceClientConstructor;
  readonly stdio: ServiceClientConstructor;
  readonly health: ServiceClientConstructor;
}

let cached: PluginProtos | undefined;

/** Loads proto/*.proto once per process. proto-loader and grpc-js are required lazily to keep start-up fast. */
export function loadPluginProtos(): PluginProtos {
  if (cached) return cached;

  const protoLoader = require('@grpc/proto-loader') as typeof import('@grpc/proto-loader');
  const grpc = require('@grpc/grpc-js') as typeof import('@grpc/grpc-js');
  const directory = protoDirectory();

  const definition = protoLoader.loadSync(['tfplugin6.proto', 'go_plugin.proto', 'health.proto'], {
    includeDirs: [directory],
    keepCase: true,
    longs: Number,
    enums: String,
    bytes: Buffer,
    defaults: true,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition);

  cached = {
    provider: service(loaded, 'tfplugin6', 'Provider'),
    controller: service(loaded, 'plugin', 'GRPCController'),
    stdio: service(loaded, 'plugin', 'GRPCStdio'),
    health: service(loaded, 'grpc.health.v1', 'Health'),
  };
  return cached;
}

/** Finds proto/ above this file: dist/src/terraform in the package, src/terraform under ts-jest. */
export function protoDirectory(): string {
  let directory = __dirname;
  for (;;) {
    const candidate = join(directory, 'proto');
    if (existsSync(join(candidate, 'tfplugin6.proto'))) return candidate;

    const parent = dirname(directory);
    if (parent === directory) throw new Error(`proto/tfplugin6.proto was not found above ${__dirname}; the package is incomplete.`);
    directory = parent;
  }
}

function service(loaded: GrpcObject, packageName: string, name: string): ServiceClientConstructor {
  let node: unknown = loaded;
  for (const part of packageName.split('.')) node = (node as Record<string, unknown>)[part];
  return (node as Record<string, ServiceClientConstructor>)[name];
}
