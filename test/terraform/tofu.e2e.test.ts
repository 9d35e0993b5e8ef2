import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { startEmulator } from '../../src/emulator';
import type { Emulator, EmulatorWebhook } from '../../src/emulator';
import { ensureProviderBuilt } from './helpers/build';
import { createWorkspace, PLAN_FLAGS } from './helpers/tofu';
import type { TofuResult, TofuWorkspace } from './helpers/tofu';

const CLIENT_SECRET = 'staging-client-secret-planted-e2e1';
const SIGNING_SECRET = 'signing-secret-planted-e2e-000001';

let emulator: Emulator;
let receiver: Server;
let receiverUrl: string;
let workspace: TofuWorkspace;

interface WebhookSettings {
  url: string;
  events: string[];
  active?: boolean;
}

/** Two webhooks: `orders` with a secret from a sensitive variable and a test on apply, `ledger` without. */
function configuration(orders: WebhookSettings, ledger: WebhookSettings): object {
  return {
    terraform: { required_providers: { ocrolus: { source: 'ocrolus/ocrolus' } } },
    variable: { signing_secret: { type: 'string', sensitive: true } },
    provider: { ocrolus: { client_id: 'staging-client', api_url: emulator.apiUrl, auth_url: emulator.authUrl } },
    resource: {
      ocrolus_webhook: {
        orders: {
          description: 'Orders',
          ...orders,
          secret: '${var.signing_secret}',
          test_on_apply: { event: 'book.verified', fail_on_error: true },
        },
        ledger,
      },
    },
  };
}

const ORDERS: WebhookSettings = { url: '', events: ['book.verified', 'book.completed'] };
const LEDGER: WebhookSettings = { url: 'https://ledger.example.com/ocrolus', events: ['document.upload_failed'], active: false };

function webhooks(): EmulatorWebhook[] {
  return emulator.webhooks('staging');
}

function byUrl(url: string): EmulatorWebhook {
  const found = webhooks().find((webhook) => webhook.url === url);
  if (!found) throw new Error(`No webhook with URL ${url} on the emulator; it has ${webhooks().map((webhook) => webhook.url).join(', ')}.`);
  return found;
}

function expectSuccess(result: TofuResult, code = 0): void {
  if (result.code !== code) throw new Error(`tofu exited ${result.code}, expected ${code}:\n${result.stdout}\n${result.stderr}`);
}

function writeCalls(): string[] {
  return emulator
    .requests('staging')
    .filter((request) => request.method !== 'GET' && request.route !== 'token')
    .map((request) => `${request.method} ${request.route}`);
}

beforeAll(async () => {
  ensureProviderBuilt();

  receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  ORDERS.url = `${receiverUrl}/hooks/orders`;

  emulator = await startEmulator({ organizations: [{ id: 'staging', clientId: 'staging-client', clientSecret: CLIENT_SECRET }] });
  workspace = await createWorkspace('dev-overrides', { OCROLUS_CLIENT_SECRET: CLIENT_SECRET, TF_VAR_signing_secret: SIGNING_SECRET });
});

afterAll(async () => {
  await emulator?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

// The steps share one workspace and build on each other, like a team's pipeline runs.
describe('OpenTofu with dev_overrides', () => {
  test('init succeeds', async () => {
    workspace.writeConfig(configuration(ORDERS, LEDGER));

    const init = await workspace.run(['init', ...PLAN_FLAGS]);

    expectSuccess(init);
    expect(init.stdout).toMatch(/(OpenTofu|Terraform) has been successfully initialized!/);
  });

  test('plan shows two creates', async () => {
    const plan = await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]);

    expectSuccess(plan, 2);
    expect(plan.stdout).toContain('Plan: 2 to add, 0 to change, 0 to destroy.');
    expect(plan.stdout).toContain('secret             = (sensitive value)');
    expect(webhooks()).toEqual([]);
  });

  test('apply creates both webhooks and tests orders', async () => {
    expectSuccess(await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]));

    const orders = byUrl(ORDERS.url);
    const ledger = byUrl(LEDGER.url);
    expect(orders).toMatchObject({ description: 'Orders', isActive: true, secret: SIGNING_SECRET });
    expect([...orders.events].sort()).toEqual(['book.completed', 'book.verified']);
    expect(ledger).toMatchObject({ description: null, isActive: false, events: ['document.upload_failed'] });
    expect(emulator.deliveries('staging').map((delivery) => [delivery.webhookUuid, delivery.eventName, delivery.status])).toEqual([[orders.uuid, 'book.verified', 200]]);
  });

  test('second plan is empty and only reads', async () => {
    emulator.clearRequests();
    const plan = await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]);

    expectSuccess(plan, 0);
    expect(plan.stdout).toContain('No changes.');
    expect(writeCalls()).toEqual([]);
  });

  test('url, events and active changes apply in place', async () => {
    const moved = { ...ORDERS, url: `${receiverUrl}/hooks/orders-v2` };
    const ledger = { ...LEDGER, events: ['document.upload_failed', 'document.upload_succeeded'], active: true };
    const uuids = { orders: byUrl(ORDERS.url).uuid, ledger: byUrl(LEDGER.url).uuid };
    workspace.writeConfig(configuration(moved, ledger));

    const plan = await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]);
    expectSuccess(plan, 2);
    expect(plan.stdout).toContain('Plan: 0 to add, 2 to change, 0 to destroy.');

    emulator.clearRequests();
    expectSuccess(await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]));

    expect(byUrl(moved.url).uuid).toBe(uuids.orders);
    expect(byUrl(LEDGER.url)).toMatchObject({ uuid: uuids.ledger, isActive: true });
    expect([...byUrl(LEDGER.url).events].sort()).toEqual(ledger.events);
    expect(writeCalls().sort()).toEqual(['POST test', 'POST update', 'POST update', 'POST update']);
    expectSuccess(await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]), 0);

    ORDERS.url = moved.url;
    LEDGER.events = ledger.events;
    LEDGER.active = true;
  });

  test('out-of-band delete and deactivation show in the plan', async () => {
    emulator.removeWebhook('staging', byUrl(ORDERS.url).uuid);
    emulator.editWebhook('staging', byUrl(LEDGER.url).uuid, { isActive: false });

    const plan = await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]);

    expectSuccess(plan, 2);
    expect(plan.stdout).toContain('# ocrolus_webhook.orders will be created');
    expect(plan.stdout).toContain('# ocrolus_webhook.ledger will be updated in-place');
    expect(plan.stdout).toMatch(/~ active\s+= false -> true/);
    expect(plan.stdout).toContain('Plan: 1 to add, 1 to change, 0 to destroy.');
  });

  test('apply repairs the drift', async () => {
    expectSuccess(await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]));

    expect(byUrl(ORDERS.url).secret).toBe(SIGNING_SECRET);
    expect(byUrl(LEDGER.url).isActive).toBe(true);
    expect(webhooks()).toHaveLength(2);
    expectSuccess(await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]), 0);
  });

  test('import by uuid is followed by an empty plan', async () => {
    const uuid = byUrl(LEDGER.url).uuid;
    expectSuccess(await workspace.run(['state', 'rm', 'ocrolus_webhook.ledger', ...PLAN_FLAGS.slice(1)]));

    const imported = await workspace.run(['import', ...PLAN_FLAGS, 'ocrolus_webhook.ledger', uuid]);
    expectSuccess(imported);
    expect(imported.stdout).toContain('Import successful!');

    const plan = await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]);
    expectSuccess(plan, 0);
    expect(webhooks()).toHaveLength(2);
  });

  test('state holds the sensitive secret as configured', () => {
    const state = JSON.parse(readFileSync(join(workspace.dir, 'terraform.tfstate'), 'utf8')) as {
      resources: Array<{ name: string; instances: Array<{ schema_version: number; attributes: Record<string, unknown>; sensitive_attributes: unknown[] }> }>;
    };
    const orders = state.resources.find((resource) => resource.name === 'orders')?.instances[0];

    expect(orders?.schema_version).toBe(1);
    expect(orders?.attributes.secret).toBe(SIGNING_SECRET);
    expect(orders?.sensitive_attributes).toEqual([[{ type: 'get_attr', value: 'secret' }]]);
  });

  test('destroy deletes both webhooks', async () => {
    expectSuccess(await workspace.run(['destroy', '-auto-approve', ...PLAN_FLAGS]));

    expect(webhooks()).toEqual([]);
  });

  test('no secret appears in any output', () => {
    const transcript = workspace.transcript.join('\n');

    expect(transcript).toContain('tofu destroy');
    expect(transcript).not.toContain(SIGNING_SECRET);
    expect(transcript).not.toContain(CLIENT_SECRET);
  });
});
