import { Fn, TerraformOutput } from 'cdktf';

import { DataOcrolusWebhooks, OcrolusProvider } from '../../src/cdktf';
import { newProviderStack, newStack, synthJson, synthValidated } from './helpers';

describe('DataOcrolusWebhooks', () => {
  test('synthesizes an empty data block', () => {
    const stack = newProviderStack();
    new DataOcrolusWebhooks(stack, 'all');

    const json = synthValidated(stack);

    expect(json.data).toEqual({ ocrolus_webhooks: { all: {} } });
  });

  test('list entries are references', () => {
    const stack = newProviderStack();
    const all = new DataOcrolusWebhooks(stack, 'all');
    const first = all.webhooks.get(0);
    new TerraformOutput(stack, 'first_uuid', { value: first.uuid });
    new TerraformOutput(stack, 'first_url', { value: first.url });
    new TerraformOutput(stack, 'first_active', { value: first.active });
    new TerraformOutput(stack, 'first_events', { value: first.events });
    new TerraformOutput(stack, 'first_created_on', { value: first.createdOn });
    new TerraformOutput(stack, 'first_last_modified_date', { value: first.lastModifiedDate });
    new TerraformOutput(stack, 'first_description', { value: first.description });
    new TerraformOutput(stack, 'count', { value: Fn.lengthOf(all.webhooks) });
    new TerraformOutput(stack, 'id', { value: all.id });

    const json = synthJson(stack);

    expect(json.output).toEqual({
      first_uuid: { value: '${data.ocrolus_webhooks.all.webhooks[0].uuid}' },
      first_url: { value: '${data.ocrolus_webhooks.all.webhooks[0].url}' },
      first_active: { value: '${data.ocrolus_webhooks.all.webhooks[0].active}' },
      first_events: { value: '${tolist(data.ocrolus_webhooks.all.webhooks[0].events)}' },
      first_created_on: { value: '${data.ocrolus_webhooks.all.webhooks[0].created_on}' },
      first_last_modified_date: { value: '${data.ocrolus_webhooks.all.webhooks[0].last_modified_date}' },
      first_description: { value: '${data.ocrolus_webhooks.all.webhooks[0].description}' },
      count: { value: '${length(data.ocrolus_webhooks.all.webhooks)}' },
      id: { value: '${data.ocrolus_webhooks.all.id}' },
    });
  });

  test('reads through an aliased provider', () => {
    const stack = newStack();
    new OcrolusProvider(stack, 'ocrolus');
    const prod = new OcrolusProvider(stack, 'prod', { alias: 'prod' });
    new DataOcrolusWebhooks(stack, 'prod_webhooks', { provider: prod });

    const json = synthValidated(stack);

    expect(json.data).toEqual({ ocrolus_webhooks: { prod_webhooks: { provider: 'ocrolus.prod' } } });
  });
});
