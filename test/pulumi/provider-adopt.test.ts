import { ORGANIZATION, apiRoutes, ordersInputs, removeAllWebhooks } from './support/fixtures';
import { webhookUrn } from './support/host';
import { startHarness } from './support/harness';
import type { Harness } from './support/harness';

const ORG = ORGANIZATION.id;
const URN = webhookUrn('orders');

describe('provider adoption', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  beforeEach(() => {
    removeAllWebhooks(harness.emulator, ORG);
    harness.emulator.clearRequests();
  });

  test('adopt by uuid takes over the webhook', async () => {
    const existing = harness.emulator.seedWebhook(ORG, { url: 'https://hooks.example.com/ocrolus/orders', description: 'Made in the Dashboard', isActive: false, events: ['book.verified'] });
    harness.emulator.clearRequests();
    const inputs = ordersInputs(harness.providerText, { adopt: { uuid: existing.uuid } });

    const checked = await harness.host.check(URN, {}, inputs);
    const created = await harness.host.create(URN, checked.inputs);

    expect(checked.failures).toEqual([]);
    expect(created.id).toBe(existing.uuid);
    expect(created.properties).toMatchObject({ uuid: existing.uuid, description: 'Book status for the orders service', events: ['book.completed', 'book.verified'], active: true, isActive: true, adopt: { uuid: existing.uuid } });
    expect(harness.emulator.webhooks(ORG)).toMatchObject([{ uuid: existing.uuid, isActive: true, description: 'Book status for the orders service' }]);
    expect(apiRoutes(harness.emulator, ORG)).not.toContain('add');
  });

  test('adopt by url matches the normalized url', async () => {
    const existing = harness.emulator.seedWebhook(ORG, { url: 'https://Hooks.Example.com/ocrolus/orders/', events: ['book.verified', 'book.completed'] });
    const inputs = ordersInputs(harness.providerText, { url: 'https://Hooks.Example.com/ocrolus/orders/', adopt: { url: 'https://hooks.example.com/ocrolus/orders' } });

    const created = await harness.host.create(URN, (await harness.host.check(URN, {}, inputs)).inputs);

    expect(created.id).toBe(existing.uuid);
    expect(harness.emulator.webhooks(ORG)).toHaveLength(1);
    expect(apiRoutes(harness.emulator, ORG)).not.toContain('add');

    const diff = await harness.host.diff(URN, created.id, created.properties, inputs);
    expect(diff.changes).toBe('DIFF_NONE');
  });

  test('adopt of a missing uuid creates a webhook', async () => {
    const inputs = ordersInputs(harness.providerText, { adopt: { uuid: '00000000-0000-4000-8000-000000000000' } });

    const created = await harness.host.create(URN, inputs);

    expect(harness.emulator.webhooks(ORG)).toMatchObject([{ uuid: created.id, url: 'https://hooks.example.com/ocrolus/orders' }]);
    expect(apiRoutes(harness.emulator, ORG).filter((route) => route === 'add')).toEqual(['add']);
  });

  test('adopt of an unknown url creates a webhook', async () => {
    const other = harness.emulator.seedWebhook(ORG, { url: 'https://hooks.example.com/ocrolus/other', events: ['book.verified'] });
    const inputs = ordersInputs(harness.providerText, { adopt: { url: 'https://hooks.example.com/ocrolus/orders' } });

    const created = await harness.host.create(URN, inputs);

    expect(created.id).not.toBe(other.uuid);
    expect(harness.emulator.webhooks(ORG).map((webhook) => webhook.url).sort()).toEqual(['https://hooks.example.com/ocrolus/orders', 'https://hooks.example.com/ocrolus/other']);
  });

  test('kept adopt re-creates a webhook deleted elsewhere', async () => {
    const existing = harness.emulator.seedWebhook(ORG, { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'] });
    const inputs = ordersInputs(harness.providerText, { adopt: { uuid: existing.uuid } });
    const adopted = await harness.host.create(URN, (await harness.host.check(URN, {}, inputs)).inputs);
    harness.emulator.removeWebhook(ORG, adopted.id);

    // pulumi refresh drops the resource, and the next pulumi up creates it with the same inputs.
    const refreshed = await harness.host.read(URN, adopted.id, adopted.properties);
    const recreated = await harness.host.create(URN, (await harness.host.check(URN, {}, inputs)).inputs);

    expect(refreshed.id).toBe('');
    expect(recreated.id).not.toBe(existing.uuid);
    expect(harness.emulator.webhooks(ORG)).toMatchObject([{ uuid: recreated.id, url: 'https://hooks.example.com/ocrolus/orders', description: 'Book status for the orders service' }]);
  });

  test('adopt failure other than a missing target stays', async () => {
    const existing = harness.emulator.seedWebhook(ORG, { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'] });
    harness.emulator.injectFault({ kind: 'status', route: 'update', status: 400, code: 1003, message: 'description rejected' });
    const inputs = ordersInputs(harness.providerText, { adopt: { uuid: existing.uuid } });

    const attempt = harness.host.create(URN, inputs);

    await expect(attempt).rejects.toThrow(/update/);
    expect(harness.emulator.webhooks(ORG)).toMatchObject([{ uuid: existing.uuid }]);
    harness.emulator.clearFaults();
  });

  test('adopt has no effect after creation', async () => {
    const created = await harness.host.create(URN, ordersInputs(harness.providerText));

    const withAdopt = ordersInputs(harness.providerText, { adopt: { uuid: created.id } });
    const diff = await harness.host.diff(URN, created.id, created.properties, withAdopt);

    expect(diff.changes).toBe('DIFF_NONE');
  });
});
