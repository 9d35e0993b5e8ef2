import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startEmulator } from '../../src/emulator';
import type { Emulator } from '../../src/emulator';
import { isUnknown } from '../../src/terraform/values';
import type { TfObject } from '../../src/terraform/values';
import { planAndApply, privateBytes, readState } from './helpers/engine-emulation';
import { DATA_SOURCE_TYPE, decoded, diagnosticLines, dynamic, PROVIDER_TYPE, startRpcHarness, webhookConfig } from './helpers/rpc';
import type { RpcHarness } from './helpers/rpc';

const CLIENT_SECRET = 'staging-client-secret-planted-0001';
const SIGNING_SECRET = 'signing-secret-planted-000000001';
const ROTATED_SECRET = 'signing-secret-planted-000000002';

let emulator: Emulator;
let harness: RpcHarness;
let receiver: Server;
let receiverStatus = 200;
let receiverUrl: string;
const logLines: string[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(receiverStatus).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  emulator = await startEmulator({
    organizations: [
      { id: 'staging', clientId: 'staging-client', clientSecret: CLIENT_SECRET },
      { id: 'viewer', clientId: 'viewer-client', clientSecret: 'viewer-client-secret-0001', manager: false },
    ],
    requestsPerSecond: false,
  });

  harness = await startRpcHarness({ log: (level, message, fields) => logLines.push(JSON.stringify({ level, message, ...fields })) });
  const configured = await harness.provider.ConfigureProvider({ terraform_version: '1.6.3', config: providerConfig('staging-client', CLIENT_SECRET) });
  expect(diagnosticLines(configured)).toEqual([]);
});

afterAll(async () => {
  await harness.close();
  await emulator.close();
  await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(() => {
  receiverStatus = 200;
  emulator.clearRequests();
});

function providerConfig(clientId: string, clientSecret: string) {
  return dynamic({ client_id: clientId, client_secret: clientSecret, api_url: emulator.apiUrl, auth_url: emulator.authUrl }, PROVIDER_TYPE);
}

function config(values: Partial<TfObject>): TfObject {
  return webhookConfig({ url: `${receiverUrl}/hooks/orders`, events: ['book.verified', 'book.completed'], ...values });
}

function writes(): string[] {
  return emulator
    .requests('staging')
    .filter((request) => request.method !== 'GET' && request.route !== 'token')
    .map((request) => `${request.method} ${request.route}`);
}

describe('create', () => {
  test('creates the webhook with its secret and fills computed attributes', async () => {
    const outcome = await planAndApply(harness, null, config({ description: 'Orders', secret: SIGNING_SECRET }));
    const state = outcome.state as TfObject;
    const [webhook] = emulator.webhooks('staging').filter((candidate) => candidate.uuid === state.uuid);

    expect(outcome.diagnostics).toEqual([]);
    expect(state.id).toBe(state.uuid);
    expect(state.active).toBe(true);
    expect(state.created_on).toEqual(expect.any(String));
    expect(state.secret).toBe(SIGNING_SECRET);
    expect(webhook).toMatchObject({ url: `${receiverUrl}/hooks/orders`, description: 'Orders', isActive: true, secret: SIGNING_SECRET });
    expect([...webhook.events].sort()).toEqual(['book.completed', 'book.verified']);
    expect(writes()).toEqual(['POST add', 'POST rotate-secret', 'POST update']);

    await planAndApply(harness, state, null);
  });

  test('inactive webhook is created inactive', async () => {
    const outcome = await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/inactive`, active: false }));
    const uuid = (outcome.state as TfObject).uuid;

    expect(emulator.webhooks('staging').find((webhook) => webhook.uuid === uuid)?.isActive).toBe(false);
    expect(writes()).toEqual(['POST add']);

    await planAndApply(harness, outcome.state, null);
  });

  test('test_on_apply sends a delivery', async () => {
    const outcome = await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/tested`, test_on_apply: { event: 'book.completed', fail_on_error: true } }));

    expect(outcome.diagnostics).toEqual([]);
    expect(emulator.deliveries('staging').filter((delivery) => delivery.webhookUuid === (outcome.state as TfObject).uuid).map((delivery) => [delivery.eventName, delivery.status])).toEqual([
      ['book.completed', 200],
    ]);

    await planAndApply(harness, outcome.state, null);
  });

  test('failed test delivery is a warning by default', async () => {
    receiverStatus = 500;
    const outcome = await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/warned`, test_on_apply: { event: null, fail_on_error: null } }));

    expect(outcome.diagnostics).toEqual(['WARNING Webhook Test Failed @test_on_apply']);
    expect(outcome.details[0]).toContain('responded to the test delivery of book.completed with HTTP 500');
    expect((outcome.state as TfObject).uuid).toEqual(expect.any(String));

    await planAndApply(harness, outcome.state, null);
  });

  test('failed test delivery is an error with fail_on_error', async () => {
    receiverStatus = 503;
    const outcome = await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/failed`, test_on_apply: { event: 'book.verified', fail_on_error: true } }));

    expect(outcome.diagnostics).toEqual(['ERROR Webhook Test Failed @test_on_apply']);
    expect(outcome.details[0]).toContain('responded to the test delivery of book.verified with HTTP 503');
    expect((outcome.state as TfObject).uuid).toEqual(expect.any(String));
    expect((outcome.state as TfObject).test_on_apply).toBeNull();

    await planAndApply(harness, outcome.state, null);
  });

  test('rejected test call names no attribute', async () => {
    emulator.injectFault({ kind: 'status', route: 'test', status: 400, code: 1000, message: 'Test deliveries are paused for this organization' });
    const outcome = await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/rejected`, test_on_apply: { event: null, fail_on_error: true } }));

    expect(outcome.diagnostics).toEqual(['ERROR Webhook Test Failed @test_on_apply']);
    expect(outcome.details[0]).toContain('Ocrolus did not send the test delivery');
    expect(outcome.details[0]).toContain('Test deliveries are paused for this organization');
    expect(outcome.details[0]).not.toContain('Fix the attribute');

    await planAndApply(harness, outcome.state, null);
  });

  test('failure after the add names the created uuid', async () => {
    emulator.injectFault({ kind: 'status', route: 'rotate-secret', status: 400, code: 1003, message: 'secret_key rejected' });
    const outcome = await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/half-created`, secret: SIGNING_SECRET }));
    const uuid = (outcome.state as TfObject).uuid as string;

    expect(outcome.diagnostics).toEqual(['ERROR Ocrolus Rejected The Webhook']);
    expect(outcome.details[0]).toContain(`Creating the webhook for ${receiverUrl}/hooks/half-created in organization staging-client failed: rotate secret failed`);
    expect(outcome.details[0]).toContain('message "secret_key rejected"');
    expect(outcome.details[0]).toContain(`The webhook was created with uuid ${uuid} before the failure, and the state records it.`);
    expect(emulator.webhooks('staging').map((webhook) => webhook.uuid)).toContain(uuid);
    expect(outcome.details.join('\n')).not.toContain(SIGNING_SECRET);

    await planAndApply(harness, outcome.state, null);
  });

  test('duplicate URL names the way out', async () => {
    const first = await planAndApply(harness, null, config({ url: 'https://duplicate.example.com/in' }));
    const second = await planAndApply(harness, null, config({ url: 'https://duplicate.example.com/in' }));

    expect(second.diagnostics).toEqual(['ERROR Duplicate Webhook URL @url']);
    expect(second.details[0]).toMatch(/^Creating the webhook for https:\/\/duplicate\.example\.com\/in in organization staging-client failed: add webhook failed/);
    expect(second.details[0]).toContain('\nNo webhook was created.\n');
    expect(second.details[0]).toContain('Import it with `tofu import`');
    expect(second.details[0]).not.toContain('ocrolus_webhook');
    expect(second.details[0]).not.toContain('Done:');
    expect(second.state).toBeNull();

    await planAndApply(harness, first.state, null);
  });
});

describe('update', () => {
  let state: TfObject;

  beforeEach(async () => {
    state = (await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/updated`, secret: SIGNING_SECRET }))).state as TfObject;
    emulator.clearRequests();
  });

  afterEach(async () => {
    await planAndApply(harness, state, null);
  });

  test('unchanged configuration makes no API call', async () => {
    const outcome = await planAndApply(harness, state, config({ url: `${receiverUrl}/hooks/updated`, secret: SIGNING_SECRET }));

    expect(outcome.state).toEqual(state);
    expect(emulator.requests('staging')).toEqual([]);
  });

  test('changed events and deactivation are written and planned values kept', async () => {
    const desired = config({ url: `${receiverUrl}/hooks/updated`, events: ['document.upload_failed'], active: false, secret: SIGNING_SECRET });
    const outcome = await planAndApply(harness, state, desired);
    const webhook = emulator.webhooks('staging').find((candidate) => candidate.uuid === state.uuid);

    expect(outcome.diagnostics).toEqual([]);
    expect(isUnknown((outcome.planned as TfObject).last_modified_date)).toBe(true);
    expect(outcome.state).toMatchObject({ events: ['document.upload_failed'], active: false, uuid: state.uuid });
    expect(webhook).toMatchObject({ isActive: false, events: ['document.upload_failed'] });
    expect(writes()).toEqual(['POST update', 'POST update']);
    state = outcome.state as TfObject;
  });

  test('changed secret value is sent again', async () => {
    const outcome = await planAndApply(harness, state, config({ url: `${receiverUrl}/hooks/updated`, secret: ROTATED_SECRET }));

    expect(outcome.diagnostics).toEqual([]);
    expect(writes()).toEqual(['POST rotate-secret']);
    expect(emulator.webhooks('staging').find((candidate) => candidate.uuid === state.uuid)?.secret).toBe(ROTATED_SECRET);
    state = outcome.state as TfObject;
  });

  test('new secret_version sends the same secret again', async () => {
    const outcome = await planAndApply(harness, state, config({ url: `${receiverUrl}/hooks/updated`, secret: SIGNING_SECRET, secret_version: '2' }));

    expect(writes()).toEqual(['POST rotate-secret']);
    state = outcome.state as TfObject;
  });

  test('failed test with fail_on_error runs again on the next apply', async () => {
    const tested = config({ url: `${receiverUrl}/hooks/updated-v2`, secret: SIGNING_SECRET, test_on_apply: { event: 'book.verified', fail_on_error: true } });
    receiverStatus = 500;
    const failed = await planAndApply(harness, state, tested);

    expect(failed.diagnostics).toEqual(['ERROR Webhook Test Failed @test_on_apply']);
    expect(failed.state).toMatchObject({ url: tested.url, test_on_apply: null });

    receiverStatus = 200;
    emulator.clearRequests();
    const retried = await planAndApply(harness, failed.state, tested);
    const deliveries = emulator.deliveries('staging').filter((delivery) => delivery.webhookUuid === state.uuid);

    expect(retried.diagnostics).toEqual([]);
    expect(retried.state).toMatchObject({ test_on_apply: { event: 'book.verified', fail_on_error: true } });
    expect(writes()).toEqual(['POST test']);
    expect(deliveries.map((delivery) => delivery.status)).toEqual([500, 200]);
    state = retried.state as TfObject;
  });

  test('failed test without fail_on_error is not retried', async () => {
    const tested = config({ url: `${receiverUrl}/hooks/updated-v3`, secret: SIGNING_SECRET, test_on_apply: { event: null, fail_on_error: false } });
    receiverStatus = 500;
    const warned = await planAndApply(harness, state, tested);

    expect(warned.diagnostics).toEqual(['WARNING Webhook Test Failed @test_on_apply']);
    expect(warned.state).toMatchObject({ test_on_apply: { event: null, fail_on_error: false } });
    state = warned.state as TfObject;
  });

  test('rejected update names the webhook and step', async () => {
    emulator.injectFault({ kind: 'status', route: 'update', status: 400, code: 1003, message: 'url is not reachable' });
    const outcome = await planAndApply(harness, state, config({ url: `${receiverUrl}/hooks/unreachable`, secret: SIGNING_SECRET }));

    expect(outcome.diagnostics).toEqual(['ERROR Ocrolus Rejected The Webhook']);
    expect(outcome.details[0]).toContain(`Changing url of webhook ${state.uuid as string} (${receiverUrl}/hooks/unreachable) in organization staging-client failed: update webhook failed`);
    expect(outcome.details[0]).toContain('message "url is not reachable"');
    expect(outcome.details[0]).toContain('The state keeps the values from before this apply');
    expect(outcome.state).toEqual(state);
  });

  test('webhook deleted elsewhere fails the update with the next step', async () => {
    emulator.removeWebhook('staging', state.uuid as string);
    const outcome = await planAndApply(harness, state, config({ url: `${receiverUrl}/hooks/moved`, secret: SIGNING_SECRET }));

    expect(outcome.diagnostics).toEqual(['ERROR Webhook Not Found']);
    expect(outcome.details[0]).toContain('Refresh');
    expect(outcome.state).toEqual(state);
  });
});

describe('read', () => {
  test('drift shows the API values', async () => {
    const state = (await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/drift` }))).state as TfObject;
    emulator.editWebhook('staging', state.uuid as string, { isActive: false, events: ['book.verified'] });

    const read = await readState(harness, state);

    expect(read.diagnostics).toEqual([]);
    expect(read.state).toMatchObject({ active: false, events: ['book.verified'], url: state.url });
    await planAndApply(harness, state, null);
  });

  test('configured spelling survives a normalizing API', async () => {
    emulator.setVariants({ urlStorage: 'normalized' });
    try {
      const spelled = 'https://Hooks.Example.com:443/ocrolus/';
      const state = (await planAndApply(harness, null, config({ url: spelled }))).state as TfObject;
      const read = await readState(harness, state);

      expect(emulator.webhooks('staging').find((webhook) => webhook.uuid === state.uuid)?.url).toBe('https://hooks.example.com/ocrolus');
      expect((read.state as TfObject).url).toBe(spelled);
      expect((read.state as TfObject).events).toEqual(['book.verified', 'book.completed']);
      await planAndApply(harness, state, null);
    } finally {
      emulator.setVariants({ urlStorage: 'as-sent' });
    }
  });

  test('webhook deleted elsewhere leaves state', async () => {
    const state = (await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/gone` }))).state as TfObject;
    emulator.removeWebhook('staging', state.uuid as string);

    expect(await readState(harness, state)).toEqual({ state: null, diagnostics: [], details: [], private: null });
  });

  test('not found as code 1000 also leaves state', async () => {
    emulator.setVariants({ notFound: 'code-1000', errorTransport: 'envelope-200' });
    try {
      const state = (await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/gone-1000` }))).state as TfObject;
      emulator.removeWebhook('staging', state.uuid as string);

      expect((await readState(harness, state)).state).toBeNull();
    } finally {
      emulator.setVariants({ notFound: 'http-404', errorTransport: 'http-status' });
    }
  });

  test('permission error is an error, not a deletion', async () => {
    const viewer = await startRpcHarness();
    try {
      await viewer.provider.ConfigureProvider({ terraform_version: '1.6.3', config: providerConfig('viewer-client', 'viewer-client-secret-0001') });
      const state = config({ id: '0b8f5a52-3c9e-4a44-9d7e-2f1f0c6d8e11', uuid: '0b8f5a52-3c9e-4a44-9d7e-2f1f0c6d8e11', active: true });
      const read = await readState(viewer, state);

      expect(read.diagnostics).toEqual(['ERROR Missing Manager Permission']);
      expect(read.details[0]).toContain('organization viewer-client');
      expect(read.state).toEqual(state);
    } finally {
      await viewer.close();
    }
  });
});

describe('organization record', () => {
  const otherOrganization = privateBytes({ organization: 'prod-client' });
  let state: TfObject;

  beforeEach(async () => {
    const created = await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/recorded` }));
    expect(created.private).toEqual({ organization: 'staging-client' });
    state = created.state as TfObject;
    emulator.clearRequests();
  });

  afterEach(async () => {
    await planAndApply(harness, state, null);
  });

  test('state without a record is adopted', async () => {
    const read = await readState(harness, state);

    expect(read.diagnostics).toEqual([]);
    expect(read.state).toEqual(state);
    expect(read.private).toEqual({ organization: 'staging-client' });
  });

  test('read of another organization stops', async () => {
    const read = await readState(harness, state, otherOrganization);

    expect(read.diagnostics).toEqual(['ERROR Webhook In Another Organization']);
    expect(read.details[0]).toContain(`Webhook ${state.uuid as string} belongs to Ocrolus organization prod-client`);
    expect(read.details[0]).toContain('configured for organization staging-client');
    expect(read.details[0]).toContain('`tofu state rm ADDRESS`');
    expect(read.state).toEqual(state);
    expect(read.private).toEqual({ organization: 'prod-client' });
    expect(emulator.requests('staging')).toEqual([]);
  });

  test('plan of another organization stops', async () => {
    const outcome = await planAndApply(harness, state, config({ url: `${receiverUrl}/hooks/recorded-v2` }), otherOrganization);

    expect(outcome.diagnostics).toEqual(['ERROR Webhook In Another Organization']);
    expect(emulator.requests('staging')).toEqual([]);
  });

  test('destroy of another organization stops', async () => {
    const outcome = await planAndApply(harness, state, null, otherOrganization);

    expect(outcome.diagnostics).toEqual(['ERROR Webhook In Another Organization']);
    expect(outcome.state).toEqual(state);
    expect(emulator.webhooks('staging').map((webhook) => webhook.uuid)).toContain(state.uuid);
  });

  test('import records the organization', async () => {
    const response = await harness.provider.ImportResourceState({ type_name: 'ocrolus_webhook', id: state.uuid as string });
    const [imported] = response.imported_resources as Array<{ private: Buffer }>;

    expect(JSON.parse(Buffer.from(imported.private).toString('utf8'))).toEqual({ organization: 'staging-client' });
  });
});

describe('delete', () => {
  test('already deleted webhook counts as deleted', async () => {
    const state = (await planAndApply(harness, null, config({ url: `${receiverUrl}/hooks/twice` }))).state as TfObject;
    emulator.removeWebhook('staging', state.uuid as string);

    expect(await planAndApply(harness, state, null)).toMatchObject({ state: null, diagnostics: [] });
  });
});

describe('import', () => {
  test('fills every attribute the API reports', async () => {
    const seeded = emulator.seedWebhook('staging', { url: 'https://imported.example.com/in', description: 'Seeded', isActive: false, events: ['book.verified', 'book.completed'] });
    const response = await harness.provider.ImportResourceState({ type_name: 'ocrolus_webhook', id: seeded.uuid });
    const [imported] = response.imported_resources as Array<{ type_name: string; state: unknown }>;

    expect(diagnosticLines(response)).toEqual([]);
    expect(imported.type_name).toBe('ocrolus_webhook');
    expect(decoded(imported.state)).toEqual({
      id: seeded.uuid,
      uuid: seeded.uuid,
      url: 'https://imported.example.com/in',
      events: ['book.completed', 'book.verified'],
      description: 'Seeded',
      active: false,
      secret: null,
      secret_version: null,
      test_on_apply: null,
      created_on: seeded.createdOn,
      last_modified_date: seeded.lastModifiedDate,
    });
    emulator.removeWebhook('staging', seeded.uuid);
  });

  test('unknown uuid is an error', async () => {
    const response = await harness.provider.ImportResourceState({ type_name: 'ocrolus_webhook', id: '0b8f5a52-3c9e-4a44-9d7e-2f1f0c6d8e11' });

    expect(diagnosticLines(response)).toEqual(['ERROR Webhook Not Found']);
  });

  test('malformed id is an error without an API call', async () => {
    const response = await harness.provider.ImportResourceState({ type_name: 'ocrolus_webhook', id: 'orders' });

    expect(diagnosticLines(response)).toEqual(['ERROR Invalid Import ID']);
    expect(emulator.requests('staging')).toEqual([]);
  });
});

describe('data source', () => {
  test('lists webhooks with passwords masked', async () => {
    const seeded = emulator.seedWebhook('staging', { url: 'https://robot:url-password-planted@listed.example.com/in', events: ['book.verified'] });
    const response = await harness.provider.ReadDataSource({ type_name: 'ocrolus_webhooks', config: dynamic({ id: null, webhooks: null }, DATA_SOURCE_TYPE) });
    const state = decoded(response.state, DATA_SOURCE_TYPE) as { id: string; webhooks: TfObject[] };
    const listed = state.webhooks.find((webhook) => webhook.uuid === seeded.uuid);

    expect(diagnosticLines(response)).toEqual([]);
    expect(state.id).toBe('staging-client');
    expect(listed).toMatchObject({ url: 'https://robot:***@listed.example.com/in', active: true, events: ['book.verified'] });
    expect(JSON.stringify(state)).not.toContain('url-password-planted');
    emulator.removeWebhook('staging', seeded.uuid);
  });

  test('lists URLs as the API stores them', async () => {
    const spelled = 'https://Listed.Example.com:443/Orders/';
    const seeded = emulator.seedWebhook('staging', { url: spelled, events: ['book.verified'] });
    const tokened = emulator.seedWebhook('staging', { url: 'https://Listed.Example.com/in?token=url-token-planted', events: ['book.verified'] });
    const response = await harness.provider.ReadDataSource({ type_name: 'ocrolus_webhooks', config: dynamic({ id: null, webhooks: null }, DATA_SOURCE_TYPE) });
    const state = decoded(response.state, DATA_SOURCE_TYPE) as { webhooks: TfObject[] };
    const urlOf = (uuid: string) => state.webhooks.find((webhook) => webhook.uuid === uuid)?.url;

    expect(urlOf(seeded.uuid)).toBe(spelled);
    expect(urlOf(tokened.uuid)).toBe('https://listed.example.com/in?token=***');
    emulator.removeWebhook('staging', seeded.uuid);
    emulator.removeWebhook('staging', tokened.uuid);
  });
});

describe('secrets', () => {
  test('provider logs never contain a secret', () => {
    const logged = logLines.join('\n');

    expect(logLines.length).toBeGreaterThan(0);
    for (const secret of [CLIENT_SECRET, SIGNING_SECRET, ROTATED_SECRET, 'url-password-planted']) expect(logged).not.toContain(secret);
  });
});
