import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { startEmulator } from '../../src/emulator';
import type { Emulator } from '../../src/emulator';
import { ensureProviderBuilt } from './helpers/build';
import { createWorkspace, PLAN_FLAGS } from './helpers/tofu';
import type { TofuResult, TofuWorkspace } from './helpers/tofu';

// Behaviour that only shows with a real engine: what OpenTofu stores and plans after the provider
// returns errors, private state, or values that differ from the configuration in spelling.

const STAGING_SECRET = 'staging-client-secret-planted-e2e3';
const OTHER_SECRET = 'other-client-secret-planted-e2e-03';

let emulator: Emulator;

function expectExit(result: TofuResult, code: number): void {
  if (result.code !== code) throw new Error(`tofu exited ${result.code}, expected ${code}:\n${result.stdout}\n${result.stderr}`);
}

function writeCalls(organization: string): string[] {
  return emulator
    .requests(organization)
    .filter((request) => request.method !== 'GET' && request.route !== 'token')
    .map((request) => `${request.method} ${request.route}`);
}

/** Builds a configuration of one `ocrolus_webhook.orders` for the organization of `clientId`. */
function configuration(clientId: string, orders: Record<string, unknown>): object {
  return {
    terraform: { required_providers: { ocrolus: { source: 'ocrolus/ocrolus' } } },
    variable: { client_secret: { type: 'string', sensitive: true } },
    provider: { ocrolus: { client_id: clientId, client_secret: '${var.client_secret}', api_url: emulator.apiUrl, auth_url: emulator.authUrl } },
    resource: { ocrolus_webhook: { orders } },
  };
}

/** Attributes and private bytes of `ocrolus_webhook.orders` in the workspace's state file. */
function storedOrders(workspace: TofuWorkspace): { attributes: Record<string, unknown>; private?: string } | undefined {
  const state = JSON.parse(readFileSync(join(workspace.dir, 'terraform.tfstate'), 'utf8')) as {
    resources: Array<{ name: string; instances: Array<{ attributes: Record<string, unknown>; private?: string }> }>;
  };
  return state.resources.find((resource) => resource.name === 'orders')?.instances[0];
}

beforeAll(async () => {
  ensureProviderBuilt();
  emulator = await startEmulator({
    requestsPerSecond: false,
    organizations: [
      { id: 'staging', clientId: 'staging-client', clientSecret: STAGING_SECRET },
      { id: 'other', clientId: 'other-client', clientSecret: OTHER_SECRET },
    ],
  });
});

afterAll(async () => {
  await emulator?.close();
});

describe('state pointed at another organization', () => {
  const orders = { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'] };
  let workspace: TofuWorkspace;
  const asStaging = { TF_VAR_client_secret: STAGING_SECRET };
  const asOther = { TF_VAR_client_secret: OTHER_SECRET };

  beforeAll(async () => {
    workspace = await createWorkspace('dev-overrides', {});
    workspace.writeConfig(configuration('staging-client', orders));
    expectExit(await workspace.run(['init', ...PLAN_FLAGS]), 0);
    expectExit(await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS], asStaging), 0);
  });

  test('apply records the organization', () => {
    const stored = storedOrders(workspace);

    expect(emulator.webhooks('staging')).toHaveLength(1);
    expect(Buffer.from(stored?.private ?? '', 'base64').toString('utf8')).toBe('{"organization":"staging-client"}');
  });

  test('plan with another client_id stops', async () => {
    workspace.writeConfig(configuration('other-client', orders));
    emulator.clearRequests();

    const plan = await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS], asOther);

    const message = plan.stderr.replace(/\s+/g, ' ');
    expectExit(plan, 1);
    expect(message).toContain('Error: Webhook In Another Organization');
    expect(message).toContain('belongs to Ocrolus organization staging-client, where it was created or imported');
    expect(message).toContain('run `tofu state rm ADDRESS`');
    expect(emulator.requests('other')).toEqual([]);
    expect(emulator.webhooks('other')).toEqual([]);
  });

  test('destroy without refresh stops too', async () => {
    const destroy = await workspace.run(['destroy', '-auto-approve', '-refresh=false', ...PLAN_FLAGS], asOther);

    expectExit(destroy, 1);
    expect(destroy.stderr).toContain('Error: Webhook In Another Organization');
    expect(emulator.webhooks('staging')).toHaveLength(1);
    expect(storedOrders(workspace)?.attributes.uuid).toBe(emulator.webhooks('staging')[0].uuid);
  });

  test('state rm and import move it deliberately', async () => {
    const seeded = emulator.seedWebhook('other', { ...orders, isActive: true });
    expectExit(await workspace.run(['state', 'rm', 'ocrolus_webhook.orders', ...PLAN_FLAGS.slice(1)], asOther), 0);
    expectExit(await workspace.run(['import', ...PLAN_FLAGS, 'ocrolus_webhook.orders', seeded.uuid], asOther), 0);

    expectExit(await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS], asOther), 0);
    expect(emulator.webhooks('staging')).toHaveLength(1);

    expectExit(await workspace.run(['destroy', '-auto-approve', ...PLAN_FLAGS], asOther), 0);
    expect(emulator.webhooks('other')).toEqual([]);
    emulator.removeWebhook('staging', emulator.webhooks('staging')[0].uuid);
  });

  test('no client secret appears in any output', () => {
    const transcript = workspace.transcript.join('\n');

    expect(transcript).not.toContain(STAGING_SECRET);
    expect(transcript).not.toContain(OTHER_SECRET);
  });
});

describe('test_on_apply with fail_on_error', () => {
  let workspace: TofuWorkspace;
  let receiver: Server;
  let receiverStatus = 200;
  let receiverUrl: string;
  const env = { TF_VAR_client_secret: STAGING_SECRET };
  const tested = (path: string, extra: Record<string, unknown> = {}) => ({
    url: `${receiverUrl}${path}`,
    events: ['book.verified'],
    test_on_apply: { fail_on_error: true },
    ...extra,
  });

  const deliveryStatuses = () => emulator.deliveries('staging').map((delivery) => delivery.status);

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(receiverStatus).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    workspace = await createWorkspace('dev-overrides', env);
    workspace.writeConfig(configuration('staging-client', tested('/hooks/orders')));
    expectExit(await workspace.run(['init', ...PLAN_FLAGS]), 0);
    expectExit(await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]), 0);
  });

  afterAll(async () => {
    await workspace?.run(['destroy', '-auto-approve', ...PLAN_FLAGS]);
    await new Promise((resolve) => receiver?.close(resolve));
  });

  test('failed test fails the apply', async () => {
    receiverStatus = 503;
    workspace.writeConfig(configuration('staging-client', tested('/hooks/orders-v2')));

    const apply = await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]);
    const message = apply.stderr.replace(/\s+/g, ' ');

    expectExit(apply, 1);
    expect(message).toContain('Error: Webhook Test Failed');
    expect(message).toContain('with HTTP 503');
    expect(message).not.toContain('inconsistent result');
    expect(storedOrders(workspace)?.attributes).toMatchObject({ url: `${receiverUrl}/hooks/orders-v2`, test_on_apply: null });
  });

  test('next plan shows test_on_apply again', async () => {
    const plan = await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]);

    expectExit(plan, 2);
    expect(plan.stdout).toContain('# ocrolus_webhook.orders will be updated in-place');
    expect(plan.stdout).toMatch(/\+ test_on_apply\s+= \{/);
    expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
  });

  test('next apply sends the test again', async () => {
    receiverStatus = 200;
    emulator.clearRequests();
    const before = deliveryStatuses().length;

    expectExit(await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]), 0);

    expect(writeCalls('staging')).toEqual(['POST test']);
    expect(deliveryStatuses().slice(before)).toEqual([200]);
    expectExit(await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]), 0);
  });

  test('failed test on create replaces the webhook next', async () => {
    const created = await createWorkspace('dev-overrides', env);
    created.writeConfig(configuration('staging-client', tested('/hooks/created')));
    expectExit(await created.run(['init', ...PLAN_FLAGS]), 0);
    receiverStatus = 503;

    expectExit(await created.run(['apply', '-auto-approve', ...PLAN_FLAGS]), 1);
    const first = storedOrders(created)?.attributes.uuid;
    const plan = await created.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]);

    expectExit(plan, 2);
    expect(plan.stdout).toContain('# ocrolus_webhook.orders is tainted, so it must be replaced');
    receiverStatus = 200;
    expectExit(await created.run(['apply', '-auto-approve', ...PLAN_FLAGS]), 0);

    const second = storedOrders(created)?.attributes.uuid;
    expect(second).not.toBe(first);
    expect(emulator.webhooks('staging').filter((webhook) => webhook.url === `${receiverUrl}/hooks/created`).map((webhook) => webhook.uuid)).toEqual([second]);
    expectExit(await created.run(['destroy', '-auto-approve', ...PLAN_FLAGS]), 0);
  });

  test('test of an inactive webhook fails validation', async () => {
    workspace.writeConfig(configuration('staging-client', tested('/hooks/orders-v2', { active: false })));

    const validate = await workspace.run(['validate', '-no-color']);

    expectExit(validate, 1);
    expect(validate.stderr).toContain('Error: Test Of Inactive Webhook');
    workspace.writeConfig(configuration('staging-client', tested('/hooks/orders-v2')));
  });
});

describe('import of a differently spelled URL', () => {
  let workspace: TofuWorkspace;
  const env = { TF_VAR_client_secret: STAGING_SECRET };
  const spelled = { url: 'https://Hooks.Example.com:443/ocrolus/imported/', events: ['book.verified', 'book.completed'] };

  beforeAll(async () => {
    workspace = await createWorkspace('dev-overrides', env);
    workspace.writeConfig(configuration('staging-client', spelled));
    expectExit(await workspace.run(['init', ...PLAN_FLAGS]), 0);
  });

  afterAll(async () => {
    await workspace?.run(['destroy', '-auto-approve', ...PLAN_FLAGS]);
  });

  test('first plan respells the URL, apply writes nothing', async () => {
    const seeded = emulator.seedWebhook('staging', { url: 'https://hooks.example.com/ocrolus/imported', events: ['book.completed', 'book.verified'], isActive: true });
    expectExit(await workspace.run(['import', ...PLAN_FLAGS, 'ocrolus_webhook.orders', seeded.uuid]), 0);

    const plan = await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]);
    expectExit(plan, 2);
    expect(plan.stdout).toMatch(/~ url\s+= "https:\/\/hooks\.example\.com\/ocrolus\/imported" -> "https:\/\/Hooks\.Example\.com:443\/ocrolus\/imported\/"/);
    expect(plan.stdout).not.toMatch(/~ events/);
    expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');

    emulator.clearRequests();
    expectExit(await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]), 0);

    expect(writeCalls('staging')).toEqual([]);
    expect(emulator.webhooks('staging').find((webhook) => webhook.uuid === seeded.uuid)?.url).toBe('https://hooks.example.com/ocrolus/imported');
    expect(storedOrders(workspace)?.attributes.url).toBe(spelled.url);
    expectExit(await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]), 0);
  });
});

describe('secret rotation', () => {
  let workspace: TofuWorkspace;
  const env = { TF_VAR_client_secret: STAGING_SECRET, TF_VAR_signing_secret: 'signing-secret-planted-e2e-000003' };
  const rotated = (version: string) => {
    const config = configuration('staging-client', {
      url: 'https://hooks.example.com/ocrolus/rotated',
      events: ['book.verified'],
      secret: '${var.signing_secret}',
      secret_version: version,
    }) as { variable: Record<string, object> };
    config.variable.signing_secret = { type: 'string', sensitive: true };
    return config;
  };

  beforeAll(async () => {
    workspace = await createWorkspace('dev-overrides', env);
    workspace.writeConfig(rotated('1'));
    expectExit(await workspace.run(['init', ...PLAN_FLAGS]), 0);
    expectExit(await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]), 0);
  });

  afterAll(async () => {
    await workspace?.run(['destroy', '-auto-approve', ...PLAN_FLAGS]);
  });

  test('new secret_version keeps last_modified_date', async () => {
    const before = storedOrders(workspace)?.attributes.last_modified_date;
    workspace.writeConfig(rotated('2'));

    const plan = await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]);
    expectExit(plan, 2);
    expect(plan.stdout).toMatch(/~ secret_version\s+= "1" -> "2"/);
    expect(plan.stdout).not.toContain('last_modified_date');

    emulator.clearRequests();
    const apply = await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]);
    expectExit(apply, 0);

    expect(apply.stderr).not.toContain('inconsistent result');
    expect(writeCalls('staging')).toEqual(['POST rotate-secret']);
    expect(before).toEqual(expect.any(String));
    expect(storedOrders(workspace)?.attributes.last_modified_date).toBe(before);
    expectExit(await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]), 0);
  });

  test('signing secret appears in no output', () => {
    expect(workspace.transcript.join('\n')).not.toContain('signing-secret-planted-e2e-000003');
  });
});
