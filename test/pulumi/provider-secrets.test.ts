import { ORGANIZATION, SIGNING_SECRET, ordersInputs, stackConfig } from './support/fixtures';
import { initFailure, webhookUrn } from './support/host';
import { isWireSecret } from './support/mocks';
import type { Properties } from './support/host';
import { startHarness } from './support/harness';
import type { Harness } from './support/harness';

const ORG = ORGANIZATION.id;
const URN = webhookUrn('orders');
const URL_PASSWORD = 'planted-url-password-61ac';
const CREDENTIAL_URL = `https://hook-user:${URL_PASSWORD}@hooks.example.com/ocrolus/orders`;
const PLANTED = [ORGANIZATION.clientSecret, SIGNING_SECRET, URL_PASSWORD];

/**
 * Properties as the engine would store them in plain text: wire secrets masked, and `secret`
 * left out because the engine encrypts it as an additional secret output.
 */
function plainText(properties: Properties | undefined): string {
  const { secret: _secret, ...rest } = properties ?? {};
  return JSON.stringify(rest, (_key, value: unknown) => (isWireSecret(value) ? '[secret]' : value));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

describe('provider secrets', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  test('secrets stay out of outputs, errors and host output', async () => {
    const seen: string[] = [harness.providerText];
    const inputs = ordersInputs(harness.providerText, { url: CREDENTIAL_URL, secret: SIGNING_SECRET, secretVersion: 1 });

    const invalid = await harness.host.check(URN, {}, { ...inputs, secret: SIGNING_SECRET.slice(0, 15) });
    seen.push(JSON.stringify(invalid.failures));
    expect(invalid.failures.map((failure) => failure.property)).toEqual(['']);

    const created = await harness.host.create(URN, (await harness.host.check(URN, {}, inputs)).inputs);
    seen.push(plainText(created.properties));
    expect(harness.emulator.webhooks(ORG)[0]).toMatchObject({ url: CREDENTIAL_URL, secret: SIGNING_SECRET });

    const refreshed = await harness.host.read(URN, created.id, created.properties);
    seen.push(plainText(refreshed.properties), plainText(refreshed.inputs));
    expect(refreshed.properties.secret).toBe(SIGNING_SECRET);

    const rotated = await harness.host.update(URN, created.id, refreshed.properties, { ...inputs, secretVersion: 2 });
    seen.push(plainText(rotated));

    // A second webhook with the same URL: the API rejects it and quotes the URL.
    const duplicate = await harness.host.create(webhookUrn('copy'), { ...inputs, name: 'copy' }).catch(messageOf);
    seen.push(duplicate);
    expect(duplicate).toMatch(/already exists.*add adopt: \{ url \} with the same URL/);

    await harness.host.delete(URN, created.id, rotated);
    seen.push(harness.host.output());

    for (const text of seen) {
      for (const secret of PLANTED) expect(text).not.toContain(secret);
    }
  });

  test('password added in the Dashboard is secret', async () => {
    const created = await harness.host.create(webhookUrn('plain'), ordersInputs(harness.providerText, { name: 'plain', url: 'https://hooks.example.com/ocrolus/plain' }));
    harness.emulator.editWebhook(ORG, created.id, { url: `https://hook-user:${URL_PASSWORD}@hooks.example.com/ocrolus/plain` });

    const refreshed = await harness.host.read(webhookUrn('plain'), created.id, created.properties);

    expect(refreshed.properties.url).toEqual({ '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', value: `https://hook-user:${URL_PASSWORD}@hooks.example.com/ocrolus/plain` });
    expect(isWireSecret(refreshed.inputs?.url)).toBe(true);
    expect(plainText(refreshed.properties)).not.toContain(URL_PASSWORD);
    expect(plainText(refreshed.inputs)).not.toContain(URL_PASSWORD);

    await harness.host.delete(webhookUrn('plain'), created.id, refreshed.properties);
  });

  test('failure after the add keeps the uuid', async () => {
    harness.emulator.injectFault({ kind: 'status', route: 'rotate-secret', status: 400, code: 1003, message: 'secret_key rejected' });
    const inputs = ordersInputs(harness.providerText, { name: 'partial', url: 'https://hooks.example.com/ocrolus/partial', secret: SIGNING_SECRET });

    const error = await harness.host.create(webhookUrn('partial'), inputs).catch((failure: unknown) => failure);

    const stored = harness.emulator.webhooks(ORG).find((webhook) => webhook.url === 'https://hooks.example.com/ocrolus/partial');
    expect(stored).toBeDefined();
    expect(initFailure(error)).toMatchObject({ id: stored?.uuid, properties: { uuid: stored?.uuid } });
    expect(messageOf(error)).toMatch(/create of webhook partial .*: rotate secret failed/);
    expect(messageOf(error)).not.toContain(SIGNING_SECRET);
  });
});

describe('provider credentials', () => {
  const harnesses: Harness[] = [];

  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
  });

  async function start(options: Parameters<typeof startHarness>[0]): Promise<Harness> {
    const harness = await startHarness(options);
    harnesses.push(harness);
    return harness;
  }

  test('environment variables stand in for stack configuration', async () => {
    const harness = await start({
      config: null,
      hostEnv: (emulator) => ({
        PATH: process.env.PATH,
        OCROLUS_CLIENT_ID: ORGANIZATION.clientId,
        OCROLUS_CLIENT_SECRET: ORGANIZATION.clientSecret,
        OCROLUS_API_URL: emulator.apiUrl,
        OCROLUS_AUTH_URL: emulator.authUrl,
      }),
    });

    const created = await harness.host.create(URN, ordersInputs(harness.providerText));

    expect(harness.emulator.webhooks(ORG)).toMatchObject([{ uuid: created.id }]);
  });

  test('stack configuration wins over the environment', async () => {
    const harness = await start({ hostEnv: { PATH: process.env.PATH, OCROLUS_CLIENT_ID: 'wrong-client', OCROLUS_CLIENT_SECRET: 'wrong-client-secret-000', OCROLUS_API_URL: 'http://127.0.0.1:9' } });

    const created = await harness.host.create(URN, ordersInputs(harness.providerText));

    expect(harness.emulator.webhooks(ORG)).toMatchObject([{ uuid: created.id }]);
  });

  test('missing credentials name both places', async () => {
    const harness = await start({ config: null });

    const attempt = harness.host.create(URN, ordersInputs(harness.providerText));

    await expect(attempt).rejects.toThrow(/ocrolus:clientId .* OCROLUS_CLIENT_ID, and ocrolus:clientSecret \(pulumi config set --secret .* OCROLUS_CLIENT_SECRET/);
    expect(harness.emulator.requests()).toEqual([]);
  });

  test('missing credentials at refresh name the last up', async () => {
    const harness = await start({ config: null });
    const created = { __provider: harness.providerText, uuid: '3f1c9a56-0000-4000-8000-000000000002' };

    const read = harness.host.read(URN, created.uuid, created);
    const remove = harness.host.delete(URN, created.uuid, created);

    const lastUp = /Ocrolus credentials are missing: .* pulumi refresh and pulumi destroy use the stack configuration saved by the last pulumi up.* Run pulumi up first \(or add --run-program\), or set the OCROLUS_\* environment variables/;
    await expect(read).rejects.toThrow(lastUp);
    await expect(remove).rejects.toThrow(lastUp);
    expect(harness.emulator.requests()).toEqual([]);
  });

  test('permission error is not read as gone', async () => {
    const viewer = { id: 'viewer', clientId: 'viewer-client', clientSecret: 'viewer-client-secret-0000', manager: false };
    const harness = await start({ organizations: [viewer], config: null });
    await harness.host.configure({ ...stackConfig(harness.emulator), 'ocrolus:clientId': viewer.clientId, 'ocrolus:clientSecret': viewer.clientSecret });

    const attempt = harness.host.read(URN, '3f1c9a56-0000-4000-8000-000000000001', { __provider: harness.providerText, uuid: '3f1c9a56-0000-4000-8000-000000000001' });

    await expect(attempt).rejects.toThrow(/get webhook failed for organization viewer-client.*1316/);
  });
});
