/**
 * Shared fixtures for the client's unit tests: a MockAgent with an auth host and an API host on
 * loopback addresses that are never connected to, a fake clock, and a client wired to both.
 */
import { MockAgent } from 'undici';

import { OcrolusClient, type ClientOptions, type Clock, type LogRecord } from '../../src/client';

export const API_ORIGIN = 'http://127.0.0.1:9101';
export const AUTH_ORIGIN = 'http://127.0.0.1:9102';
export const AUTH_PATH = '/oauth/token';
export const PREFIX = '/v1/account/settings';
export const CLIENT_SECRET = 'planted-client-secret-0f3a9c';
export const ACCESS_TOKEN = 'planted-access-token-7d41be';

/** A clock whose time moves only when the code under test sleeps or a test calls `advance`. */
export class FakeClock implements Clock {
  time = 1_700_000_000_000;
  readonly sleeps: number[] = [];
  randomValue = 0.5;

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.time += ms;
  }

  random(): number {
    return this.randomValue;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

let organizationCounter = 0;

/** Returns a new organization label on each call, so the shared rate limiters of different tests never meet. */
export function uniqueOrganization(prefix = 'org'): string {
  organizationCounter += 1;
  return `${prefix}-${process.pid}-${organizationCounter}`;
}

export interface MockSetup {
  readonly agent: MockAgent;
  readonly api: ReturnType<MockAgent['get']>;
  readonly auth: ReturnType<MockAgent['get']>;
  readonly clock: FakeClock;
  readonly logs: LogRecord[];
  readonly client: OcrolusClient;
}

/** Builds a MockAgent that refuses real connections and a client that uses it. */
export function mockSetup(overrides: Partial<ClientOptions> = {}, options: { tokenReplies?: number } = {}): MockSetup {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const api = agent.get(API_ORIGIN);
  const auth = agent.get(AUTH_ORIGIN);
  const clock = new FakeClock();
  const logs: LogRecord[] = [];

  const tokenReplies = options.tokenReplies ?? 1;
  if (tokenReplies > 0) {
    auth
      .intercept({ path: AUTH_PATH, method: 'POST' })
      .reply(200, { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 86400 })
      .times(tokenReplies);
  }

  const client = new OcrolusClient({
    clientId: 'client-id-1',
    clientSecret: CLIENT_SECRET,
    apiUrl: API_ORIGIN,
    authUrl: `${AUTH_ORIGIN}${AUTH_PATH}`,
    organization: uniqueOrganization(),
    dispatcher: agent,
    clock,
    logger: (record) => logs.push(record),
    requestsPerSecond: 1000,
    ...overrides,
  });

  return { agent, api, auth, clock, logs, client };
}

/** Wraps `response` in the success envelope Ocrolus sends. */
export function envelope(response: unknown, status: number | string = 200): Record<string, unknown> {
  return { status, message: 'OK', response };
}

/** Builds the error envelope Ocrolus sends, often with HTTP 200. */
export function errorEnvelope(status: number, code: number, message: string): Record<string, unknown> {
  return { status, code, message, response: null, meta: { status, code, msg: message } };
}

/** A webhook as the API returns it, in snake_case. */
export function wireWebhook(uuid: string, url: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid,
    url,
    description: 'Orders',
    is_active: true,
    created_on: '2024-01-01T00:00:00Z',
    last_modified_date: '2024-01-02T00:00:00Z',
    ...extra,
  };
}

/** Catches the error a promise rejects with, failing when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
