import * as grpc from '@grpc/grpc-js';

import { loadPluginProtos } from '../../../src/terraform/proto-loader';

/** Client certificate and key, with the server certificate to trust, for mutual TLS. */
export interface ClientTls {
  readonly serverCertPem: string;
  readonly clientCertPem: string;
  readonly clientKeyPem: string;
}

export type UnaryCall = (request: object) => Promise<Record<string, unknown>>;

/** Promisified clients of the services a plugin serves, as the engine would connect to them. */
export interface PluginClients {
  readonly provider: Record<string, UnaryCall>;
  readonly controller: { Shutdown: UnaryCall };
  readonly health: { Check: UnaryCall };
  close(): void;
}

/** Connects to a plugin address from its handshake line (`unix` path or `host:port`). */
export function connectPlugin(network: string, address: string, tls?: ClientTls): PluginClients {
  const protos = loadPluginProtos();
  const target = network === 'unix' ? `unix://${address}` : address;
  const credentials = tls
    ? grpc.credentials.createSsl(Buffer.from(tls.serverCertPem), Buffer.from(tls.clientKeyPem), Buffer.from(tls.clientCertPem))
    : grpc.credentials.createInsecure();
  // go-plugin verifies the server as "localhost", whatever the socket is.
  const options = tls ? { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' } : {};

  const provider = new protos.provider(target, credentials, options);
  const controller = new protos.controller(target, credentials, options);
  const health = new protos.health(target, credentials, options);

  return {
    provider: promisify(provider),
    controller: promisify(controller) as PluginClients['controller'],
    health: promisify(health) as PluginClients['health'],
    close: () => {
      provider.close();
      controller.close();
      health.close();
    },
  };
}

function promisify(client: grpc.Client): Record<string, UnaryCall> {
  const calls: Record<string, UnaryCall> = {};
  const methods = Object.getPrototypeOf(client) as Record<string, unknown>;
  for (const name of Object.keys(methods)) {
    const method = methods[name];
    if (typeof method !== 'function' || name === 'constructor') continue;
    calls[name] = (request) =>
      new Promise((resolve, reject) => {
        const deadline = new Date(Date.now() + 15_000);
        (method as (...args: unknown[]) => void).call(client, request, { deadline }, (error: Error | null, response: Record<string, unknown>) =>
          error ? reject(error) : resolve(response),
        );
      });
  }
  return calls;
}

/** PEM of a certificate from the handshake line's base64 DER without padding. */
export function pemFromHandshake(field: string): string {
  const padded = field + '='.repeat((4 - (field.length % 4)) % 4);
  const lines = Buffer.from(padded, 'base64').toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
