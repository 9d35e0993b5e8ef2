import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { handleAdminRequest } from './admin';
import { editWebhook, removeWebhook, seedWebhook } from './dashboard';
import { sendJson } from './http-io';
import { handleApiRequest } from './request-handler';
import { ADMIN_PREFIX, TOKEN_PATH } from './routes';
import { EmulatorRuntime } from './runtime';
import { copyWebhook } from './store';
import { sortByCreation } from './webhook-handlers';
import type { Emulator, EmulatorOptions, EmulatorVariants, Fault, OrganizationSeed } from './types';

/**
 * Starts an Ocrolus-compatible server on loopback (by default) and resolves once it listens.
 * With `dataFile`, state is loaded from it and saved to it after every change.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const runtime = new EmulatorRuntime(options);
  const server = createServer((request, response) => {
    dispatch(runtime, request, response).catch((error: unknown) => {
      runtime.log(`${request.method ?? '?'} ${pathOf(request)} failed: ${(error as Error).message}`);
      sendJson(response, 500, { error: 'Internal emulator error' });
    });
  });

  try {
    await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  return new RunningEmulator(runtime, server, url, address.port);
}

/** The programmatic face of a running emulator. */
class RunningEmulator implements Emulator {
  readonly apiUrl: string;
  readonly authUrl: string;

  private closed?: Promise<void>;

  constructor(
    private readonly runtime: EmulatorRuntime,
    private readonly server: Server,
    readonly url: string,
    readonly port: number,
  ) {
    this.apiUrl = url;
    this.authUrl = `${url}${TOKEN_PATH}`;
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeAllConnections();
      await this.runtime.close();
      await stopped;
    })();
    return this.closed;
  }

  addOrganization(seed: OrganizationSeed): void {
    this.runtime.store.upsertOrganization(seed);
  }

  organizations(): ReturnType<Emulator['organizations']> {
    return this.runtime.store.organizations().map(({ id, name, clientId, manager }) => (name === undefined ? { id, clientId, manager } : { id, name, clientId, manager }));
  }

  webhooks(organization: string): ReturnType<Emulator['webhooks']> {
    const record = this.runtime.store.requireOrganization(organization);
    return sortByCreation(record.webhooks).map(copyWebhook);
  }

  requests(organization?: string): ReturnType<Emulator['requests']> {
    return this.runtime.requestLog.filter((entry) => organization === undefined || entry.organization === organization).map((entry) => ({ ...entry }));
  }

  clearRequests(): void {
    this.runtime.requestLog.length = 0;
  }

  deliveries(organization?: string): ReturnType<Emulator['deliveries']> {
    return this.runtime.deliveryLog
      .filter((entry) => organization === undefined || entry.organization === organization)
      .map((entry) => ({ ...entry, requestHeaders: { ...entry.requestHeaders } }));
  }

  injectFault(fault: Fault): void {
    this.runtime.faults.add(fault);
  }

  clearFaults(): void {
    this.runtime.faults.clear();
  }

  setVariants(variants: Partial<EmulatorVariants>): void {
    this.runtime.store.setVariants(variants);
  }

  variants(): EmulatorVariants {
    return this.runtime.store.variants;
  }

  editWebhook(organization: string, uuid: string, patch: Parameters<Emulator['editWebhook']>[2]): void {
    editWebhook(this.runtime.store, this.runtime.clock, organization, uuid, patch);
  }

  removeWebhook(organization: string, uuid: string): void {
    removeWebhook(this.runtime.store, organization, uuid);
  }

  seedWebhook(organization: string, webhook: Parameters<Emulator['seedWebhook']>[1]): ReturnType<Emulator['seedWebhook']> {
    return seedWebhook(this.runtime.store, this.runtime.clock, organization, webhook);
  }
}

/** Sends admin paths to the admin endpoint and everything else to the emulated API. */
async function dispatch(runtime: EmulatorRuntime, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://emulator.invalid');

  if (url.pathname === ADMIN_PREFIX || url.pathname.startsWith(`${ADMIN_PREFIX}/`)) {
    const status = await handleAdminRequest(runtime, request, response, url);
    runtime.log(`${request.method ?? '?'} ${url.pathname} ${status} admin`);
    return;
  }
  await handleApiRequest(runtime, request, response, url.pathname);
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://emulator.invalid').pathname;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(describeListenError(error, port, host));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** Rewords the errors a user can fix (a busy or privileged port) and passes others through. */
function describeListenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  if (error.code === 'EADDRINUSE') {
    return new Error(`Cannot listen on ${host}:${port}: the port is already in use. Stop the process that uses it, choose another port, or use port 0 (--port 0) to let the system pick a free one.`, { cause: error });
  }
  if (error.code === 'EACCES') {
    return new Error(`Cannot listen on ${host}:${port}: permission denied (ports below 1024 need privileges). Choose a port of 1024 or above, or port 0 (--port 0).`, { cause: error });
  }
  return error;
}
