import { Testing } from 'cdktf';

import { ENVIRONMENTS, webhooksFor } from '../../examples/cdktf/declaration';
import { OcrolusWebhooksStack } from '../../examples/cdktf/webhooks-stack';
import type { SynthesizedStack } from './helpers';

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
      expect(resources[name]).toEqual({
        url: webhook.url,
        events: webhook.events,
        ...(webhook.description === undefined ? {} : { description: webhook.description }),
        ...(webhook.active === undefined ? {} : { active: webhook.active }),
        secret: `\${random_password.${name}_secret.result}`,
        secret_version: webhook.secretVersion,
      });
    }
  });

  test('random source generates 32-character secrets', () => {
    const json = synthExample('prod', 'random');

    expect(json.resource?.random_password).toEqual({
      orders_secret: { length: 32, special: false },
      analytics_secret: { length: 32, special: false },
    });
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
  });
});
