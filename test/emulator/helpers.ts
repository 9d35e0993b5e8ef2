import { createServer } from 'node:http';

import { request } from 'undici';

import { startEmulator, type Emulator, type EmulatorOptions, type OrganizationSeed } from '../../src/emulator';

/** Organizations most emulator tests start with. */
export const ACME: OrganizationSeed = { id: 'acme', clientId: 'acme-client', clientSecret: 'acme-client-secret-0001' };
export const GLOBEX: OrganizationSeed = { id: 'globex', clientId: 'globex-client', clientSecret: 'globex-client-secret-0002' };

export const API = '/v1/account/settings';

/** A response read whole: status, headers and the parsed JSON body (undefined when empty). */
export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/** Starts an emulator with the two test organizations and, unless `options` sets one, no rate limit. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ organizations: [{ ...ACME }, { ...GLOBEX }], requestsPerSecond: false, ...options });
}

/** Sends one request and reads the whole response. */
export async function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<HttpResult> {
  const response = await request(url, { method: (init.method ?? 'GET') as 'GET', headers: init.headers, body: init.body });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** Fetches an access token with a JSON body. */
export async function tokenFor(emulator: Emulator, seed: OrganizationSeed = ACME): Promise<string> {
  const result = await send(emulator.authUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: seed.clientId, client_secret: seed.clientSecret }),
  });
  if (result.status !== 200) {
    throw new Error(`token request failed with ${result.status}`);
  }
  return result.body.access_token;
}

/** Calls a webhook route (path relative to /v1/account/settings) with a bearer token. */
export function callApi(emulator: Emulator, token: string, method: string, path: string, body?: unknown): Promise<HttpResult> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let text: string | undefined;
  if (typeof body === 'string') {
    text = body;
  } else if (body !== undefined) {
    text = JSON.stringify(body);
  }
  return send(`${emulator.apiUrl}${API}${path}`, { method, headers, body: text });
}

/** One request received by a local webhook receiver. */
export interface ReceivedDelivery {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A local HTTP server on 127.0.0.1 that records each request and responds with a fixed status. */
export interface Receiver {
  url: string;
  received: ReceivedDelivery[];
  close(): Promise<void>;
}

/** Starts a webhook receiver. With `status` 0 it never responds, for timeout tests. */
export async function startReceiver(status = 200): Promise<Receiver> {
  const received: ReceivedDelivery[] = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (status !== 0) {
        response.writeHead(status, { 'Content-Type': 'text/plain' });
        response.end('ok');
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
