import { ORGANIZATION, ordersInputs, removeAllWebhooks, startReceiver } from './support/fixtures';
import type { Receiver } from './support/fixtures';
import { initFailure, webhookUrn } from './support/host';
import { startHarness } from './support/harness';
import type { Harness } from './support/harness';

const ORG = ORGANIZATION.id;
const URN = webhookUrn('orders');

describe('provider testOnApply', () => {
  let harness: Harness;
  let receiver: Receiver;

  beforeAll(async () => {
    harness = await startHarness();
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
    await harness?.close();
  });

  beforeEach(() => {
    removeAllWebhooks(harness.emulator, ORG);
    receiver.status = 200;
    receiver.received.length = 0;
  });

  test('create sends a test delivery and reports it', async () => {
    const inputs = ordersInputs(harness.providerText, { url: receiver.url, testOnApply: { event: 'book.verified' } });

    const created = await harness.host.create(URN, inputs);

    expect(created.properties.lastTest).toEqual({ eventName: 'book.verified', outcome: 'delivered', status: 200, requestUuid: expect.any(String), testedAt: expect.any(String) });
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0].body)).toMatchObject({ event_name: 'book.verified' });
  });

  test('unrelated change sends no test', async () => {
    const inputs = ordersInputs(harness.providerText, { url: receiver.url, testOnApply: {} });
    const created = await harness.host.create(URN, inputs);
    receiver.received.length = 0;

    const updated = await harness.host.update(URN, created.id, created.properties, { ...inputs, description: 'Only the description changed' });

    expect(receiver.received).toEqual([]);
    expect(updated.lastTest).toEqual(created.properties.lastTest);
  });

  test('failed test without failOnError is reported only', async () => {
    receiver.status = 500;
    const inputs = ordersInputs(harness.providerText, { url: receiver.url, testOnApply: { event: 'book.completed' } });

    const created = await harness.host.create(URN, inputs);

    expect(created.properties.lastTest).toMatchObject({ eventName: 'book.completed', outcome: 'failed', status: 500, error: 'the receiver returned HTTP 500' });
    expect(harness.emulator.webhooks(ORG)).toHaveLength(1);
  });

  test('failed test with failOnError fails the update', async () => {
    const inputs = ordersInputs(harness.providerText, { url: receiver.url, testOnApply: { failOnError: true } });
    const created = await harness.host.create(URN, inputs);
    receiver.status = 503;

    const changedEvents = { ...inputs, events: ['book.verified', 'document.upload_failed'] };
    const attempt = harness.host.update(URN, created.id, created.properties, changedEvents);

    await expect(attempt).rejects.toThrow(/The test delivery of webhook orders .* failed: the receiver returned HTTP 503\. The webhook itself was written/);
    expect([...harness.emulator.webhooks(ORG)[0].events].sort()).toEqual(['book.verified', 'document.upload_failed']);

    // The engine records the new outputs, and the failed test makes the next update retry it.
    const recorded = initFailure(await attempt.catch((error: unknown) => error));
    expect(recorded?.id).toBe(created.id);
    expect(recorded?.properties).toMatchObject({ events: ['book.verified', 'document.upload_failed'], lastTest: { outcome: 'failed', status: 503 } });

    receiver.status = 200;
    const retried = await harness.host.update(URN, created.id, recorded?.properties ?? {}, changedEvents);
    expect(retried.lastTest).toMatchObject({ outcome: 'delivered', status: 200 });
  });

  test('test of an inactive webhook is skipped', async () => {
    const inputs = ordersInputs(harness.providerText, { url: receiver.url, active: false, testOnApply: { failOnError: true } });

    const created = await harness.host.create(URN, inputs);

    expect(created.properties.lastTest).toMatchObject({ outcome: 'skipped', eventName: 'book.completed' });
    expect(receiver.received).toEqual([]);
  });
});
