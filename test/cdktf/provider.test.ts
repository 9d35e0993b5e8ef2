import { TerraformVariable, Testing } from 'cdktf';

import { OcrolusProvider, Webhook } from '../../src/cdktf';
import { newStack, synthJson, warningsOf } from './helpers';

describe('OcrolusProvider', () => {
  test('synthesizes the provider block with its source', () => {
    const stack = newStack();
    new OcrolusProvider(stack, 'ocrolus', {
      clientId: 'staging-client',
      apiUrl: 'http://127.0.0.1:8080',
      authUrl: 'http://127.0.0.1:8080/oauth/token',
    });

    const json = synthJson(stack);

    expect(json.terraform?.required_providers).toEqual({ ocrolus: { source: 'ocrolus/ocrolus', version: '~> 0.1' } });
    expect(json.provider).toEqual({
      ocrolus: [{ client_id: 'staging-client', api_url: 'http://127.0.0.1:8080', auth_url: 'http://127.0.0.1:8080/oauth/token' }],
    });
  });

  test('leaves unset settings to the environment', () => {
    const stack = newStack();
    new OcrolusProvider(stack, 'ocrolus');

    const json = synthJson(stack);

    expect(json.provider).toEqual({ ocrolus: [{}] });
  });

  test('uses a variable for the client secret', () => {
    const stack = newStack();
    const clientSecret = new TerraformVariable(stack, 'ocrolus_client_secret', { type: 'string', sensitive: true });
    const provider = new OcrolusProvider(stack, 'ocrolus', { clientSecret: clientSecret.stringValue });

    const json = synthJson(stack);

    expect(json.provider).toEqual({ ocrolus: [{ client_secret: '${var.ocrolus_client_secret}' }] });
    expect(warningsOf(provider)).toEqual([]);
  });

  test('warns about a literal client secret', () => {
    const planted = 'planted-client-secret-9f2c';
    const stack = newStack();
    const provider = new OcrolusProvider(stack, 'ocrolus', { clientSecret: planted });

    const warnings = warningsOf(provider);

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('clientSecret is a literal string');
    expect(warnings[0]).toContain('OCROLUS_CLIENT_SECRET');
    expect(warnings[0]).not.toContain(planted);
  });

  test('aliased provider serves a second organization', () => {
    const stack = newStack();
    new OcrolusProvider(stack, 'staging', {});
    const prod = new OcrolusProvider(stack, 'prod', { alias: 'prod', clientId: 'prod-client' });
    new Webhook(stack, 'orders', { provider: prod, url: 'https://hooks.example.com/orders', events: ['book.verified'] });

    const json = synthJson(stack);

    expect(json.provider).toEqual({ ocrolus: [{}, { alias: 'prod', client_id: 'prod-client' }] });
    expect(json.resource?.ocrolus_webhook.orders.provider).toBe('ocrolus.prod');
  });

  test('renders HCL with the same attributes', () => {
    const stack = newStack();
    new OcrolusProvider(stack, 'ocrolus', { clientId: 'staging-client', apiUrl: 'http://127.0.0.1:8080' });

    const hcl = Testing.synthHcl(stack) as string;

    expect(hcl).toContain('provider "ocrolus" {');
    expect(hcl).toContain('client_id = "staging-client"');
    expect(hcl).toContain('api_url = "http://127.0.0.1:8080"');
    expect(hcl).toContain('source = "ocrolus/ocrolus"');
  });
});
