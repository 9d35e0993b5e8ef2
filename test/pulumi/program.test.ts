import { SIGNING_SECRET } from './support/fixtures';
import { isWireSecret, useMocks, valueOf } from './support/mocks';
import type { RegisteredResource } from './support/mocks';

import { Webhook } from '../../src/pulumi';
import type { WebhookArgs } from '../../src/pulumi';

describe('Webhook in a program', () => {
  let registered: RegisteredResource[];

  beforeAll(async () => {
    registered = await useMocks('staging');
  });

  function registration(name: string): RegisteredResource {
    const found = registered.filter((entry) => entry.name === name);
    expect(found).toHaveLength(1);
    return found[0];
  }

  test('registers a dynamic resource with its provider', async () => {
    const webhook = new Webhook('orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'], secret: SIGNING_SECRET, secretVersion: 1 });

    expect(await valueOf(webhook.uuid)).toBe('uuid-orders');
    const entry = registration('orders');
    expect(entry.type).toBe('pulumi-nodejs:dynamic/ocrolus:Webhook');
    expect(entry.object).toMatchObject({ name: 'orders', url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'], secretVersion: 1 });
    expect(typeof entry.object.__provider).toBe('string');
    expect(entry.object.__provider).toContain('ocrolus-webhooks/pulumi');
  });

  test('secret is a secret input and output', async () => {
    const webhook = new Webhook('signed', { url: 'https://hooks.example.com/ocrolus/signed', events: ['book.verified'], secret: SIGNING_SECRET });
    await valueOf(webhook.uuid);

    const entry = registration('signed');
    expect(isWireSecret(entry.object.secret)).toBe(true);
    expect(entry.additionalSecretOutputs).toEqual(['secret']);
    expect(JSON.stringify({ ...entry.object, secret: undefined })).not.toContain(SIGNING_SECRET);
  });

  test('url with credentials is a secret input', async () => {
    const webhook = new Webhook('basic-auth', { url: 'https://hook-user:planted-url-password@hooks.example.com/ocrolus/basic', events: ['book.verified'] });
    const plain = new Webhook('plain', { url: 'https://hooks.example.com/ocrolus/plain', events: ['book.verified'] });
    await Promise.all([valueOf(webhook.uuid), valueOf(plain.uuid)]);

    expect(isWireSecret(registration('basic-auth').object.url)).toBe(true);
    expect(isWireSecret(registration('plain').object.url)).toBe(false);
  });

  test('unknown arguments reach check as secrets', async () => {
    const args = { url: 'https://hooks.example.com/ocrolus/typo', events: ['book.verified'], secret: SIGNING_SECRET, secretVerison: 2, secert: SIGNING_SECRET };
    const webhook = new Webhook('typo', args as WebhookArgs);
    await valueOf(webhook.uuid);

    const entry = registration('typo');
    expect(isWireSecret(entry.object.secretVerison)).toBe(true);
    expect(isWireSecret(entry.object.secert)).toBe(true);
    expect(JSON.stringify({ ...entry.object, secret: undefined, secert: undefined })).not.toContain(SIGNING_SECRET);
  });

  test('resource options pass through', async () => {
    const webhook = new Webhook(
      'orders-renamed',
      { url: 'https://hooks.example.com/ocrolus/renamed', events: ['book.verified'] },
      { aliases: [{ name: 'orders-old' }], additionalSecretOutputs: ['url'], protect: true },
    );
    await valueOf(webhook.uuid);

    const entry = registration('orders-renamed');
    expect(entry.additionalSecretOutputs).toEqual(['url', 'secret']);
    expect(entry.aliases).toHaveLength(1);
  });

  test('serialized provider holds no secret', () => {
    for (const entry of registered) {
      expect(entry.object.__provider).not.toContain(SIGNING_SECRET);
      expect(entry.object.__provider).not.toContain('planted-url-password');
    }
  });
});
