import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createClient } from '../../src/client';
import { ApplyError, applyPlan, observeOrganization, planOrganization, sendTestDelivery, verifySignature } from '../../src/core';
import type { WebhookBinding, WebhookSpec } from '../../src/core';
import { startEmulator, VARIANT_CHOICES } from '../../src/emulator';
import type { Emulator, EmulatorVariants } from '../../src/emulator';

/**
 * Runs the whole lifecycle through the core, the client and the emulator over loopback sockets,
 * once for every value of every emulator variant switch. The lifecycle is create, an empty plan,
 * an update of URL and events, deactivate, activate, a signed test delivery, and deletion.
 */

const SECRET = 'lifecycle-signing-secret-0123456789';
const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string }> = [];
let receiverUrl = '';
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    received.push({ headers: request.headers, body });
    response.writeHead(200).end('ok');
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

const variantCases = Object.entries(VARIANT_CHOICES).flatMap(([name, values]) =>
  (values as readonly unknown[]).map((value) => ({ label: `${name}=${String(value)}`, variants: { [name]: value } as Partial<EmulatorVariants> })),
);

describe.each(variantCases)('lifecycle under $label', ({ variants }) => {
  let emulator: Emulator;
  let bindings: WebhookBinding[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ organizations: [{ id: 'org', clientId: 'org-client', clientSecret: 'org-client-secret-000000' }], variants });
  });

  afterAll(async () => {
    await emulator.close();
  });

  const api = () =>
    createClient({ clientId: 'org-client', clientSecret: 'org-client-secret-000000', apiUrl: emulator.apiUrl, authUrl: emulator.authUrl, organization: 'org', timeoutMs: 2000, retry: { baseDelayMs: 5, maxDelayMs: 20 } });

  async function apply(desired: WebhookSpec[]) {
    const client = api();
    const plan = planOrganization({ organization: 'org', desired, observed: await observeOrganization(client), bindings, prune: true });
    const result = await applyPlan(client, plan);
    bindings = [...result.bindings];
    return plan;
  }

  async function planActions(desired: WebhookSpec[]) {
    const client = api();
    return planOrganization({ organization: 'org', desired, observed: await observeOrganization(client), bindings, prune: true }).actions;
  }

  const hook = (overrides: Partial<WebhookSpec> = {}): WebhookSpec => ({
    name: 'orders',
    url: `${receiverUrl}/Orders/`,
    events: ['book.verified', 'book.completed', 'book.verified'],
    description: 'Orders service',
    secret: SECRET,
    secretVersion: 1,
    ...overrides,
  });

  it('runs create, update, flips, test and delete', async () => {
    const ignoresFlips = variants.ignoreActiveFlip === true;

    if (ignoresFlips) {
      // With a secret, creation keeps the webhook inactive and then activates it. An API that
      // ignores the flip must fail the apply instead of reporting success.
      const error = await apply([hook()]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApplyError);
      expect((error as ApplyError).message).toMatch(/ignored the (de)?activation/);
      return;
    }

    await apply([hook()]);
    expect(emulator.webhooks('org')).toHaveLength(1);
    expect(emulator.webhooks('org')[0]).toMatchObject({ isActive: true, description: 'Orders service', secret: SECRET });
    expect(await planActions([hook()])).toEqual([]);

    await apply([hook({ url: `${receiverUrl}/orders-v2`, events: ['book.completed'] })]);
    expect(emulator.webhooks('org')[0]).toMatchObject({ events: ['book.completed'] });
    expect(await planActions([hook({ url: `${receiverUrl}/orders-v2`, events: ['book.completed'] })])).toEqual([]);

    await apply([hook({ url: `${receiverUrl}/orders-v2`, events: ['book.completed'], active: false })]);
    expect(emulator.webhooks('org')[0].isActive).toBe(false);
    await apply([hook({ url: `${receiverUrl}/orders-v2`, events: ['book.completed'] })]);
    expect(emulator.webhooks('org')[0].isActive).toBe(true);

    const before = received.length;
    const delivery = await sendTestDelivery(api(), bindings[0].uuid, 'book.completed');
    expect(delivery.eventName).toBe('book.completed');
    expect(received).toHaveLength(before + 1);
    const { headers, body } = received[received.length - 1];
    const signed = verifySignature({
      secret: SECRET,
      body,
      timestamp: String(headers['webhook-timestamp']),
      requestId: String(headers['webhook-request-id']),
      signature: String(headers['webhook-signature']),
    });
    expect(signed).toBe(true);

    await apply([]);
    expect(emulator.webhooks('org')).toEqual([]);
  });
});
