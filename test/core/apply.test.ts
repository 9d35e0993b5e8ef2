import { OcrolusServerError } from '../../src/client/errors';
import { ApplyError, applyPlan, createWebhook, deleteWebhook, normalizeSpec, observeOrganization, planOrganization, sendTestDelivery, updateWebhook, VerificationError } from '../../src/core';
import type { WebhookSpec } from '../../src/core';
import { FakeApi } from './fake-api';

const orders: WebhookSpec = { name: 'orders', url: 'https://hooks.example.com/in', events: ['book.verified'], description: 'Orders service' };

async function plan(api: FakeApi, desired: WebhookSpec[], bindings = [] as { name: string; uuid: string; secretVersion?: string }[]) {
  return planOrganization({ organization: api.organization, desired, observed: await observeOrganization(api), bindings });
}

describe('applyPlan', () => {
  it('creates, verifies and then plans nothing', async () => {
    const api = new FakeApi();
    const result = await applyPlan(api, await plan(api, [orders]));
    expect([...api.webhooks.values()]).toEqual([{ uuid: 'uuid-1', url: orders.url, description: 'Orders service', isActive: true, events: ['book.verified'] }]);
    expect(result.bindings).toEqual([{ name: 'orders', uuid: 'uuid-1' }]);
    expect((await plan(api, [orders], [...result.bindings])).actions).toEqual([]);
  });

  it('creates inactive, sets the secret, then activates', async () => {
    const api = new FakeApi();
    const result = await applyPlan(api, await plan(api, [{ ...orders, secret: 'x'.repeat(32), secretVersion: 3 }]));
    expect(api.calls.filter((c) => !c.startsWith('get') && !c.startsWith('list'))).toEqual(['addWebhook', 'rotateSecret uuid-1', 'activateWebhook uuid-1']);
    expect(api.webhooks.get('uuid-1')?.isActive).toBe(true);
    expect(result.bindings).toEqual([{ name: 'orders', uuid: 'uuid-1', secretVersion: '3' }]);
  });

  it('fails loudly when the API ignores a deactivation', async () => {
    const api = new FakeApi();
    api.seed({ url: orders.url, description: 'Orders service', isActive: true, events: ['book.verified'] });
    api.ignoreActiveFlip = true;
    const error = await applyPlan(api, await plan(api, [{ ...orders, active: false }])).catch((e) => e);
    expect(error).toBeInstanceOf(ApplyError);
    expect(error.cause).toBeInstanceOf(VerificationError);
    expect(error.message).toMatch(/Failed: deactivate of webhook orders \(uuid uuid-1\): the API accepted the call, but .*still active, so the API ignored the deactivation/);
    expect(error.completed).toEqual([]);
  });

  it('keeps the new uuid when a step after the add fails', async () => {
    const api = new FakeApi();
    api.failNext.set('rotateSecret', new OcrolusServerError('OCR_SERVER', 'server error', { operation: 'rotateSecret', organization: 'test-org', httpStatus: 503, attempts: 5 }));
    const error = await applyPlan(api, await plan(api, [{ ...orders, secret: 'x'.repeat(32) }])).catch((e) => e);
    expect(error).toBeInstanceOf(ApplyError);
    expect(error.bindings).toEqual([{ name: 'orders', uuid: 'uuid-1' }]);
    expect(error.message).toMatch(/Done: nothing\.\n {2}Not done: create of webhook orders \(uuid uuid-1\)\./);
    expect(error.message).not.toMatch(/may have been created/);

    const rerun = await plan(api, [{ ...orders, secret: 'x'.repeat(32) }], [...error.bindings]);
    expect(rerun.actions.map((a) => a.kind)).toEqual(['set-secret', 'activate']);
  });

  it('reports every concurrent failure', async () => {
    const api = new FakeApi();
    const timeout = Object.assign(new Error('add webhook timed out'), { ambiguous: true });
    api.addWebhook = async () => {
      api.calls.push('addWebhook');
      throw timeout;
    };
    const second = { ...orders, name: 'second', url: 'https://hooks.example.com/second', description: 'Second one' };
    const error = await applyPlan(api, await plan(api, [orders, second])).catch((e) => e);
    expect(error.failures.map((f: { action: { name: string } }) => f.action.name)).toEqual(['orders', 'second']);
    expect(error.message).toMatch(/Failed: create of webhook orders: add webhook timed out\. The webhook may have been created; the next apply finds it by its URL/);
    expect(error.message).toMatch(/Failed: create of webhook second:/);
  });

  it('renames in place on a shared URL', async () => {
    const api = new FakeApi();
    api.seed({ url: orders.url, description: null, isActive: true, events: ['book.verified'] });
    const renamed = await plan(api, [{ name: 'fresh', url: orders.url, events: ['book.completed'] }], [{ name: 'old', uuid: 'uuid-1' }]);
    expect(renamed.actions.map((a) => [a.kind, a.uuid])).toEqual([['update', 'uuid-1']]);
  });

  it('deletes before creating so the organization stays within five', async () => {
    const api = new FakeApi();
    for (const n of [1, 2, 3, 4, 5]) api.seed({ url: `https://hooks.example.com/${n}`, description: null, isActive: true, events: ['book.verified'] });
    const bindings = [1, 2, 3, 4, 5].map((n) => ({ name: `hook${n}`, uuid: `uuid-${n}` }));
    const desired = [1, 2, 3, 4].map((n) => ({ name: `hook${n}`, url: `https://hooks.example.com/${n}`, events: ['book.verified'] }));
    const replaced = await plan(api, [...desired, { name: 'fresh', url: 'https://hooks.example.com/6', events: ['book.verified'] }], bindings);
    await applyPlan(api, replaced);
    const writes = api.calls.filter((c) => c.startsWith('delete') || c.startsWith('add'));
    expect(writes).toEqual(['deleteWebhook uuid-5', 'addWebhook']);
    expect(api.webhooks.size).toBe(5);
  });
});

describe('single-webhook lifecycle', () => {
  it('adopts by URL without adding a second webhook', async () => {
    const api = new FakeApi();
    api.seed({ url: orders.url, description: null, isActive: false, events: ['book.verified'] });
    const outcome = await createWebhook(api, normalizeSpec(orders), { adopt: { url: 'https://HOOKS.example.com/in/' } });
    expect(api.webhooks.size).toBe(1);
    expect(outcome.observed).toMatchObject({ uuid: 'uuid-1', description: 'Orders service', active: true });
  });

  it('refuses an update of a webhook deleted elsewhere', async () => {
    const api = new FakeApi();
    await expect(updateWebhook(api, 'missing', normalizeSpec(orders))).rejects.toThrow(/deleted outside of code/);
  });

  it('treats delete of a missing webhook as success', async () => {
    const api = new FakeApi();
    await expect(deleteWebhook(api, 'missing')).resolves.toEqual({ deleted: false });
  });

  it('masks the signature header of a test delivery', async () => {
    const api = new FakeApi();
    const { uuid } = api.seed({ url: orders.url, description: null, isActive: true, events: ['book.verified'] });
    const delivery = await sendTestDelivery(api, uuid);
    expect(delivery).toMatchObject({ eventName: 'book.verified', eventUuid: 'event-book.verified', delivery: { headers: { 'Webhook-Signature': '***' } } });
  });
});

describe('ApplyError wording', () => {
  it('says a create that failed after the add made the webhook', async () => {
    const api = new FakeApi();
    api.failNext.set('listWebhookEvents', new OcrolusServerError('OCR_SERVER', 'server error', { operation: 'listWebhookEvents', organization: 'test-org', httpStatus: 503 }));
    const error = await applyPlan(api, planOrganization({ organization: 'test-org', desired: [orders], observed: [], bindings: [] })).catch((e) => e);
    expect(error.message).toMatch(/The webhook was created \(uuid uuid-1\), but a later step did not finish; the next run continues from it\./);
  });
});
