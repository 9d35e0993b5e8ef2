import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { App, Fn, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';

import { DataOcrolusWebhooks, OcrolusProvider, Webhook } from '../../src/cdktf';
import { startEmulator } from '../../src/emulator';
import type { Emulator } from '../../src/emulator';
import { engineEnv, ensureBuilt, expectExit, locateTofu, run, writeCliConfig } from './engine';

// Constructs beyond the example app, through OpenTofu, our provider and the emulator. A construct
// renamed with moveFromId, moveTo or moveToId must keep the same Ocrolus webhook: the plan shows a
// move and no change, and the uuid survives the apply. The provider reads its credentials from
// the OCROLUS_* variables here, which also covers that fallback.

const CLIENT_SECRET = 'planted-rename-client-secret-31d8';

interface PlannedChange {
  readonly address: string;
  readonly previous_address?: string;
  readonly change: { readonly actions: readonly string[] };
}

jest.setTimeout(600_000);

describe('constructs on OpenTofu', () => {
  let emulator: Emulator;
  let workDir: string;
  let tofu: string;
  let env: NodeJS.ProcessEnv;

  const stackDir = (stack = 'rename') => join(workDir, 'cdktf.out/stacks', stack);
  const ordersConfig = { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified', 'book.completed'] };

  /** Synthesizes stack `name` with the webhooks `declare` adds, its state in a file of its own. */
  const synthStack = (name: string, declare: (stack: TerraformStack) => void) => {
    const app = new App({ outdir: join(workDir, 'cdktf.out'), stackTraces: false });
    const stack = new TerraformStack(app, name);
    new LocalBackend(stack, { path: join(workDir, `${name}.tfstate`) });
    new OcrolusProvider(stack, 'ocrolus');
    declare(stack);
    app.synth();
  };

  /** Synthesizes the stack with the webhook under construct id `id`, optionally moved from `orders`. */
  const synth = (id: string, moveFrom?: string) =>
    synthStack('rename', (stack) => {
      const webhook = new Webhook(stack, id, ordersConfig);
      if (moveFrom !== undefined) webhook.moveFromId(moveFrom);
    });

  const tofuRun = (args: string[], stack = 'rename') => run(tofu, [...args, '-no-color'], { cwd: stackDir(stack), env });

  const plannedChanges = async (stack = 'rename'): Promise<PlannedChange[]> => {
    expectExit(await tofuRun(['plan', '-input=false', '-out=tfplan'], stack));
    const planJson = expectExit(await tofuRun(['show', '-json', 'tfplan'], stack));
    return (JSON.parse(planJson.stdout) as { resource_changes?: PlannedChange[] }).resource_changes ?? [];
  };

  const writeCalls = () => emulator.requests('rename').filter((request) => request.route !== undefined && ['add', 'update', 'delete', 'rotate-secret'].includes(request.route));

  /**
   * Creates `orders` in stack `name`, then renames it to `order_status` with `rename` (which
   * declares both constructs) and checks that the plan is a move with no change, that apply
   * writes nothing, and that the webhook keeps its uuid.
   */
  const expectRenameKeepsWebhook = async (name: string, rename: (stack: TerraformStack) => void) => {
    synthStack(name, (stack) => new Webhook(stack, 'orders', ordersConfig));
    expectExit(await tofuRun(['init', '-input=false'], name));
    expectExit(await tofuRun(['apply', '-input=false', '-auto-approve'], name));
    const [created] = emulator.webhooks('rename');

    synthStack(name, rename);
    const changes = await plannedChanges(name);
    expect(changes.map((change) => [change.address, change.previous_address, change.change.actions])).toEqual([
      ['ocrolus_webhook.order_status', 'ocrolus_webhook.orders', ['no-op']],
    ]);

    emulator.clearRequests();
    expectExit(await tofuRun(['apply', '-input=false', 'tfplan'], name));
    expect(writeCalls()).toEqual([]);
    expect(emulator.webhooks('rename').map((webhook) => webhook.uuid)).toEqual([created.uuid]);
    expectExit(await tofuRun(['plan', '-input=false', '-detailed-exitcode'], name), 0);

    expectExit(await tofuRun(['destroy', '-input=false', '-auto-approve'], name));
    expect(emulator.webhooks('rename')).toEqual([]);
  };

  beforeAll(async () => {
    tofu = locateTofu();
    ensureBuilt();

    emulator = await startEmulator({ requestsPerSecond: false, organizations: [{ id: 'rename', clientId: 'rename-client', clientSecret: CLIENT_SECRET }] });
    workDir = mkdtempSync(join(tmpdir(), 'ocrolus-cdktf-rename-'));
    env = engineEnv(writeCliConfig(workDir), {
      OCROLUS_CLIENT_ID: 'rename-client',
      OCROLUS_CLIENT_SECRET: CLIENT_SECRET,
      OCROLUS_API_URL: emulator.apiUrl,
      OCROLUS_AUTH_URL: emulator.authUrl,
    });
  });

  afterAll(async () => {
    await emulator?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('data source lists the webhooks', async () => {
    const seeded = emulator.seedWebhook('rename', { url: 'https://hooks.example.com/ocrolus/seeded', events: ['book.verified'], isActive: false });
    synthStack('listing', (stack) => {
      const listing = new DataOcrolusWebhooks(stack, 'all');
      new TerraformOutput(stack, 'count', { value: Fn.lengthOf(listing.webhooks) });
      new TerraformOutput(stack, 'first', { value: listing.webhooks.get(0) });
    });

    expectExit(await tofuRun(['init', '-input=false'], 'listing'));
    expectExit(await tofuRun(['apply', '-input=false', '-auto-approve'], 'listing'));
    const outputs = JSON.parse(expectExit(await tofuRun(['output', '-json'], 'listing')).stdout) as Record<string, { value: unknown }>;

    expect(outputs.count.value).toBe(1);
    expect(outputs.first.value).toMatchObject({ uuid: seeded.uuid, url: seeded.url, active: false, events: ['book.verified'] });

    emulator.removeWebhook('rename', seeded.uuid);
  });

  test('moveFromId keeps the same webhook', async () => {
    synth('orders');
    expectExit(await tofuRun(['init', '-input=false']));
    expectExit(await tofuRun(['apply', '-input=false', '-auto-approve']));
    const [created] = emulator.webhooks('rename');

    synth('order_status');
    const withoutMove = await plannedChanges();
    expect(withoutMove.map((change) => [change.address, change.change.actions])).toEqual([
      ['ocrolus_webhook.order_status', ['create']],
      ['ocrolus_webhook.orders', ['delete']],
    ]);

    synth('order_status', 'ocrolus_webhook.orders');
    const withMove = await plannedChanges();
    expect(withMove.map((change) => [change.address, change.previous_address, change.change.actions])).toEqual([
      ['ocrolus_webhook.order_status', 'ocrolus_webhook.orders', ['no-op']],
    ]);

    emulator.clearRequests();
    expectExit(await tofuRun(['apply', '-input=false', 'tfplan']));
    expect(writeCalls()).toEqual([]);
    expect(emulator.webhooks('rename').map((webhook) => webhook.uuid)).toEqual([created.uuid]);

    synth('order_status');
    expectExit(await tofuRun(['plan', '-input=false', '-detailed-exitcode']), 0);

    expectExit(await tofuRun(['destroy', '-input=false', '-auto-approve']));
    expect(emulator.webhooks('rename')).toEqual([]);
  });

  test('moveTo keeps the same webhook', async () => {
    await expectRenameKeepsWebhook('move_to', (stack) => {
      new Webhook(stack, 'order_status', ordersConfig).addMoveTarget('order-status');
      new Webhook(stack, 'orders', ordersConfig).moveTo('order-status');
    });
  });

  test('moveToId keeps the same webhook', async () => {
    await expectRenameKeepsWebhook('move_to_id', (stack) => {
      new Webhook(stack, 'order_status', ordersConfig);
      new Webhook(stack, 'orders', ordersConfig).moveToId('ocrolus_webhook.order_status');
    });
  });
});
