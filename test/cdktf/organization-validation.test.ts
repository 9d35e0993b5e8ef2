import { TerraformCount, TerraformVariable } from 'cdktf';

import { OcrolusProvider, Webhook } from '../../src/cdktf';
import { newProviderStack, newStack, synthValidated, validationError } from './helpers';

const events = ['book.verified'];

describe('organization checks at synth', () => {
  test('sixth webhook is rejected', () => {
    const stack = newProviderStack();
    for (let index = 1; index <= 6; index++) {
      new Webhook(stack, `hook${index}`, { url: `https://hooks.example.com/ocrolus/${index}`, events });
    }

    const message = validationError(stack)?.message ?? '';

    expect(message).toContain('[test] Too Many Webhooks (test/hook6):');
    expect(message).toContain('6 webhooks are declared, but an Ocrolus organization holds at most 5.');
  });

  test('five webhooks are accepted', () => {
    const stack = newProviderStack();
    for (let index = 1; index <= 5; index++) {
      new Webhook(stack, `hook${index}`, { url: `https://hooks.example.com/ocrolus/${index}`, events });
    }

    expect(validationError(stack)).toBeUndefined();
  });

  test('duplicate URL names both webhooks', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus', events });
    new Webhook(stack, 'analytics', { url: 'https://Hooks.Example.com/ocrolus/', events });

    const message = validationError(stack)?.message ?? '';

    expect(message).toContain('Duplicate Webhook URL (test/orders.url): Webhooks "test/orders" and "test/analytics" have the same URL');
    expect(message).toContain('Duplicate Webhook URL (test/analytics.url):');
  });

  test('each provider alias is its own organization', () => {
    const stack = newStack();
    new OcrolusProvider(stack, 'staging');
    const prod = new OcrolusProvider(stack, 'prod', { alias: 'prod' });
    new Webhook(stack, 'staging_orders', { url: 'https://hooks.example.com/ocrolus', events });
    new Webhook(stack, 'prod_orders', { url: 'https://hooks.example.com/ocrolus', events, provider: prod });

    expect(validationError(stack)).toBeUndefined();
  });

  test('token URLs are skipped', () => {
    const stack = newProviderStack();
    const url = new TerraformVariable(stack, 'url', { type: 'string' });
    new Webhook(stack, 'orders', { url: url.stringValue, events });
    new Webhook(stack, 'analytics', { url: url.stringValue, events });

    expect(validationError(stack)).toBeUndefined();
  });

  test('counted webhooks are left out', () => {
    const stack = newProviderStack();
    for (let index = 1; index <= 5; index++) {
      new Webhook(stack, `hook${index}`, { url: `https://hooks.example.com/ocrolus/${index}`, events });
    }
    new Webhook(stack, 'counted', { url: 'https://hooks.example.com/ocrolus/counted', events, count: TerraformCount.of(0) });

    expect(validationError(stack)).toBeUndefined();
  });

  test('moveTo rename leaves the old construct out', () => {
    const stack = newProviderStack();
    const url = 'https://hooks.example.com/ocrolus/orders';
    const renamed = new Webhook(stack, 'order_status', { url, events });
    renamed.addMoveTarget('order-status');
    const old = new Webhook(stack, 'orders', { url, events });
    old.moveTo('order-status');

    const json = synthValidated(stack);

    expect(Object.keys(json.resource?.ocrolus_webhook ?? {})).toEqual(['order_status']);
    expect(json.moved).toEqual([{ from: 'ocrolus_webhook.orders', to: 'ocrolus_webhook.order_status' }]);
  });

  test('moveToId rename leaves the old construct out', () => {
    const stack = newProviderStack();
    const url = 'https://hooks.example.com/ocrolus/orders';
    new Webhook(stack, 'order_status', { url, events });
    new Webhook(stack, 'orders', { url, events }).moveToId('ocrolus_webhook.order_status');

    const json = synthValidated(stack);

    expect(Object.keys(json.resource?.ocrolus_webhook ?? {})).toEqual(['order_status']);
    expect(json.moved).toEqual([{ from: 'ocrolus_webhook.orders', to: 'ocrolus_webhook.order_status' }]);
  });

  test('moved-away construct does not count toward five', () => {
    const stack = newProviderStack();
    for (let index = 1; index <= 5; index++) {
      new Webhook(stack, `hook${index}`, { url: `https://hooks.example.com/ocrolus/${index}`, events });
    }
    new Webhook(stack, 'old_hook5', { url: 'https://hooks.example.com/ocrolus/5', events }).moveToId('ocrolus_webhook.hook5');

    expect(validationError(stack)).toBeUndefined();
  });

  test('moveFromId target still counts', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus', events });
    new Webhook(stack, 'order_status', { url: 'https://hooks.example.com/ocrolus', events }).moveFromId('ocrolus_webhook.legacy');

    expect(validationError(stack)?.message).toContain('Duplicate Webhook URL');
  });

  test('single-webhook problems are reported once', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus', events: ['book.verifed'] });

    const message = validationError(stack)?.message ?? '';

    expect(message.match(/Unknown Event/g)).toHaveLength(1);
  });
});
