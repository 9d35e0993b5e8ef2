import { TerraformOutput, TerraformVariable } from 'cdktf';

import { DataOcrolusWebhooks, OcrolusProvider, PROVIDER_NAME, PROVIDER_SOURCE, Webhook } from '../../src/cdktf';
import {
  PROVIDER_SCHEMA,
  PROVIDER_SOURCE as SCHEMA_PROVIDER_SOURCE,
  PROVIDER_TYPE_NAME,
  WEBHOOK_RESOURCE_TYPE,
  WEBHOOK_SCHEMA,
  WEBHOOKS_DATA_SOURCE_SCHEMA,
  WEBHOOKS_DATA_SOURCE_TYPE,
} from '../../src/terraform/schema';
import type { AttributeSchema } from '../../src/terraform/schema';
import { newStack, synthJson } from './helpers';

// The constructs spell the provider's attribute names by hand, as generated bindings do. These
// checks fail when the provider schema gains, loses or renames an attribute.

const configurable = (attributes: readonly AttributeSchema[]) =>
  attributes.filter((attribute) => attribute.required || attribute.optional).map((attribute) => attribute.name).sort();
const computedOnly = (attributes: readonly AttributeSchema[]) =>
  attributes.filter((attribute) => attribute.computed && !attribute.optional).map((attribute) => attribute.name).sort();

describe('constructs match the provider schema', () => {
  test('type names and source', () => {
    expect(OcrolusProvider.tfResourceType).toBe(PROVIDER_TYPE_NAME);
    expect(PROVIDER_NAME).toBe(PROVIDER_TYPE_NAME);
    expect(PROVIDER_SOURCE).toBe(SCHEMA_PROVIDER_SOURCE);
    expect(Webhook.tfResourceType).toBe(WEBHOOK_RESOURCE_TYPE);
    expect(DataOcrolusWebhooks.tfResourceType).toBe(WEBHOOKS_DATA_SOURCE_TYPE);
  });

  test('provider attributes', () => {
    const stack = newStack();
    new OcrolusProvider(stack, 'ocrolus', { clientId: 'a', clientSecret: 'b', apiUrl: 'c', authUrl: 'd' });

    const [block] = synthJson(stack).provider?.ocrolus as Array<Record<string, unknown>>;

    expect(Object.keys(block).sort()).toEqual(configurable(PROVIDER_SCHEMA.attributes));
  });

  test('webhook attributes', () => {
    const stack = newStack();
    new OcrolusProvider(stack, 'ocrolus');
    const secret = new TerraformVariable(stack, 'secret', { type: 'string', sensitive: true });
    const webhook = new Webhook(stack, 'orders', {
      url: 'https://hooks.example.com/ocrolus/orders',
      events: ['book.verified'],
      description: 'Book status',
      active: true,
      secret: secret.stringValue,
      secretVersion: '1',
      testOnApply: { event: 'book.verified', failOnError: false },
    });
    new TerraformOutput(stack, 'computed', {
      value: { id: webhook.id, uuid: webhook.uuid, created_on: webhook.createdOn, last_modified_date: webhook.lastModifiedDate },
    });

    const json = synthJson(stack);
    const attributes = json.resource?.ocrolus_webhook.orders ?? {};
    const computed = json.output?.computed.value as Record<string, string>;

    expect(Object.keys(attributes).sort()).toEqual(configurable(WEBHOOK_SCHEMA.attributes));
    expect(Object.keys(attributes.test_on_apply as object).sort()).toEqual(
      configurable(WEBHOOK_SCHEMA.attributes.find((a) => a.name === 'test_on_apply')?.nested?.attributes ?? []),
    );
    expect(Object.keys(computed).sort()).toEqual(computedOnly(WEBHOOK_SCHEMA.attributes));
    for (const [name, reference] of Object.entries(computed)) {
      expect(reference).toBe(`\${ocrolus_webhook.orders.${name}}`);
    }
  });

  test('data source list entry attributes', () => {
    const stack = newStack();
    new OcrolusProvider(stack, 'ocrolus');
    const entry = new DataOcrolusWebhooks(stack, 'all').webhooks.get(0);
    new TerraformOutput(stack, 'entry', {
      value: {
        uuid: entry.uuid,
        url: entry.url,
        description: entry.description,
        active: entry.active,
        events: entry.events,
        created_on: entry.createdOn,
        last_modified_date: entry.lastModifiedDate,
      },
    });

    const value = synthJson(stack).output?.entry.value as Record<string, string>;
    const listed = WEBHOOKS_DATA_SOURCE_SCHEMA.attributes.find((a) => a.name === 'webhooks')?.nested?.attributes ?? [];

    expect(Object.keys(value).sort()).toEqual(listed.map((a) => a.name).sort());
    for (const [name, reference] of Object.entries(value)) {
      expect(reference).toContain(`data.ocrolus_webhooks.all.webhooks[0].${name}`);
    }
  });
});
