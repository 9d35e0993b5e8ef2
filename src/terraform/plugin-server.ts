import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Server, ServerWritableStream } from '@grpc/grpc-js';

import type { WebhookApi } from '../client/types';
import type { ClientOptions } from '../client/options';
import type { HandshakeAddress } from './handshake';
import type { PluginLogger } from './log';
import { silentLogger } from './log';
import { loadPluginProtos } from './proto-loader';
import { createProviderContext } from './provider-context';
import type { ProviderContext } from './provider-context';
import { addProviderService } from './server';
import { generatePluginCertificate, handshakeCertificate } from './tls';

export interface ServeOptions {
  /** PEM certificate of the engine (PLUGIN_CLIENT_CERT); when set, the server requires it over mutual TLS. */
  readonly clientCertPem?: string;
  /** Folder for the socket's temporary folder. @default PLUGIN_UNIX_SOCKET_DIR or the OS temp folder */
  readonly socketDir?: string;
  /** Listen on 127.0.0.1 with an OS-chosen port instead of a unix socket. @default false, true on Windows */
  readonly tcp?: boolean;
  readonly log?: PluginLogger;
  /** Called after the engine requested a shutdown and the server has stopped. */
  readonly onShutdown?: () => void;
  /**
   * Keep serving after the engine requests a shutdown. A provider started for debugging does so,
   * so that several engine runs can attach to it. @default false
   */
  readonly ignoreShutdown?: boolean;
  /** Replaces the Ocrolus client factory, for tests. */
  readonly createApi?: (options: ClientOptions) => WebhookApi;
}

export interface RunningPlugin extends HandshakeAddress {
  readonly server: Server;
  readonly context: ProviderContext;
  /** PEM of the server certificate when serving mutual TLS. */
  readonly certPem?: string;
  /** Stops serving and removes the socket folder. */
  close(): Promise<void>;
}

/** Grace period for calls in flight when shutting down, in milliseconds. */
const SHUTDOWN_GRACE_MS = 500;

/**
 * Serves the Provider, GRPCController, GRPCStdio and Health services on a fresh unix socket (or
 * loopback TCP port), over mutual TLS when the engine sent its certificate.
 */
export async function servePlugin(options: ServeOptions = {}): Promise<RunningPlugin> {
  // Key generation runs on libuv's thread pool while the gRPC modules load and the protos parse.
  const pendingCertificate = options.clientCertPem ? generatePluginCertificate() : undefined;

  const grpc = require('@grpc/grpc-js') as typeof import('@grpc/grpc-js');
  const protos = loadPluginProtos();
  const log = options.log ?? silentLogger;
  const context = createProviderContext(log, options.createApi);

  const server = new grpc.Server();
  // Server streams (stdio, health watch) stay open until shutdown ends them.
  const openStreams = new Set<ServerWritableStream<unknown, unknown>>();
  let closing: Promise<void> | undefined;

  const certificate = await pendingCertificate;
  const credentials = certificate
    ? grpc.ServerCredentials.createSsl(Buffer.from(options.clientCertPem as string), [{ cert_chain: Buffer.from(certificate.certPem), private_key: Buffer.from(certificate.keyPem) }], true)
    : grpc.ServerCredentials.createInsecure();

  const useTcp = options.tcp ?? process.platform === 'win32';
  const socketFolder = useTcp ? undefined : mkdtempSync(join(options.socketDir ?? tmpdir(), 'plugin'));
  const target = socketFolder ? `unix://${join(socketFolder, 'plugin.sock')}` : '127.0.0.1:0';

  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      for (const stream of openStreams) stream.end();
      const force = setTimeout(() => server.forceShutdown(), SHUTDOWN_GRACE_MS);
      server.tryShutdown(() => {
        clearTimeout(force);
        if (socketFolder) rmSync(socketFolder, { recursive: true, force: true });
        resolve();
      });
    });
    return closing;
  };

  addProviderService(server, protos, context);

  server.addService(protos.controller.service, {
    Shutdown: (_call: unknown, callback: (error: null, response: object) => void) => {
      log('debug', options.ignoreShutdown ? 'shutdown requested by the engine; debug mode keeps serving' : 'shutdown requested by the engine');
      callback(null, {});
      if (options.ignoreShutdown) return;

      // Let the response leave before the server stops.
      setImmediate(() => void close().then(() => options.onShutdown?.()));
    },
  });

  server.addService(protos.stdio.service, {
    // Nothing is written to stdout or stderr that the engine would need mirrored: logs already
    // reach it through stderr. The stream stays open until shutdown, as go-plugin expects.
    StreamStdio: (call: ServerWritableStream<unknown, unknown>) => {
      openStreams.add(call);
      call.on('cancelled', () => openStreams.delete(call));
    },
  });

  server.addService(protos.health.service, {
    Check: (call: { request: { service: string } }, callback: (error: { code: number; details: string } | null, response?: object) => void) => {
      const service = call.request.service;
      if (service === '' || service === 'plugin') callback(null, { status: 'SERVING' });
      else callback({ code: grpc.status.NOT_FOUND, details: `unknown service ${service}` });
    },
    Watch: (call: ServerWritableStream<{ service: string }, unknown>) => {
      const service = call.request.service;
      openStreams.add(call as ServerWritableStream<unknown, unknown>);
      call.on('cancelled', () => openStreams.delete(call as ServerWritableStream<unknown, unknown>));
      call.write({ status: service === '' || service === 'plugin' ? 'SERVING' : 'SERVICE_UNKNOWN' });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(target, credentials, (error, boundPort) => (error ? reject(error) : resolve(boundPort)));
  });

  return {
    network: socketFolder ? 'unix' : 'tcp',
    address: socketFolder ? join(socketFolder, 'plugin.sock') : `127.0.0.1:${port}`,
    ...(certificate ? { certificate: handshakeCertificate(certificate.der), certPem: certificate.certPem } : {}),
    server,
    context,
    close,
  };
}
