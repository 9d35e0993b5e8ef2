import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { addOrganizationToDataFile, runEmulator, startEmulator, DEFAULT_ORGANIZATIONS } from '../../src/emulator';
import { ACME, GLOBEX, callApi, tokenFor } from './helpers';

describe('emulator persistence', () => {
  let directory: string;
  let dataFile: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'ocrolus-emulator-'));
    mkdirSync(join(directory, 'state'));
    dataFile = join(directory, 'state', 'emulator.json');
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  test('restart with the same data file loses nothing', async () => {
    const first = await startEmulator({ dataFile, organizations: [{ ...ACME }], requestsPerSecond: false });
    const token = await tokenFor(first);
    const added = await callApi(first, token, 'POST', '/webhook', {
      webhook: { url: 'https://hooks.example.com/in', description: 'Persisted', is_active: false },
      event_names: ['book.verified', 'book.completed'],
    });
    const uuid = added.body.response.uuid;
    await callApi(first, token, 'POST', `/webhook/${uuid}/rotate-secret`, { secret_key: 'persisted-secret-0001' });
    first.setVariants({ statusType: 'string' });
    first.addOrganization({ ...GLOBEX, manager: false });
    const before = first.webhooks('acme');
    await first.close();

    const second = await startEmulator({ dataFile, requestsPerSecond: false });
    try {
      expect(second.webhooks('acme')).toEqual(before);
      expect(second.webhooks('acme')[0]).toMatchObject({ uuid, isActive: false, secret: 'persisted-secret-0001', events: ['book.verified', 'book.completed'] });
      expect(second.variants().statusType).toBe('string');
      expect(second.organizations()).toEqual([
        { id: 'acme', clientId: ACME.clientId, manager: true },
        { id: 'globex', clientId: GLOBEX.clientId, manager: false },
      ]);

      // A token issued before the restart still works: the signing key is persisted too.
      const listed = await callApi(second, token, 'GET', '/webhooks');
      expect(listed.status).toBe(200);
      expect(listed.body.response.webhooks.map((webhook: { uuid: string }) => webhook.uuid)).toEqual([uuid]);
    } finally {
      await second.close();
    }
  });

  test('every change is saved at once', async () => {
    const emulator = await startEmulator({ dataFile, organizations: [{ ...ACME }] });
    try {
      const seeded = emulator.seedWebhook('acme', { url: 'https://hooks.example.com/a', events: ['book.verified'] });
      expect(readState().organizations[0].webhooks.map((webhook: { uuid: string }) => webhook.uuid)).toEqual([seeded.uuid]);

      emulator.editWebhook('acme', seeded.uuid, { isActive: false });
      expect(readState().organizations[0].webhooks[0].isActive).toBe(false);

      emulator.removeWebhook('acme', seeded.uuid);
      expect(readState().organizations[0].webhooks).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  test('data file is private and written without leftovers', async () => {
    const emulator = await startEmulator({ dataFile, organizations: [{ ...ACME }] });
    try {
      emulator.seedWebhook('acme', { url: 'https://hooks.example.com/a', events: ['book.verified'] });

      expect(statSync(dataFile).mode & 0o777).toBe(0o600);
      expect(readdirSync(join(directory, 'state'))).toEqual(['emulator.json']);
      expect(readState()).toMatchObject({ format: 'ocrolus-emulator-state', version: 1, note: expect.stringContaining('Contains client secrets') });
    } finally {
      await emulator.close();
    }
  });

  test('options override the data file', async () => {
    const first = await startEmulator({ dataFile, organizations: [{ ...ACME }], variants: { addResponse: 'webhook' } });
    first.seedWebhook('acme', { url: 'https://hooks.example.com/a', events: ['book.verified'] });
    await first.close();

    const second = await startEmulator({ dataFile, organizations: [{ ...ACME, clientSecret: 'rotated-client-secret-9' }], variants: { notFound: 'code-1000' } });
    try {
      expect(second.webhooks('acme')).toHaveLength(1);
      expect(second.variants()).toMatchObject({ addResponse: 'webhook', notFound: 'code-1000' });
      await expect(tokenFor(second, ACME)).rejects.toThrow('token request failed with 400');
      await expect(tokenFor(second, { ...ACME, clientSecret: 'rotated-client-secret-9' })).resolves.toEqual(expect.any(String));
    } finally {
      await second.close();
    }
  });

  test('invalid JSON in the data file stops the start and is kept', async () => {
    const broken = join(directory, 'broken.json');
    writeFileSync(broken, '{"format": ');

    await expect(startEmulator({ dataFile: broken })).rejects.toThrow(`Emulator data file ${broken} is not valid JSON`);
    expect(readFileSync(broken, 'utf8')).toBe('{"format": ');
  });

  test('unrelated JSON file is never overwritten', async () => {
    const unrelated = join(directory, 'package.json');
    writeFileSync(unrelated, '{"name": "app"}');

    await expect(startEmulator({ dataFile: unrelated })).rejects.toThrow('expected "format": "ocrolus-emulator-state"');
    expect(readFileSync(unrelated, 'utf8')).toBe('{"name": "app"}');
  });

  test('missing data file directory is an error', async () => {
    const nested = join(directory, 'missing', 'emulator.json');

    await expect(startEmulator({ dataFile: nested })).rejects.toThrow(
      `Cannot use the emulator data file ${nested}: the directory ${join(directory, 'missing')} does not exist. Create it first, or choose a file in an existing directory.`,
    );
    expect(() => addOrganizationToDataFile(nested, { id: 'qa', clientId: 'qa-client', clientSecret: 'qa-client-secret-0000' })).toThrow('does not exist');
    expect(existsSync(join(directory, 'missing'))).toBe(false);
  });

  test('runEmulator creates a data file with staging and prod', async () => {
    const lines: string[] = [];
    const emulator = await runEmulator({ port: 0, dataFile, print: (line) => lines.push(line), requestsPerSecond: false });
    try {
      expect(lines[0]).toBe(`Ocrolus emulator listening on ${emulator.url}`);
      expect(lines).toContain(`  export OCROLUS_STAGING_API_URL=${emulator.apiUrl}`);
      expect(lines).toContain(`  export OCROLUS_PROD_AUTH_URL=${emulator.authUrl}`);
      expect(lines).toContain('  export OCROLUS_STAGING_CLIENT_ID=staging-client');
      expect(lines.join('\n')).not.toContain('staging-client-secret-0000');
      expect(lines.join('\n')).not.toContain('prod-client-secret-0000');

      expect(readState().organizations.map((organization: { id: string; clientId: string }) => [organization.id, organization.clientId])).toEqual([
        ['staging', 'staging-client'],
        ['prod', 'prod-client'],
      ]);
      const token = await tokenFor(emulator, DEFAULT_ORGANIZATIONS[0]);
      expect((await callApi(emulator, token, 'GET', '/webhooks')).status).toBe(200);
    } finally {
      await emulator.close();
    }
  });

  test('runEmulator without a data file points at the shipped guide', async () => {
    const lines: string[] = [];
    const emulator = await runEmulator({ port: 0, print: (line) => lines.push(line), requestsPerSecond: false });
    await emulator.close();

    const guide = join(__dirname, '..', '..', 'docs', 'emulator.md');
    expect(lines).toContain(`  export OCROLUS_STAGING_CLIENT_SECRET=<client secret of "staging" from the table "Organizations and credentials" in ${guide}>`);
    expect(readFileSync(guide, 'utf8')).toContain('| `staging` | `staging-client` | `staging-client-secret-0000` |');
    expect(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).files).toContain('docs');
    expect(lines.join('\n')).not.toContain('staging-client-secret-0000');
  });

  test('runEmulator serves the organizations of an existing data file', async () => {
    addOrganizationToDataFile(dataFile, { id: 'qa', clientId: 'qa-client', clientSecret: 'qa-client-secret-0000', name: 'QA' });
    expect(readState().organizations.map((organization: { id: string }) => organization.id)).toEqual(['staging', 'prod', 'qa']);

    const lines: string[] = [];
    const emulator = await runEmulator({ port: 0, dataFile, print: (line) => lines.push(line) });
    try {
      expect(emulator.organizations().map((organization) => organization.id)).toEqual(['staging', 'prod', 'qa']);
      expect(lines).toContain('  export OCROLUS_QA_CLIENT_ID=qa-client');
      await expect(tokenFor(emulator, { id: 'qa', clientId: 'qa-client', clientSecret: 'qa-client-secret-0000' })).resolves.toEqual(expect.any(String));
    } finally {
      await emulator.close();
    }
  });

  test('addOrganizationToDataFile rejects a client id of another organization', () => {
    addOrganizationToDataFile(dataFile, { id: 'qa', clientId: 'qa-client', clientSecret: 'qa-client-secret-0000' });

    expect(() => addOrganizationToDataFile(dataFile, { id: 'qa2', clientId: 'qa-client', clientSecret: 'other-secret-00000' })).toThrow(
      'Client id "qa-client" already belongs to organization "qa".',
    );
  });

  function readState(): any {
    return JSON.parse(readFileSync(dataFile, 'utf8'));
  }
});
