import { ORGANIZATION, apiRoutes, ordersInputs } from './support/fixtures';
import { webhookUrn } from './support/host';
import type { Properties } from './support/host';
import { startHarness } from './support/harness';
import type { Harness } from './support/harness';

const URN = webhookUrn('orders');
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

describe('provider check', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  async function failures(overrides: Properties): Promise<Array<{ property: string; reason: string }>> {
    const checked = await harness.host.check(URN, {}, ordersInputs(harness.providerText, overrides));
    return checked.failures;
  }

  const cases: Array<[string, Properties, string, RegExp]> = [
    ['url-without-scheme', { url: 'hooks.example.com/orders' }, 'url', /has no scheme\. Write it as https:\/\/hooks\.example\.com\/orders/],
    ['http-to-public-host', { url: 'http://hooks.example.com/orders' }, 'url', /uses http to a public host/],
    ['url-without-tld', { url: 'https://hooks/orders' }, 'url', /has no top-level domain/],
    ['mistyped-event', { events: ['book.verifed'] }, 'events', /events\[0\].*Did you mean "book\.verified"\?/],
    ['empty-events', { events: [] }, 'events', /events is empty/],
    ['short-description', { description: 'ab' }, 'description', /description has 2 characters/],
    ['long-description', { description: 'x'.repeat(256) }, 'description', /description has 256 characters/],
    ['short-secret', { secret: 'fifteen-chars-x' }, '', /^Property secret \(value hidden because it is secret\): .*secret has 15 characters/],
    ['url-with-credentials', { url: 'http://hook-user:planted-check-password@hooks.example.com/orders' }, '', /^Property url \(value hidden because it contains credentials\): .*uses http to a public host/],
    ['version-without-secret', { secretVersion: 2 }, 'secretVersion', /secretVersion is set but secret is not/],
    ['active-not-boolean', { active: 'yes' }, 'active', /active must be true or false/],
    ['adopt-both', { adopt: { uuid: 'abc', url: 'https://hooks.example.com/x' } }, 'adopt', /exactly one of uuid or url/],
    ['adopt-neither', { adopt: {} }, 'adopt', /exactly one of uuid or url/],
    ['test-event-not-subscribed', { testOnApply: { event: 'document.upload_failed' } }, 'testOnApply', /not one of the webhook's events/],
    ['test-event-mistyped', { testOnApply: { event: 'book.complete' } }, 'testOnApply', /Did you mean "book\.completed"\?/],
    ['test-fail-flag-not-boolean', { testOnApply: { failOnError: 'always' } }, 'testOnApply', /failOnError must be true or false/],
    ['misspelled-argument', { secretVerison: 2 }, '', /unknown argument "secretVerison"\. Did you mean "secretVersion"\?/],
    ['unknown-argument', { colour: 'blue' }, '', /unknown argument "colour"\. Known arguments: description, url, events, active, secret, secretVersion, adopt, testOnApply\./],
  ];

  test.each(cases)('%s fails on its property', async (_name, overrides, property, reason) => {
    const found = await failures(overrides);

    expect(found.map((failure) => failure.property)).toEqual([property]);
    expect(found[0].reason).toMatch(reason);
    expect(found[0].reason).toMatch(/Webhook "orders"/);
  });

  test('failures hide credential values', async () => {
    const found = await failures({ secret: 'fifteen-chars-x', url: 'http://hook-user:planted-check-password@hooks.example.com/orders' });

    expect(found.map((failure) => failure.property)).toEqual(['', '']);
    expect(JSON.stringify(found)).not.toContain('fifteen-chars-x');
    expect(JSON.stringify(found)).not.toContain('planted-check-password');
  });

  test('several failures are all reported', async () => {
    const found = await failures({ url: 'hooks.example.com', events: ['book.verifed'], description: 'ab' });

    expect(found.map((failure) => failure.property).sort()).toEqual(['description', 'events', 'url']);
  });

  test('unknown values are skipped', async () => {
    const found = await failures({ url: UNKNOWN, events: ['book.verified', UNKNOWN], description: UNKNOWN, secret: UNKNOWN, secretVersion: UNKNOWN, adopt: UNKNOWN, testOnApply: { event: UNKNOWN } });

    expect(found).toEqual([]);
  });

  test('valid inputs come back with normalized events', async () => {
    const inputs = ordersInputs(harness.providerText, { events: ['book.verified', 'book.completed', 'book.verified'] });

    const checked = await harness.host.check(URN, {}, inputs);

    expect(checked).toEqual({ inputs: { ...inputs, events: ['book.completed', 'book.verified'] }, failures: [] });
  });

  test('absent active comes back as true', async () => {
    const { active: _active, ...inputs } = ordersInputs(harness.providerText);

    const checked = await harness.host.check(URN, {}, inputs);

    expect(checked).toEqual({ inputs: { ...inputs, events: ['book.completed', 'book.verified'], active: true }, failures: [] });
  });

  test('check sends nothing to the API', () => {
    expect(apiRoutes(harness.emulator, ORGANIZATION.id)).toEqual([]);
  });
});
