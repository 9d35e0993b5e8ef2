import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Testing } from 'cdktf';

import { ENVIRONMENTS, OVERRIDES, webhooksFor } from '../../examples/cdktf/declaration';
import { OcrolusWebhooksStack, identifierFor } from '../../examples/cdktf/webhooks-stack';
import { parseDeclaration } from '../../src/cli/declaration';
import { resolveEnvironments } from '../../src/cli/environments';
import { SecretScrubber } from '../../src/cli/redact';
import type { SynthesizedStack } from './helpers';
import { REPO_ROOT } from './engine';

function synthExample(environment: 'staging' | 'prod', secretSource: 'random' | 'variable'): SynthesizedStack {
  const stack = new OcrolusWebhooksStack(Testing.app(), environment, { environment, secretSource });
  return JSON.parse(Testing.synth(stack, true)) as SynthesizedStack;
}

describe('example app stacks', () => {
  test.each(ENVIRONMENTS)('%s declares its webhooks', (environment) => {
    const json = synthExample(environment, 'random');
    const declared = webhooksFor(environment);

    const resources = json.resource?.ocrolus_webhook ?? {};

    expect(Object.keys(resources).sort()).toEqual(Object.keys(declared).sort());
    for (const [name, webhook] of Object.entries(declared)) {
      const secret = webhook.signed ? { secret: `\${random_password.${identifierFor(name)}_secret.result}` } : {};
      expect(resources[name]).toEqual({
        url: webhook.url,
        events: webhook.events,
        ...(webhook.description === undefined ? {} : { description: webhook.description }),
        ...(webhook.active === undefined ? {} : { active: webhook.active }),
        ...(webhook.secretVersion === undefined ? {} : { secret_version: webhook.secretVersion }),
        ...secret,
      });
    }
  });

  test.each(ENVIRONMENTS)('%s mirrors examples/webhooks.yaml', (environment) => {
    const file = join(REPO_ROOT, 'examples/webhooks.yaml');
    const loaded = parseDeclaration('examples/webhooks.yaml', file, readFileSync(file, 'utf8'));
    const env = {
      ORDERS_WEBHOOK_SECRET: 'orders-secret-for-the-mirror-test',
      [`OCROLUS_${environment.toUpperCase()}_CLIENT_ID`]: 'client',
      [`OCROLUS_${environment.toUpperCase()}_CLIENT_SECRET`]: 'client-secret',
    };
    const { environments } = resolveEnvironments(loaded, [environment], env, new SecretScrubber());

    const fromYaml = environments[0].specs.map((spec) => ({
      name: spec.name,
      url: spec.url,
      events: spec.events,
      description: spec.description ?? null,
      active: spec.active ?? true,
      signed: spec.secret !== undefined,
      secretVersion: spec.secretVersion === undefined ? undefined : String(spec.secretVersion),
    }));
    const fromExample = Object.entries(webhooksFor(environment)).map(([name, webhook]) => ({
      name,
      url: webhook.url,
      events: webhook.events,
      description: webhook.description ?? null,
      active: webhook.active ?? true,
      signed: webhook.signed ?? false,
      secretVersion: webhook.secretVersion,
    }));

    expect(fromExample).toEqual(fromYaml);
  });

  test('staging override adds test_on_apply', () => {
    const overrides = { ...OVERRIDES.staging, orders: { ...OVERRIDES.staging.orders, testOnApply: { failOnError: true } } };
    const stack = new OcrolusWebhooksStack(Testing.app(), 'staging', { environment: 'staging', secretSource: 'variable', overrides });
    const json = JSON.parse(Testing.synth(stack, true)) as SynthesizedStack;

    expect(json.resource?.ocrolus_webhook?.orders.test_on_apply).toEqual({ fail_on_error: true });
    expect(json.resource?.ocrolus_webhook?.orders.url).toBe('https://staging-hooks.example.com/ocrolus/orders');
    expect(json.resource?.ocrolus_webhook?.analytics).not.toHaveProperty('test_on_apply');
  });

  test('random source generates 32-character secrets', () => {
    const json = synthExample('prod', 'random');

    expect(json.resource?.random_password).toEqual({ orders_secret: { length: 32, special: false } });
    expect(json.terraform?.required_providers).toHaveProperty('random', { source: 'hashicorp/random', version: '3.7.2' });
    expect(json.output?.orders_signing_secret).toEqual({
      value: '${random_password.orders_secret.result}',
      sensitive: true,
      description: 'Signing secret of the orders webhook, for the receiver that checks signatures.',
    });
  });

  test('variable source needs no random provider', () => {
    const json = synthExample('prod', 'variable');

    expect(json.resource?.random_password).toBeUndefined();
    expect(json.terraform?.required_providers).not.toHaveProperty('random');
    expect(json.variable?.orders_webhook_secret).toMatchObject({ type: 'string', sensitive: true });
    expect(json.resource?.ocrolus_webhook.orders.secret).toBe('${var.orders_webhook_secret}');
  });

  test('credentials are nullable variables', () => {
    const json = synthExample('staging', 'variable');

    expect(json.provider?.ocrolus).toEqual([
      {
        client_id: '${var.ocrolus_client_id}',
        client_secret: '${var.ocrolus_client_secret}',
        api_url: '${var.ocrolus_api_url}',
        auth_url: '${var.ocrolus_auth_url}',
      },
    ]);
    expect(json.variable?.ocrolus_client_secret).toMatchObject({ type: 'string', default: null, nullable: true, sensitive: true });
    expect(json.variable?.ocrolus_client_id).toMatchObject({ type: 'string', default: null, nullable: true });
  });

  test('uuid outputs for promotion checks', () => {
    const json = synthExample('staging', 'variable');

    expect(json.output?.orders_uuid.value).toBe('${ocrolus_webhook.orders.uuid}');
    expect(json.output?.analytics_uuid.value).toBe('${ocrolus_webhook.analytics.uuid}');
    expect(json.output?.fraud_signals_uuid.value).toBe('${ocrolus_webhook.fraud-signals.uuid}');
  });
});
