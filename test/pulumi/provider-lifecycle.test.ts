import { ORGANIZATION, apiRoutes, ordersInputs, removeAllWebhooks } from './support/fixtures';
import { webhookUrn } from './support/host';
import type { Properties } from './support/host';
import { startHarness } from './support/harness';
import type { Harness } from './support/harness';

const ORG = ORGANIZATION.id;
const URN = webhookUrn('orders');

describe('provider lifecycle through the dynamic-provider host', () => {
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

  /** Check then create, as `pulumi up` does for a new resource. */
  async function create(inputs: Properties): Promise<{ id: string; outputs: Properties }> {
    const checked = await harness.host.check(URN, {}, inputs);
    expect(checked.failures).toEqual([]);
    const created = await harness.host.create(URN, checked.inputs);
    return { id: created.id, outputs: created.properties };
  }

  /** Check, diff and update, as `pulumi up` does for a changed resource. */
  async function update(id: string, olds: Properties, inputs: Properties): Promise<Properties> {
    const checked = await harness.host.check(URN, olds, inputs);
    expect(checked.failures).toEqual([]);
    const diff = await harness.host.diff(URN, id, olds, checked.inputs);
    expect(diff).toEqual({ changes: 'DIFF_SOME', replaces: [], deleteBeforeReplace: false });
    return harness.host.update(URN, id, olds, checked.inputs);
  }

  test('create, update and delete', async () => {
    const inputs = ordersInputs(harness.providerText, { events: ['book.verified', 'book.completed', 'book.verified'] });

    const { id, outputs } = await create(inputs);

    const [stored] = harness.emulator.webhooks(ORG);
    expect(id).toBe(stored.uuid);
    expect(outputs).toEqual({
      __provider: harness.providerText,
      name: 'orders',
      uuid: stored.uuid,
      url: 'https://hooks.example.com/ocrolus/orders',
      description: 'Book status for the orders service',
      events: ['book.completed', 'book.verified'],
      active: true,
      isActive: true,
      createdOn: stored.createdOn,
      lastModifiedDate: stored.lastModifiedDate,
    });
    expect([...stored.events].sort()).toEqual(['book.completed', 'book.verified']);

    const same = await harness.host.diff(URN, id, outputs, (await harness.host.check(URN, inputs, inputs)).inputs);
    expect(same.changes).toBe('DIFF_NONE');

    const changedInputs = ordersInputs(harness.providerText, { description: 'Orders service, second revision', events: ['book.completed', 'document.verification_failed'] });
    const updated = await update(id, outputs, changedInputs);
    expect(updated).toMatchObject({ uuid: id, description: 'Orders service, second revision', events: ['book.completed', 'document.verification_failed'], active: true, isActive: true });
    expect(harness.emulator.webhooks(ORG)).toMatchObject([{ uuid: id, description: 'Orders service, second revision' }]);

    await harness.host.delete(URN, id, updated);
    expect(harness.emulator.webhooks(ORG)).toEqual([]);
  });

  test('diff is semantic', async () => {
    const { id, outputs } = await create(ordersInputs(harness.providerText));

    const reordered = ordersInputs(harness.providerText, {
      events: ['book.completed', 'book.verified', 'book.completed'],
      url: 'https://HOOKS.example.com:443/ocrolus/orders',
    });
    const diff = await harness.host.diff(URN, id, outputs, reordered);

    expect(diff.changes).toBe('DIFF_NONE');
  });

  test('deactivate is one update call', async () => {
    const { id, outputs } = await create(ordersInputs(harness.providerText));
    harness.emulator.clearRequests();

    const deactivated = await update(id, outputs, ordersInputs(harness.providerText, { active: false }));

    expect(deactivated).toMatchObject({ active: false, isActive: false });
    expect(harness.emulator.webhooks(ORG)[0].isActive).toBe(false);
    expect(apiRoutes(harness.emulator, ORG).filter((route) => route === 'update')).toEqual(['update']);
  });

  test('activate is one update call', async () => {
    const { id, outputs } = await create(ordersInputs(harness.providerText, { active: false }));
    expect(harness.emulator.webhooks(ORG)[0].isActive).toBe(false);
    harness.emulator.clearRequests();

    const activated = await update(id, outputs, ordersInputs(harness.providerText, { active: true }));

    expect(activated).toMatchObject({ active: true, isActive: true });
    expect(harness.emulator.webhooks(ORG)[0].isActive).toBe(true);
    expect(apiRoutes(harness.emulator, ORG).filter((route) => route === 'update')).toEqual(['update']);
  });

  test('webhook declared inactive is never active', async () => {
    const { outputs } = await create(ordersInputs(harness.providerText, { active: false }));

    expect(outputs).toMatchObject({ active: false, isActive: false });
    expect(apiRoutes(harness.emulator, ORG).filter((route) => route === 'update')).toEqual([]);
  });

  test('refresh shows out-of-band deactivation as drift', async () => {
    const inputs = ordersInputs(harness.providerText);
    const { id, outputs } = await create(inputs);
    harness.emulator.editWebhook(ORG, id, { isActive: false, description: 'Edited in the Dashboard' });

    const refreshed = await harness.host.read(URN, id, outputs, inputs);

    expect(refreshed.id).toBe(id);
    expect(refreshed.properties).toMatchObject({ active: false, isActive: false, description: 'Edited in the Dashboard' });
    expect(refreshed.inputs).toMatchObject({ active: false, description: 'Edited in the Dashboard', url: inputs.url, events: ['book.completed', 'book.verified'] });

    const diff = await harness.host.diff(URN, id, refreshed.properties, inputs);
    expect(diff.changes).toBe('DIFF_SOME');

    harness.emulator.clearRequests();
    const restored = await harness.host.update(URN, id, refreshed.properties, inputs);
    expect(restored).toMatchObject({ active: true, isActive: true, description: 'Book status for the orders service' });
    expect(harness.emulator.webhooks(ORG)).toMatchObject([{ uuid: id, isActive: true, description: 'Book status for the orders service' }]);
    // The description goes first, the activation last.
    expect(apiRoutes(harness.emulator, ORG).filter((route) => route === 'update')).toEqual(['update', 'update']);
  });

  test('refresh after out-of-band delete', async () => {
    const { id, outputs } = await create(ordersInputs(harness.providerText));
    harness.emulator.removeWebhook(ORG, id);

    const refreshed = await harness.host.read(URN, id, outputs);

    expect(refreshed.id).toBe('');
    await expect(harness.host.delete(URN, id, outputs)).resolves.toBeUndefined();
  });

  test('package upgrade shows no diff', async () => {
    const inputs = ordersInputs(harness.providerText);
    const { id, outputs } = await create(inputs);

    // A later version of the package serializes to different text; the state keeps the old one.
    const upgradedText = harness.providerText.replace('exports.handler = __f0;', 'exports.handler = __f0;\n// ocrolus-webhooks 0.2.0');
    expect(upgradedText).not.toBe(harness.providerText);
    const upgradedInputs = { ...inputs, __provider: upgradedText };

    const checked = await harness.host.check(URN, inputs, upgradedInputs);
    const diff = await harness.host.diff(URN, id, outputs, checked.inputs);

    expect(checked.inputs.__provider).toBe(upgradedText);
    expect(diff).toEqual({ changes: 'DIFF_NONE', replaces: [], deleteBeforeReplace: false });

    // The new text is configured on first use, so it reaches the emulator with the stack's credentials.
    const refreshed = await harness.host.read(URN, id, { ...outputs, __provider: upgradedText });
    expect(refreshed.id).toBe(id);
  });

  test('rename records the new name', async () => {
    const { id, outputs } = await create(ordersInputs(harness.providerText));
    harness.emulator.clearRequests();

    // With aliases, the engine moves the state to the new name and sends the new name as input.
    const renamed = ordersInputs(harness.providerText, { name: 'orders-service' });
    const updated = await update(id, outputs, renamed);

    expect(updated).toMatchObject({ uuid: id, name: 'orders-service' });
    const writes = apiRoutes(harness.emulator, ORG).filter((route) => !['list', 'retrieve', 'events'].includes(route));
    expect(writes).toEqual([]);
  });

  test('no field forces a replacement', async () => {
    const { id, outputs } = await create(ordersInputs(harness.providerText));

    const everythingChanged = ordersInputs(harness.providerText, {
      url: 'https://hooks.example.com/ocrolus/orders-v2',
      events: ['document.upload_failed'],
      description: 'Moved to a new path',
      active: false,
      secret: 'a-new-signing-secret-0123456789',
    });
    const diff = await harness.host.diff(URN, id, outputs, everythingChanged);

    expect(diff).toEqual({ changes: 'DIFF_SOME', replaces: [], deleteBeforeReplace: false });
  });

  test('unknown inputs count as changes', async () => {
    const { id, outputs } = await create(ordersInputs(harness.providerText));

    const unknownUrl = ordersInputs(harness.providerText, { url: '04da6b54-80e4-46f7-96ec-b56ff0331ba9' });
    const diff = await harness.host.diff(URN, id, outputs, unknownUrl);

    expect(diff.changes).toBe('DIFF_SOME');
  });

  test('secret rotation follows secretVersion', async () => {
    const inputs = ordersInputs(harness.providerText, { secret: 'first-signing-secret-0001', secretVersion: 1 });
    const { id, outputs } = await create(inputs);
    expect(harness.emulator.webhooks(ORG)[0].secret).toBe('first-signing-secret-0001');
    expect(outputs).toMatchObject({ secretVersion: 1, sentSecretVersion: '1', secret: 'first-signing-secret-0001' });

    const sameVersion = ordersInputs(harness.providerText, { secret: 'second-signing-secret-0002', secretVersion: '1' });
    expect((await harness.host.diff(URN, id, outputs, sameVersion)).changes).toBe('DIFF_NONE');

    harness.emulator.clearRequests();
    const rotated = await update(id, outputs, ordersInputs(harness.providerText, { secret: 'second-signing-secret-0002', secretVersion: 2 }));

    expect(rotated).toMatchObject({ secretVersion: 2, sentSecretVersion: '2' });
    expect(harness.emulator.webhooks(ORG)[0].secret).toBe('second-signing-secret-0002');
    expect(apiRoutes(harness.emulator, ORG).filter((route) => route === 'rotate-secret')).toEqual(['rotate-secret']);
  });

  test('update of a webhook deleted elsewhere fails clearly', async () => {
    const { id, outputs } = await create(ordersInputs(harness.providerText));
    harness.emulator.removeWebhook(ORG, id);

    const attempt = harness.host.update(URN, id, outputs, ordersInputs(harness.providerText, { description: 'Changed after the delete' }));

    await expect(attempt).rejects.toThrow(/no longer exists.*Run pulumi refresh/);
    expect(harness.emulator.webhooks(ORG)).toEqual([]);
  });
});
