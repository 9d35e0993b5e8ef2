import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startEmulator } from '../../src/emulator';
import type { Emulator } from '../../src/emulator';
import { buildPackage, REPO_ROOT } from './support/package';
import { copyProject } from './support/project';

const PULUMI_BIN = join(REPO_ROOT, '.tools', 'pulumi', 'bin');
const CLIENT_SECRET = 'planted-staging-client-secret-e2e1';
const SIGNING_SECRET = 'planted-orders-signing-secret-e2e2';
const PASSPHRASE = 'passphrase-for-the-test-stack';

const haveCli = existsSync(join(PULUMI_BIN, 'pulumi'));
if (!haveCli) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the pulumi CLI test: run scripts/build-pulumi.sh to build ${join(PULUMI_BIN, 'pulumi')}.`);
}

/** Reads every file under `dir` as text, for the search for secrets in state. */
function readTree(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? readTree(path) : readFileSync(path, 'utf8')))
    .join('\n');
}

(haveCli ? describe : describe.skip)('pulumi CLI on the example', () => {
  let emulator: Emulator;
  let project: string;
  const transcript: string[] = [];
  let passed = false;

  beforeAll(async () => {
    emulator = await startEmulator({ organizations: [{ id: 'staging', clientId: 'staging-client', clientSecret: CLIENT_SECRET }], requestsPerSecond: false });
    project = copyProject(buildPackage(), 'staging', { apiUrl: emulator.apiUrl, authUrl: emulator.authUrl });
    mkdirSync(join(project, 'state'));
  });

  afterAll(async () => {
    await emulator?.close();
    if (!project) return;

    // After a failure the project stays, with the transcript beside it, for reading.
    if (passed) rmSync(project, { recursive: true, force: true });
    else writeFileSync(join(project, 'transcript.txt'), transcript.join('\n'));
  });

  /** Runs the CLI without blocking this process, which serves the emulator the CLI talks to. */
  async function pulumi(...args: string[]): Promise<{ status: number | null; output: string }> {
    const child = spawn(join(PULUMI_BIN, 'pulumi'), [...args, '--stack', 'staging', '--non-interactive', '--color', 'never'], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: `${PULUMI_BIN}:${process.env.PATH}`,
        HOME: project,
        PULUMI_HOME: join(project, '.pulumi-home'),
        PULUMI_BACKEND_URL: `file://${join(project, 'state')}`,
        PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: 'true',
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
        PULUMI_NODEJS_TRANSPILE_ONLY: 'true',
        OCROLUS_CLIENT_SECRET: CLIENT_SECRET,
        ORDERS_WEBHOOK_SECRET: SIGNING_SECRET,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

    transcript.push(`$ pulumi ${args.join(' ')}\n${output}`);
    return { status, output };
  }

  test('preview, up, empty preview, refresh and destroy', async () => {
    const init = await pulumi('stack', 'init');
    expect(init).toMatchObject({ status: 0 });

    const preview = await pulumi('preview', '--diff');
    expect(preview.output).toMatch(/\+ 4 to create/);
    expect(preview.status).toBe(0);
    expect(emulator.webhooks('staging')).toEqual([]);

    const up = await pulumi('up', '--yes', '--skip-preview');
    expect(up.status).toBe(0);
    const created = emulator.webhooks('staging');
    expect(created.map((webhook) => [webhook.url, webhook.isActive]).sort()).toEqual([
      ['https://fraud.example.com/ocrolus/detect', false],
      ['https://staging-hooks.example.com/ocrolus/analytics', true],
      ['https://staging-hooks.example.com/ocrolus/orders', true],
    ]);
    expect(created.find((webhook) => webhook.url.endsWith('/orders'))?.secret).toBe(SIGNING_SECRET);

    const again = await pulumi('preview', '--expect-no-changes');
    expect(again.status).toBe(0);

    const orders = created.find((webhook) => webhook.url.endsWith('/orders'));
    emulator.editWebhook('staging', orders?.uuid ?? '', { isActive: false });
    const refresh = await pulumi('refresh', '--yes', '--skip-preview');
    expect(refresh.status).toBe(0);
    const drift = await pulumi('preview', '--expect-no-changes');
    expect(drift.status).not.toBe(0);
    expect(drift.output).toMatch(/1 to update/);
    expect((await pulumi('up', '--yes', '--skip-preview')).status).toBe(0);
    expect(emulator.webhooks('staging').find((webhook) => webhook.uuid === orders?.uuid)?.isActive).toBe(true);

    const state = readTree(join(project, 'state'));
    expect(state).toContain(orders?.uuid);
    expect(state).not.toContain(CLIENT_SECRET);
    expect(state).not.toContain(SIGNING_SECRET);

    const destroy = await pulumi('destroy', '--yes', '--skip-preview');
    expect(destroy.status).toBe(0);
    expect(emulator.webhooks('staging')).toEqual([]);

    const everything = transcript.join('\n');
    expect(everything).not.toContain(CLIENT_SECRET);
    expect(everything).not.toContain(SIGNING_SECRET);
    passed = true;
  });

  afterEach(() => {
    const state = expect.getState();
    if (state.assertionCalls !== state.numPassingAsserts) {
      // eslint-disable-next-line no-console
      console.log(transcript.join('\n'));
    }
  });
});
