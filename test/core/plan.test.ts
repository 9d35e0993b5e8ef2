import { normalizeSpec, planOrganization, planWebhook, ValidationError } from '../../src/core';
import type { ObservedWebhook } from '../../src/core';

const observed = (overrides: Partial<ObservedWebhook> = {}): ObservedWebhook => ({
  uuid: 'u1',
  url: 'https://hooks.example.com/in',
  description: null,
  active: true,
  events: ['book.verified'],
  eventUuids: {},
  ...overrides,
});

describe('planWebhook', () => {
  it('plans nothing for a semantically equal webhook', () => {
    const desired = normalizeSpec({ name: 'orders', url: 'https://Hooks.Example.com/in/', events: ['book.verified', 'book.verified'] });
    expect(planWebhook(desired, observed())).toEqual([]);
  });

  it('orders deactivate before the update', () => {
    const desired = normalizeSpec({ name: 'orders', url: 'https://hooks.example.com/new', events: ['book.verified'], active: false });
    expect(planWebhook(desired, observed()).map((a) => a.kind)).toEqual(['deactivate', 'update']);
  });

  it('orders activate after the update and the secret', () => {
    const desired = normalizeSpec({ name: 'orders', url: 'https://hooks.example.com/in', events: ['book.completed'], secret: 's'.repeat(20), secretVersion: 2 });
    const actions = planWebhook(desired, observed({ active: false }), { name: 'orders', uuid: 'u1', secretVersion: '1' });
    expect(actions.map((a) => a.kind)).toEqual(['update', 'set-secret', 'activate']);
    expect(actions[1].changes).toEqual([{ field: 'secret', before: '1', after: '2' }]);
  });

  it('plans a create for a webhook deleted outside of code', () => {
    const desired = normalizeSpec({ name: 'orders', url: 'https://hooks.example.com/in', events: ['book.verified'] });
    const [action] = planWebhook(desired, undefined, { name: 'orders', uuid: 'gone' });
    expect(action.kind).toBe('create');
    expect(action.reason).toBe('deleted outside of code');
  });
});

describe('planOrganization', () => {
  const base = { organization: 'staging', bindings: [] };

  it('matches by URL without state and plans no change', () => {
    const plan = planOrganization({ ...base, desired: [{ name: 'orders', url: 'https://hooks.example.com/in', events: ['book.verified'] }], observed: [observed()] });
    expect(plan.actions).toEqual([]);
    expect(plan.matched).toEqual([{ name: 'orders', uuid: 'u1' }]);
  });

  it('updates a changed URL in place when the description identifies the webhook', () => {
    const plan = planOrganization({
      ...base,
      desired: [{ name: 'orders', url: 'https://hooks.example.com/moved', events: ['book.verified'], description: 'Orders service' }],
      observed: [observed({ description: 'Orders service' })],
    });
    expect(plan.actions.map((a) => [a.kind, a.uuid])).toEqual([['update', 'u1']]);
  });

  it('updates a changed URL in place from the recorded binding', () => {
    const plan = planOrganization({
      ...base,
      bindings: [{ name: 'orders', uuid: 'u1' }],
      desired: [{ name: 'orders', url: 'https://hooks.example.com/moved', events: ['book.verified'] }],
      observed: [observed()],
    });
    expect(plan.actions.map((a) => [a.kind, a.uuid])).toEqual([['update', 'u1']]);
  });

  it('leaves unmanaged webhooks alone unless prune is on', () => {
    const desired = [{ name: 'orders', url: 'https://hooks.example.com/in', events: ['book.verified'] }];
    const stray = observed({ uuid: 'u2', url: 'https://other.example.com/x' });
    expect(planOrganization({ ...base, desired, observed: [observed(), stray] }).unmanaged.map((w) => w.uuid)).toEqual(['u2']);
    expect(planOrganization({ ...base, desired, observed: [observed(), stray], prune: true }).actions.map((a) => [a.kind, a.uuid])).toEqual([['delete', 'u2']]);
  });

  it('deletes a managed webhook removed from the declaration', () => {
    const plan = planOrganization({ ...base, bindings: [{ name: 'old', uuid: 'u1' }], desired: [], observed: [observed()] });
    expect(plan.actions.map((a) => [a.kind, a.name, a.reason])).toEqual([['delete', 'old', 'removed from the declaration']]);
  });

  it('throws a validation error before planning', () => {
    expect(() => planOrganization({ ...base, desired: [{ name: 'orders', url: 'hooks.example.com', events: [] }], observed: [] })).toThrow(ValidationError);
  });

  it('refuses a plan that would exceed five webhooks', () => {
    const strays = [1, 2, 3, 4, 5].map((n) => observed({ uuid: `s${n}`, url: `https://other.example.com/${n}` }));
    expect(() => planOrganization({ ...base, desired: [{ name: 'orders', url: 'https://hooks.example.com/in', events: ['book.verified'] }], observed: strays })).toThrow(/would have 6 webhooks/);
  });
});
