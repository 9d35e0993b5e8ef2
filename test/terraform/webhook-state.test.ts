import type { ObservedWebhook } from '../../src/core/spec';
import { UNKNOWN } from '../../src/terraform/values';
import type { TfObject } from '../../src/terraform/values';
import { appliedState, changesLastModified, refreshedState, sentSecretVersion } from '../../src/terraform/webhook-state';
import { webhookConfig } from './helpers/rpc';

const UUID = '5d0c1a7e-8f3b-4c2d-9e6a-7b1f2a3c4d5e';

const STATE: TfObject = webhookConfig({
  id: UUID,
  uuid: UUID,
  url: 'https://Hooks.Example.com/in/',
  events: ['book.verified', 'book.completed'],
  description: 'Orders',
  active: true,
  secret: 'signing-secret-000000000001',
  created_on: '2025-01-01T00:00:00Z',
  last_modified_date: '2025-01-02T00:00:00Z',
});

const OBSERVED: ObservedWebhook = {
  uuid: UUID,
  url: 'https://hooks.example.com/in',
  description: 'Orders',
  active: true,
  events: ['book.completed', 'book.verified'],
  eventUuids: {},
  createdOn: '2025-01-01T00:00:00Z',
  lastModifiedDate: '2025-01-02T00:00:00Z',
};

describe('refreshedState', () => {
  const cases: Record<string, { observed: Partial<ObservedWebhook>; expected: Partial<TfObject> }> = {
    'same-values-keep-configured-spelling': { observed: {}, expected: {} },
    'changed-url-takes-api-value': { observed: { url: 'https://other.example.com/in' }, expected: { url: 'https://other.example.com/in' } },
    'changed-events-take-api-value': { observed: { events: ['book.verified'] }, expected: { events: ['book.verified'] } },
    'deactivated-elsewhere': { observed: { active: false }, expected: { active: false } },
    'description-cleared-elsewhere': { observed: { description: null }, expected: { description: null } },
    'omitted-timestamps-kept': { observed: { createdOn: undefined, lastModifiedDate: undefined }, expected: {} },
    'new-timestamp-taken': { observed: { lastModifiedDate: '2025-03-01T00:00:00Z' }, expected: { last_modified_date: '2025-03-01T00:00:00Z' } },
  };

  test.each(Object.entries(cases))('%s', (_name, { observed, expected }) => {
    expect(refreshedState(STATE, { ...OBSERVED, ...observed })).toEqual({ ...STATE, ...expected });
  });
});

describe('changesLastModified', () => {
  const cases: Record<string, { planned: Partial<TfObject>; expected: boolean }> = {
    'nothing-changed': { planned: {}, expected: false },
    'url-respelled': { planned: { url: 'https://hooks.example.com/in' }, expected: false },
    'events-reordered': { planned: { events: ['book.completed', 'book.verified'] }, expected: false },
    'test-on-apply-added': { planned: { test_on_apply: { event: null, fail_on_error: true } }, expected: false },
    'secret-removed': { planned: { secret: null }, expected: false },
    'url-changed': { planned: { url: 'https://hooks.example.com/v2' }, expected: true },
    'event-added': { planned: { events: ['book.verified', 'book.completed', 'book.classified'] }, expected: true },
    'description-changed': { planned: { description: 'Orders v2' }, expected: true },
    'deactivated': { planned: { active: false }, expected: true },
    'secret-changed': { planned: { secret: 'signing-secret-000000000002' }, expected: false },
    'secret-version-set': { planned: { secret_version: '2' }, expected: false },
    'secret-unknown': { planned: { secret: UNKNOWN }, expected: false },
    'secret-and-url-changed': { planned: { secret: 'signing-secret-000000000002', url: 'https://hooks.example.com/v2' }, expected: true },
    'url-unknown': { planned: { url: UNKNOWN }, expected: true },
    'one-event-unknown': { planned: { events: ['book.verified', UNKNOWN] }, expected: true },
  };

  test.each(Object.entries(cases))('%s', (_name, { planned, expected }) => {
    expect(changesLastModified(STATE, { ...STATE, ...planned })).toBe(expected);
  });
});

describe('sentSecretVersion', () => {
  const cases: Record<string, { prior: Partial<TfObject>; planned: Partial<TfObject>; expected: string | undefined }> = {
    'unchanged-secret-without-version': { prior: {}, planned: {}, expected: '1' },
    'unchanged-secret-with-version': { prior: { secret_version: '7' }, planned: { secret_version: '8' }, expected: '7' },
    'changed-secret': { prior: {}, planned: { secret: 'signing-secret-000000000002' }, expected: undefined },
    'no-secret-after-import': { prior: { secret: null }, planned: {}, expected: undefined },
  };

  test.each(Object.entries(cases))('%s', (_name, { prior, planned, expected }) => {
    expect(sentSecretVersion({ ...STATE, ...prior }, { ...STATE, ...planned })).toBe(expected);
  });
});

describe('appliedState', () => {
  test('fills unknowns from the webhook read back', () => {
    const planned = { ...STATE, id: UNKNOWN, uuid: UNKNOWN, created_on: UNKNOWN, last_modified_date: UNKNOWN };

    expect(appliedState(planned, OBSERVED)).toEqual(STATE);
  });

  test('keeps known planned values over the API spelling', () => {
    const planned = { ...STATE, last_modified_date: UNKNOWN };
    const applied = appliedState(planned, { ...OBSERVED, lastModifiedDate: '2025-04-01T00:00:00Z' });

    expect(applied).toEqual({ ...STATE, last_modified_date: '2025-04-01T00:00:00Z' });
  });

  test('missing timestamps become null', () => {
    const planned = { ...STATE, created_on: UNKNOWN, last_modified_date: UNKNOWN };
    const applied = appliedState(planned, { ...OBSERVED, createdOn: undefined, lastModifiedDate: undefined });

    expect(applied).toEqual({ ...STATE, created_on: null, last_modified_date: null });
  });
});
