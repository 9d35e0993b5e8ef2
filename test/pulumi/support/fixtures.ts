import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Emulator } from '../../../src/emulator';
import type { Properties } from './host';

/** Credentials of the emulated organization; the secret is planted in searches for leaks. */
export const ORGANIZATION = { id: 'staging', clientId: 'pulumi-test-client', clientSecret: 'planted-client-secret-7f3a1c9e' } as const;

/** A webhook signing secret planted in searches for leaks. */
export const SIGNING_SECRET = 'planted-signing-secret-4d8b2e6f';

/** Stack configuration the engine would pass to `configure` for the emulated organization. */
export function stackConfig(emulator: Emulator): Properties {
  return {
    'ocrolus:clientId': ORGANIZATION.clientId,
    'ocrolus:clientSecret': ORGANIZATION.clientSecret,
    'ocrolus:apiUrl': emulator.apiUrl,
    'ocrolus:authUrl': emulator.authUrl,
    'ocrolus-webhooks:unrelated': 'ignored',
  };
}

/** Inputs of an `orders` webhook as the engine passes them, with the serialized provider. */
export function ordersInputs(providerText: string, overrides: Properties = {}): Properties {
  return {
    __provider: providerText,
    name: 'orders',
    url: 'https://hooks.example.com/ocrolus/orders',
    events: ['book.verified', 'book.completed'],
    description: 'Book status for the orders service',
    active: true,
    ...overrides,
  };
}

/** A local receiver for test deliveries that responds to every request with `status()`. */
export interface Receiver {
  readonly url: string;
  status: number;
  readonly received: Array<{ path: string; headers: Record<string, string | string[] | undefined>; body: string }>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const receiver = { status: 200 } as { status: number };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body });
      response.writeHead(receiver.status, { 'content-type': 'text/plain' });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/ocrolus/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Removes every webhook of the organization, as a clean slate between tests. */
export function removeAllWebhooks(emulator: Emulator, organization: string): void {
  for (const webhook of emulator.webhooks(organization)) emulator.removeWebhook(organization, webhook.uuid);
}

/** Routes of the webhook API calls the emulator recorded, in order (token calls left out). */
export function apiRoutes(emulator: Emulator, organization: string): string[] {
  return emulator
    .requests(organization)
    .filter((request) => request.route !== undefined && request.route !== 'token')
    .map((request) => request.route as string);
}
