import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator } from '../../src/emulator';
import type { Emulator } from '../../src/emulator';
import { ensureProviderBuilt } from './helpers/build';
import { createWorkspace, engineRegistryHost, PLAN_FLAGS } from './helpers/tofu';
import type { TofuResult, TofuWorkspace } from './helpers/tofu';

const CLIENT_SECRET = 'prod-client-secret-planted-e2e-02';
const URL_PASSWORD = 'url-password-planted-e2e';

let emulator: Emulator;
let workspace: TofuWorkspace;
let registryHost: string;

function expectExit(result: TofuResult, code: number): void {
  if (result.code !== code) throw new Error(`tofu exited ${result.code}, expected ${code}:\n${result.stdout}\n${result.stderr}`);
}

beforeAll(async () => {
  ensureProviderBuilt();
  registryHost = engineRegistryHost();
  emulator = await startEmulator({ organizations: [{ id: 'prod', clientId: 'prod-client', clientSecret: CLIENT_SECRET }] });
  workspace = await createWorkspace('mirror', { OCROLUS_CLIENT_ID: 'prod-client', OCROLUS_CLIENT_SECRET: CLIENT_SECRET, OCROLUS_API_URL: emulator.apiUrl, OCROLUS_AUTH_URL: emulator.authUrl });
});

afterAll(async () => {
  await emulator?.close();
});

describe('OpenTofu with a filesystem mirror', () => {
  test('init records the mirrored provider in the lock file', async () => {
    workspace.writeConfig({
      terraform: { required_providers: { ocrolus: { source: 'ocrolus/ocrolus' } } },
      provider: { ocrolus: {} },
      data: { ocrolus_webhooks: { all: {} } },
      output: { webhooks: { value: '${data.ocrolus_webhooks.all.webhooks}' } },
    });

    expectExit(await workspace.run(['init', ...PLAN_FLAGS]), 0);

    const lock = readFileSync(join(workspace.dir, '.terraform.lock.hcl'), 'utf8');
    expect(lock).toContain(`provider "${registryHost}/ocrolus/ocrolus"`);
    expect(lock).toMatch(/version\s+= "\d+\.\d+\.\d+"/);
  });

  test('data source lists webhooks with passwords masked', async () => {
    const seeded = emulator.seedWebhook('prod', { url: `https://robot:${URL_PASSWORD}@listed.example.com/in`, events: ['book.verified'], description: 'Seeded' });

    expectExit(await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]), 0);
    const output = await workspace.run(['output', '-json', '-no-color']);
    const webhooks = (JSON.parse(output.stdout) as { webhooks: { value: Array<Record<string, unknown>> } }).webhooks.value;

    expect(webhooks).toEqual([
      {
        uuid: seeded.uuid,
        url: 'https://robot:***@listed.example.com/in',
        description: 'Seeded',
        active: true,
        events: ['book.verified'],
        created_on: seeded.createdOn,
        last_modified_date: seeded.lastModifiedDate,
      },
    ]);
    emulator.removeWebhook('prod', seeded.uuid);
  });

  test('version 0 state is upgraded and plans no change', async () => {
    const seeded = emulator.seedWebhook('prod', { url: 'https://legacy.example.com/in', events: ['book.verified'], isActive: false });
    workspace.writeConfig({
      terraform: { required_providers: { ocrolus: { source: 'ocrolus/ocrolus' } } },
      provider: { ocrolus: {} },
      resource: { ocrolus_webhook: { legacy: { url: 'https://legacy.example.com/in', events: ['book.verified'], active: false } } },
    });
    writeFileSync(join(workspace.dir, 'terraform.tfstate'), JSON.stringify(versionZeroState(registryHost, seeded.uuid, seeded.createdOn, seeded.lastModifiedDate)));

    expectExit(await workspace.run(['plan', '-detailed-exitcode', ...PLAN_FLAGS]), 0);
    expectExit(await workspace.run(['apply', '-auto-approve', ...PLAN_FLAGS]), 0);

    const state = JSON.parse(readFileSync(join(workspace.dir, 'terraform.tfstate'), 'utf8')) as { resources: Array<{ instances: Array<{ schema_version: number; attributes: Record<string, unknown> }> }> };
    const [instance] = state.resources[0].instances;
    expect(instance.schema_version).toBe(1);
    expect(instance.attributes).toMatchObject({ active: false, uuid: seeded.uuid, secret_version: null });
    expect(instance.attributes).not.toHaveProperty('is_active');

    expectExit(await workspace.run(['destroy', '-auto-approve', ...PLAN_FLAGS]), 0);
    expect(emulator.webhooks('prod')).toEqual([]);
  });

  test('no credential appears in any output', () => {
    const transcript = workspace.transcript.join('\n');

    expect(transcript).not.toContain(CLIENT_SECRET);
    expect(transcript).not.toContain(URL_PASSWORD);
  });
});

/** A state file as a provider release with schema version 0 (`is_active`) would have written it. */
function versionZeroState(registryHost: string, uuid: string, createdOn: string, lastModifiedDate: string): object {
  return {
    version: 4,
    terraform_version: '1.6.3',
    serial: 1,
    lineage: '3c5a1b2e-7d44-4f0e-9a1b-6e2f8c9d0a11',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'ocrolus_webhook',
        name: 'legacy',
        provider: `provider["${registryHost}/ocrolus/ocrolus"]`,
        instances: [
          {
            schema_version: 0,
            attributes: {
              id: uuid,
              uuid,
              url: 'https://legacy.example.com/in',
              events: ['book.verified'],
              description: null,
              is_active: false,
              secret: null,
              created_on: createdOn,
              last_modified_date: lastModifiedDate,
            },
            sensitive_attributes: [],
          },
        ],
      },
    ],
  };
}
