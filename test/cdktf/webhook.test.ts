import { Fn, TerraformOutput, TerraformVariable, Testing, Token } from 'cdktf';

import { Webhook } from '../../src/cdktf';
import { newProviderStack, synthJson, synthValidated, validationError, warningsOf } from './helpers';

describe('Webhook synthesis', () => {
  test('writes snake_case attributes', () => {
    const stack = newProviderStack();
    const secret = new TerraformVariable(stack, 'orders_secret', { type: 'string', sensitive: true });
    new Webhook(stack, 'orders', {
      description: 'Book status for the orders service',
      url: 'https://hooks.example.com/ocrolus/orders',
      events: ['book.verified', 'book.completed'],
      active: true,
      secret: secret.stringValue,
      secretVersion: '2',
      testOnApply: { event: 'book.verified', failOnError: true },
    });

    const json = synthValidated(stack);

    expect(json.resource).toEqual({
      ocrolus_webhook: {
        orders: {
          description: 'Book status for the orders service',
          url: 'https://hooks.example.com/ocrolus/orders',
          events: ['book.verified', 'book.completed'],
          active: true,
          secret: '${var.orders_secret}',
          secret_version: '2',
          test_on_apply: { event: 'book.verified', fail_on_error: true },
        },
      },
    });
  });

  test('omits unset optional attributes', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'] });

    const json = synthValidated(stack);

    expect(json.resource?.ocrolus_webhook.orders).toEqual({
      url: 'https://hooks.example.com/ocrolus/orders',
      events: ['book.verified'],
    });
  });

  test('computed attributes are references', () => {
    const stack = newProviderStack();
    const webhook = new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'] });
    new TerraformOutput(stack, 'uuid', { value: webhook.uuid });
    new TerraformOutput(stack, 'created_on', { value: webhook.createdOn });
    new TerraformOutput(stack, 'last_modified_date', { value: webhook.lastModifiedDate });
    new TerraformOutput(stack, 'id', { value: webhook.id });
    new TerraformOutput(stack, 'events', { value: webhook.events });

    const json = synthJson(stack);

    expect(Token.isUnresolved(webhook.uuid)).toBe(true);
    expect(json.output).toEqual({
      uuid: { value: '${ocrolus_webhook.orders.uuid}' },
      created_on: { value: '${ocrolus_webhook.orders.created_on}' },
      last_modified_date: { value: '${ocrolus_webhook.orders.last_modified_date}' },
      id: { value: '${ocrolus_webhook.orders.id}' },
      events: { value: '${tolist(ocrolus_webhook.orders.events)}' },
    });
  });

  test('setters change the synthesized attributes', () => {
    const stack = newProviderStack();
    const webhook = new Webhook(stack, 'orders', {
      url: 'https://hooks.example.com/ocrolus/orders',
      events: ['book.verified'],
      description: 'Book status for the orders service',
    });

    webhook.active = false;
    webhook.events = ['book.completed'];
    webhook.resetDescription();

    const json = synthValidated(stack);

    expect(json.resource?.ocrolus_webhook.orders).toEqual({
      url: 'https://hooks.example.com/ocrolus/orders',
      events: ['book.completed'],
      active: false,
    });
    expect(webhook.eventsInput).toEqual(['book.completed']);
  });

  test('renders test_on_apply as an HCL object', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', {
      url: 'https://hooks.example.com/ocrolus/orders',
      events: ['book.verified'],
      testOnApply: { failOnError: true },
    });

    const hcl = Testing.synthHcl(stack) as string;

    expect(hcl).toContain('resource "ocrolus_webhook" "orders" {');
    expect(hcl).toMatch(/test_on_apply = \{\s*fail_on_error = true\s*\}/);
    expect(hcl).toMatch(/events = \[\s*"book\.verified"\s*\]/);
  });

  test('moveFromId renames without a new webhook', () => {
    const stack = newProviderStack();
    const webhook = new Webhook(stack, 'orders_v2', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'] });

    webhook.moveFromId('ocrolus_webhook.orders');
    const json = synthJson(stack);

    expect(json.moved).toEqual([{ from: 'ocrolus_webhook.orders', to: 'ocrolus_webhook.orders_v2' }]);
  });
});

describe('Webhook validation', () => {
  test('mistyped event gets a suggestion', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified', 'book.verifed'] });

    const error = validationError(stack);

    expect(error?.message).toContain('[test/orders] Unknown Event (events[1]):');
    expect(error?.message).toContain('"book.verifed" is not an Ocrolus organization-level event. Did you mean "book.verified"?');
  });

  test('http URL to a public host is rejected', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', { url: 'http://hooks.example.com/ocrolus/orders', events: ['book.verified'] });

    const error = validationError(stack);

    expect(error?.message).toContain('[test/orders] Insecure Webhook URL (url):');
    expect(error?.message).toContain('Use https://hooks.example.com/ocrolus/orders.');
  });

  test('http URL to loopback is accepted', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'local', { url: 'http://127.0.0.1:9000/hooks', events: ['book.verified'] });

    expect(validationError(stack)).toBeUndefined();
  });

  test('every error is reported at once', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', {
      url: 'hooks.example.com/ocrolus',
      events: [],
      description: 'ab',
      secretVersion: '1',
    });

    const message = validationError(stack)?.message ?? '';

    expect(message).toContain('URL Without Scheme (url)');
    expect(message).toContain('Empty Event List (events)');
    expect(message).toContain('Invalid Description Length (description)');
    expect(message).toContain('Secret Version Without Secret (secretVersion)');
  });

  test('tokens are skipped', () => {
    const stack = newProviderStack();
    const url = new TerraformVariable(stack, 'url', { type: 'string' });
    const events = new TerraformVariable(stack, 'events', { type: 'list(string)' });
    const active = new TerraformVariable(stack, 'active', { type: 'bool' });
    const description = new TerraformVariable(stack, 'description', { type: 'string' });
    const secret = new TerraformVariable(stack, 'secret', { type: 'string', sensitive: true });
    new Webhook(stack, 'from_variables', {
      url: url.stringValue,
      events: events.listValue,
      active: active.booleanValue,
      description: description.stringValue,
      secret: secret.stringValue,
      secretVersion: Fn.sha256(secret.stringValue),
    });

    const json = synthValidated(stack);

    expect(json.resource?.ocrolus_webhook.from_variables).toEqual({
      url: '${var.url}',
      events: '${var.events}',
      active: '${var.active}',
      description: '${var.description}',
      secret: '${var.secret}',
      secret_version: '${sha256(var.secret)}',
    });
  });

  test('token events are skipped, literal ones checked', () => {
    const stack = newProviderStack();
    const extra = new TerraformVariable(stack, 'extra_event', { type: 'string' });
    new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: [extra.stringValue, 'book.completd'] });

    const message = validationError(stack)?.message ?? '';

    expect(message).toContain('Unknown Event (events[1])');
    expect(message).not.toContain('events[0]');
  });

  test('short literal secret is rejected without echoing it', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'], secret: 'tiny-planted' });

    const message = validationError(stack)?.message ?? '';

    expect(message).toContain('Invalid Secret Length (secret)');
    expect(message).not.toContain('tiny-planted');
  });

  test('test of an inactive webhook is rejected', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'], active: false, testOnApply: {} });

    expect(validationError(stack)?.message).toContain('[test/orders] Test Of Inactive Webhook (testOnApply): testOnApply is set, but active is false.');
  });

  test('unsubscribed test event is rejected', () => {
    const stack = newProviderStack();
    new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'], testOnApply: { event: 'book.completed' } });

    expect(validationError(stack)?.message).toContain('[test/orders] Test Event Not Subscribed (testOnApply.event): testOnApply.event is "book.completed"');
  });

  test('test with token events is accepted', () => {
    const stack = newProviderStack();
    const events = new TerraformVariable(stack, 'events', { type: 'list(string)' });
    new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: events.listValue, testOnApply: { event: 'book.completed' } });

    expect(validationError(stack)).toBeUndefined();
  });

  test('duplicate event becomes a warning', () => {
    const stack = newProviderStack();
    const webhook = new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified', 'book.verified'] });

    synthValidated(stack);
    synthValidated(stack);

    expect(warningsOf(webhook)).toEqual([
      'Duplicate Event (events[1]): "book.verified" is listed more than once; it is subscribed once.',
    ]);
  });
});

describe('Webhook secret warning', () => {
  const planted = 'planted-signing-secret-5d1e0c7a';

  test('literal secret is warned about', () => {
    const stack = newProviderStack();
    const webhook = new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'], secret: planted });

    const warnings = warningsOf(webhook);

    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('secret is a literal string, so it is written in plain text into the synthesized cdk.tf.json');
    expect(warnings[0]).not.toContain(planted);
  });

  test('token secret is not warned about', () => {
    const stack = newProviderStack();
    const secret = new TerraformVariable(stack, 'secret', { type: 'string', sensitive: true });
    const webhook = new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'], secret: secret.stringValue });

    expect(warningsOf(webhook)).toEqual([]);
  });

  test('secret set later is warned about', () => {
    const stack = newProviderStack();
    const webhook = new Webhook(stack, 'orders', { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'] });

    webhook.secret = planted;

    expect(warningsOf(webhook)).toHaveLength(1);
  });
});
