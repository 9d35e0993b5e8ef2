import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { blockType, WEBHOOK_SCHEMA_V0 } from '../../src/terraform/schema';
import { isUnknown, UNKNOWN } from '../../src/terraform/values';
import type { TfObject } from '../../src/terraform/values';
import { decoded, diagnosticLines, dynamic, PROVIDER_TYPE, startRpcHarness, webhookConfig } from './helpers/rpc';
import type { RpcHarness } from './helpers/rpc';

let harness: RpcHarness;

beforeAll(async () => {
  harness = await startRpcHarness();
});

afterAll(async () => {
  await harness.close();
});

const UUID = '0b8f5a52-3c9e-4a44-9d7e-2f1f0c6d8e11';

const CONFIG = webhookConfig({
  url: 'https://Hooks.Example.com/ocrolus/',
  events: ['book.verified', 'book.completed'],
  description: 'Orders',
});

const PRIOR: TfObject = {
  ...CONFIG,
  id: UUID,
  uuid: UUID,
  active: true,
  created_on: '2025-01-01T00:00:00Z',
  last_modified_date: '2025-01-02T00:00:00Z',
};

/** Returns a loopback port that nothing listens on: the OS picks it, and the listener closes again. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function plan(prior: TfObject | null, proposed: TfObject | null, config: TfObject | null) {
  return harness.provider.PlanResourceChange({
    type_name: 'ocrolus_webhook',
    prior_state: dynamic(prior),
    proposed_new_state: dynamic(proposed),
    config: dynamic(config),
  });
}

describe('GetProviderSchema', () => {
  test('webhook schema is version 1 with typed attributes', async () => {
    const response = await harness.provider.GetProviderSchema({});
    const schema = (response.resource_schemas as Record<string, { version: number; block: { attributes: Array<Record<string, unknown>> } }>).ocrolus_webhook;
    const byName = Object.fromEntries(schema.block.attributes.map((attribute) => [attribute.name, attribute]));

    expect(schema.version).toBe(1);
    expect(JSON.parse(String(byName.events.type))).toEqual(['set', 'string']);
    expect(byName.url).toMatchObject({ required: true, optional: false, computed: false });
    expect(byName.active).toMatchObject({ optional: true, computed: true });
    expect(byName.secret).toMatchObject({ optional: true, sensitive: true });
    expect(byName.uuid).toMatchObject({ computed: true, optional: false });
    expect(byName.test_on_apply.nested_type).toMatchObject({ nesting: 'SINGLE' });
  });

  test('provider and data source schemas are served', async () => {
    const response = await harness.provider.GetProviderSchema({});
    const provider = response.provider as { block: { attributes: Array<{ name: string; sensitive: boolean }> } };
    const dataSources = response.data_source_schemas as Record<string, { block: { attributes: Array<{ name: string }> } }>;

    expect(provider.block.attributes.map((attribute) => attribute.name)).toEqual(['client_id', 'client_secret', 'api_url', 'auth_url']);
    expect(provider.block.attributes.find((attribute) => attribute.name === 'client_secret')?.sensitive).toBe(true);
    expect(dataSources.ocrolus_webhooks.block.attributes.map((attribute) => attribute.name)).toEqual(['id', 'webhooks']);
    expect(diagnosticLines(response)).toEqual([]);
  });
});

describe('PlanResourceChange', () => {
  test('create marks computed attributes unknown', async () => {
    const response = await plan(null, CONFIG, CONFIG);
    const planned = decoded(response.planned_state) as TfObject;

    expect(isUnknown(planned.id)).toBe(true);
    expect(isUnknown(planned.uuid)).toBe(true);
    expect(isUnknown(planned.created_on)).toBe(true);
    expect(isUnknown(planned.last_modified_date)).toBe(true);
    expect(planned.active).toBe(true);
    expect(planned.url).toBe('https://Hooks.Example.com/ocrolus/');
    expect(planned.events).toEqual(['book.verified', 'book.completed']);
    expect(response.requires_replace).toEqual([]);
  });

  test('create with an unknown url keeps it unknown', async () => {
    const config = { ...CONFIG, url: UNKNOWN };
    const response = await plan(null, config, config);
    const planned = decoded(response.planned_state) as TfObject;

    expect(isUnknown(planned.url)).toBe(true);
    expect(planned.description).toBe('Orders');
    expect(Buffer.from((response.planned_state as { msgpack: Buffer }).msgpack).includes(Buffer.from([0xd4, 0x00, 0x00]))).toBe(true);
  });

  test('no change plans the prior state exactly', async () => {
    const response = await plan(PRIOR, PRIOR, CONFIG);

    expect(decoded(response.planned_state)).toEqual(PRIOR);
  });

  test('event order change is no API write', async () => {
    const config = { ...CONFIG, events: ['book.completed', 'book.verified'] };
    const response = await plan(PRIOR, { ...PRIOR, events: config.events }, config);

    expect((decoded(response.planned_state) as TfObject).last_modified_date).toBe('2025-01-02T00:00:00Z');
  });

  test('url change makes last_modified_date unknown', async () => {
    const config = { ...CONFIG, url: 'https://hooks.example.com/v2' };
    const response = await plan(PRIOR, { ...PRIOR, url: config.url }, config);
    const planned = decoded(response.planned_state) as TfObject;

    expect(planned.url).toBe('https://hooks.example.com/v2');
    expect(isUnknown(planned.last_modified_date)).toBe(true);
    expect(planned.uuid).toBe(UUID);
    expect(planned.created_on).toBe('2025-01-01T00:00:00Z');
    expect(response.requires_replace).toEqual([]);
  });

  test('omitted active plans the default true', async () => {
    const prior = { ...PRIOR, active: false };
    const response = await plan(prior, prior, CONFIG);
    const planned = decoded(response.planned_state) as TfObject;

    expect(planned.active).toBe(true);
    expect(isUnknown(planned.last_modified_date)).toBe(true);
  });

  test('secret change keeps last_modified_date', async () => {
    const prior = { ...PRIOR, secret: 'first-signing-secret-0001' };
    const config = { ...CONFIG, secret: 'second-signing-secret-0002' };
    const response = await plan(prior, { ...prior, secret: config.secret }, config);

    expect((decoded(response.planned_state) as TfObject).last_modified_date).toBe('2025-01-02T00:00:00Z');
  });

  test('secret_version change keeps last_modified_date', async () => {
    const prior = { ...PRIOR, secret: 'first-signing-secret-0001', secret_version: '1' };
    const config = { ...CONFIG, secret: 'first-signing-secret-0001', secret_version: '2' };
    const response = await plan(prior, { ...prior, secret_version: '2' }, config);

    expect((decoded(response.planned_state) as TfObject).last_modified_date).toBe('2025-01-02T00:00:00Z');
  });

  test('unknown secret keeps last_modified_date', async () => {
    const prior = { ...PRIOR, secret: 'first-signing-secret-0001' };
    const config = { ...CONFIG, secret: UNKNOWN };
    const response = await plan(prior, { ...prior, secret: UNKNOWN }, config);

    expect((decoded(response.planned_state) as TfObject).last_modified_date).toBe('2025-01-02T00:00:00Z');
  });

  test('secret and url change make last_modified_date unknown', async () => {
    const prior = { ...PRIOR, secret: 'first-signing-secret-0001' };
    const config = { ...CONFIG, url: 'https://hooks.example.com/v3', secret: 'second-signing-secret-0002' };
    const response = await plan(prior, { ...prior, url: config.url, secret: config.secret }, config);

    expect(isUnknown((decoded(response.planned_state) as TfObject).last_modified_date)).toBe(true);
  });

  test('unknown events make last_modified_date unknown', async () => {
    const config = { ...CONFIG, events: UNKNOWN };
    const response = await plan(PRIOR, { ...PRIOR, events: UNKNOWN }, config);
    const planned = decoded(response.planned_state) as TfObject;

    expect(isUnknown(planned.events)).toBe(true);
    expect(isUnknown(planned.last_modified_date)).toBe(true);
  });

  test('destroy plans null', async () => {
    const response = await plan(PRIOR, null, null);

    expect(decoded(response.planned_state)).toBeNull();
    expect(diagnosticLines(response)).toEqual([]);
  });
});

describe('UpgradeResourceState', () => {
  test('version 0 is_active becomes active', async () => {
    const v0 = {
      id: UUID,
      uuid: UUID,
      url: 'https://hooks.example.com/ocrolus',
      events: ['book.verified'],
      description: null,
      is_active: false,
      secret: 'legacy-signing-secret-01',
      created_on: '2024-05-01T00:00:00Z',
      last_modified_date: '2024-05-02T00:00:00Z',
    };
    const response = await harness.provider.UpgradeResourceState({ type_name: 'ocrolus_webhook', version: 0, raw_state: { json: Buffer.from(JSON.stringify(v0)) } });

    expect(diagnosticLines(response)).toEqual([]);
    expect(decoded(response.upgraded_state)).toEqual({
      id: UUID,
      uuid: UUID,
      url: 'https://hooks.example.com/ocrolus',
      events: ['book.verified'],
      description: null,
      active: false,
      secret: 'legacy-signing-secret-01',
      secret_version: null,
      test_on_apply: null,
      created_on: '2024-05-01T00:00:00Z',
      last_modified_date: '2024-05-02T00:00:00Z',
    });
  });

  test('version 0 layout matches its schema', () => {
    expect(Object.keys((blockType(WEBHOOK_SCHEMA_V0) as { object: object }).object)).toContain('is_active');
  });

  test('current version passes through', async () => {
    const response = await harness.provider.UpgradeResourceState({ type_name: 'ocrolus_webhook', version: 1, raw_state: { json: Buffer.from(JSON.stringify(PRIOR)) } });

    expect(decoded(response.upgraded_state)).toEqual(PRIOR);
  });

  test('future version is an error', async () => {
    const response = await harness.provider.UpgradeResourceState({ type_name: 'ocrolus_webhook', version: 7, raw_state: { json: Buffer.from('{}') } });

    expect(diagnosticLines(response)).toEqual(['ERROR State Upgrade Failed']);
  });
});

describe('ValidateResourceConfig', () => {
  async function validate(config: TfObject) {
    return diagnosticLines(await harness.provider.ValidateResourceConfig({ type_name: 'ocrolus_webhook', config: dynamic(config) }));
  }

  test('valid configuration has no diagnostics', async () => {
    expect(await validate(CONFIG)).toEqual([]);
  });

  test('mistyped event points at events', async () => {
    const response = await harness.provider.ValidateResourceConfig({ type_name: 'ocrolus_webhook', config: dynamic({ ...CONFIG, events: ['book.verifed'] }) });
    const [diagnostic] = response.diagnostics as Array<{ detail: string }>;

    expect(diagnosticLines(response)).toEqual(['ERROR Unknown Event @events']);
    expect(diagnostic.detail).toContain('Did you mean "book.verified"?');
  });

  test('unknown values are skipped', async () => {
    expect(await validate({ ...CONFIG, url: UNKNOWN, events: [UNKNOWN, 'book.verified'], secret: UNKNOWN })).toEqual([]);
  });

  test('field errors carry attribute paths', async () => {
    const lines = await validate({ ...CONFIG, url: 'http://hooks.example.com/in', description: 'ab', secret: 'short', secret_version: null });

    expect(lines).toEqual(['ERROR Insecure Webhook URL @url', 'ERROR Invalid Description Length @description', 'ERROR Invalid Secret Length @secret']);
  });

  test('secret_version without secret is reported', async () => {
    const response = await harness.provider.ValidateResourceConfig({ type_name: 'ocrolus_webhook', config: dynamic({ ...CONFIG, secret_version: '2' }) });
    const [diagnostic] = response.diagnostics as Array<{ detail: string }>;

    expect(diagnosticLines(response)).toEqual(['ERROR Secret Version Without Secret @secret_version']);
    expect(diagnostic.detail).toBe('secret_version is set but secret is not. Set secret as well, or remove secret_version.');
  });

  test('test event must be subscribed', async () => {
    const lines = await validate({ ...CONFIG, test_on_apply: { event: 'document.upload_failed', fail_on_error: null } });

    expect(lines).toEqual(['ERROR Test Event Not Subscribed @test_on_apply.event']);
  });

  test('test of an inactive webhook is rejected', async () => {
    const lines = await validate({ ...CONFIG, active: false, test_on_apply: { event: null, fail_on_error: null } });

    expect(lines).toEqual(['ERROR Test Of Inactive Webhook @test_on_apply']);
  });

  test('unknown active skips the test check', async () => {
    expect(await validate({ ...CONFIG, active: UNKNOWN, test_on_apply: { event: null, fail_on_error: true } })).toEqual([]);
  });

  test('unknown resource type is an error', async () => {
    const response = await harness.provider.ValidateResourceConfig({ type_name: 'ocrolus_other', config: dynamic(CONFIG) });

    expect(diagnosticLines(response)).toEqual(['ERROR Unknown Resource Type']);
  });
});

describe('provider configuration', () => {
  test('missing credentials are reported per attribute', async () => {
    const config = dynamic({ client_id: null, client_secret: null, api_url: 'http://127.0.0.1:9', auth_url: null }, PROVIDER_TYPE);
    const saved = { id: process.env.OCROLUS_CLIENT_ID, secret: process.env.OCROLUS_CLIENT_SECRET };
    delete process.env.OCROLUS_CLIENT_ID;
    delete process.env.OCROLUS_CLIENT_SECRET;

    try {
      const response = await harness.provider.ConfigureProvider({ terraform_version: '1.6.3', config });
      expect(diagnosticLines(response)).toEqual(['ERROR Missing Ocrolus Client ID @client_id', 'ERROR Missing Ocrolus Client Secret @client_secret']);
    } finally {
      if (saved.id !== undefined) process.env.OCROLUS_CLIENT_ID = saved.id;
      if (saved.secret !== undefined) process.env.OCROLUS_CLIENT_SECRET = saved.secret;
    }
  });

  test('invalid api_url is reported', async () => {
    const config = dynamic({ client_id: null, client_secret: null, api_url: 'ftp://example.com', auth_url: null }, PROVIDER_TYPE);
    const response = await harness.provider.ValidateProviderConfig({ config });

    expect(diagnosticLines(response)).toEqual(['ERROR Invalid Provider URL @api_url']);
  });

  test('empty strings are errors, not fallbacks', async () => {
    const config = dynamic({ client_id: '', client_secret: ' ', api_url: '', auth_url: null }, PROVIDER_TYPE);
    const response = await harness.provider.ValidateProviderConfig({ config });

    expect(diagnosticLines(response)).toEqual(['ERROR Empty Provider Setting @client_id', 'ERROR Empty Provider Setting @client_secret', 'ERROR Empty Provider Setting @api_url']);
  });

  test('empty client_id ignores OCROLUS_CLIENT_ID', async () => {
    const configured = await startRpcHarness();
    const saved = process.env.OCROLUS_CLIENT_ID;
    process.env.OCROLUS_CLIENT_ID = 'from-the-environment';
    try {
      const config = dynamic({ client_id: '', client_secret: 'client-secret-planted-0003', api_url: 'http://127.0.0.1:9', auth_url: 'http://127.0.0.1:9/token' }, PROVIDER_TYPE);
      const response = await configured.provider.ConfigureProvider({ terraform_version: '1.6.3', config });

      expect(diagnosticLines(response)).toEqual(['ERROR Empty Provider Setting @client_id']);
    } finally {
      if (saved === undefined) delete process.env.OCROLUS_CLIENT_ID;
      else process.env.OCROLUS_CLIENT_ID = saved;
      await configured.close();
    }
  });

  test('plain http to a public host is rejected', async () => {
    const config = dynamic({ client_id: null, client_secret: null, api_url: 'http://api.example.com', auth_url: 'http://auth.example.com/oauth/token' }, PROVIDER_TYPE);
    const response = await harness.provider.ValidateProviderConfig({ config });
    const details = (response.diagnostics as Array<{ detail: string }>).map((diagnostic) => diagnostic.detail);

    expect(diagnosticLines(response)).toEqual(['ERROR Insecure Provider URL @api_url', 'ERROR Insecure Provider URL @auth_url']);
    expect(details[0]).toContain('api_url is http://api.example.com/, which uses plain http to the host api.example.com');
  });

  test('plain http to loopback and private hosts is accepted', async () => {
    const config = dynamic({ client_id: null, client_secret: null, api_url: 'http://10.0.0.5:8080', auth_url: 'http://localhost:9/oauth/token' }, PROVIDER_TYPE);

    expect(diagnosticLines(await harness.provider.ValidateProviderConfig({ config }))).toEqual([]);
  });

  test('insecure OCROLUS_AUTH_URL is rejected at configure', async () => {
    const configured = await startRpcHarness();
    const saved = process.env.OCROLUS_AUTH_URL;
    process.env.OCROLUS_AUTH_URL = 'http://auth.example.com/oauth/token';
    try {
      const config = dynamic({ client_id: 'staging-client', client_secret: 'client-secret-planted-0003', api_url: 'http://127.0.0.1:9', auth_url: null }, PROVIDER_TYPE);
      const response = await configured.provider.ConfigureProvider({ terraform_version: '1.6.3', config });
      const [diagnostic] = response.diagnostics as Array<{ detail: string }>;

      expect(diagnosticLines(response)).toEqual(['ERROR Insecure Provider URL']);
      expect(diagnostic.detail).toContain('OCROLUS_AUTH_URL is http://auth.example.com/oauth/token');
    } finally {
      if (saved === undefined) delete process.env.OCROLUS_AUTH_URL;
      else process.env.OCROLUS_AUTH_URL = saved;
      await configured.close();
    }
  });

  test('unreachable token endpoint points at auth_url', async () => {
    const closedPort = await unusedPort();
    const configured = await startRpcHarness();
    try {
      const config = dynamic(
        { client_id: 'staging-client', client_secret: 'client-secret-planted-0003', api_url: `http://127.0.0.1:${closedPort}`, auth_url: `http://127.0.0.1:${closedPort}/oauth/token` },
        PROVIDER_TYPE,
      );
      expect(diagnosticLines(await configured.provider.ConfigureProvider({ terraform_version: '1.6.3', config }))).toEqual([]);

      const response = await configured.provider.ReadResource({ type_name: 'ocrolus_webhook', current_state: dynamic(PRIOR) });
      const [diagnostic] = response.diagnostics as Array<{ detail: string }>;

      expect(diagnosticLines(response)).toEqual(['ERROR Ocrolus Token Request Failed']);
      expect(diagnostic.detail).toContain('the connection to the token endpoint failed');
      expect(diagnostic.detail).toContain('Check auth_url in the provider block, or OCROLUS_AUTH_URL');
      expect(diagnostic.detail).not.toContain('api_url');
    } finally {
      await configured.close();
    }
  });

  test('calls before configuration explain the cause', async () => {
    const response = await harness.provider.ReadResource({ type_name: 'ocrolus_webhook', current_state: dynamic(PRIOR) });

    expect(diagnosticLines(response)).toEqual(['ERROR Provider Not Configured']);
  });
});
