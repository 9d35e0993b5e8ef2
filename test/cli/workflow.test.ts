import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';

import { declaration, startCliFixture } from './helpers/fixture';
import type { CliFixture } from './helpers/fixture';

let fixture: CliFixture;

beforeAll(async () => {
  fixture = await startCliFixture();
});

afterAll(async () => {
  await fixture.close();
});

beforeEach(async () => {
  await fixture.reset();
});

const described = (url: string) =>
  declaration(['  orders:', '    description: Orders service', `    url: ${url}`, '    events: [book.verified]'].join('\n'), ['staging', 'prod']);

describe('fresh checkout without a state file', () => {
  it('finds existing webhooks, creates no duplicate, and updates a URL in place', async () => {
    await fixture.declare(described('https://hooks.example.com/orders'));
    expect((await fixture.run(['apply'])).code).toBe(0);
    const before = { staging: fixture.emulator.webhooks('staging'), prod: fixture.emulator.webhooks('prod') };
    await rm(path.join(fixture.dir, 'ocrolus-webhooks.state.json'));

    const plan = await fixture.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes. Environment staging matches the declaration.');
    expect(plan.stdout).toContain('No changes. Environment prod matches the declaration.');

    fixture.emulator.clearRequests();
    const apply = await fixture.run(['apply']);
    expect(apply.code).toBe(0);
    expect(fixture.webhookRequests('staging').filter((request) => request.route === 'add')).toEqual([]);
    expect(fixture.emulator.webhooks('staging')).toEqual(before.staging);
    expect((await fixture.state())?.environments.prod.webhooks).toEqual({ orders: { uuid: before.prod[0].uuid } });

    await rm(path.join(fixture.dir, 'ocrolus-webhooks.state.json'));
    await fixture.redeclare(described('https://hooks.example.com/orders-v2'));
    const moved = await fixture.run(['apply', '--env', 'staging']);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain(`~ update orders (${before.staging[0].uuid})`);
    expect(fixture.emulator.webhooks('staging')).toMatchObject([{ uuid: before.staging[0].uuid, url: 'https://hooks.example.com/orders-v2' }]);
  });
});

describe('environment selection', () => {
  it('--env runs only the named environments', async () => {
    await fixture.declare(described('https://hooks.example.com/orders'));

    const apply = await fixture.run(['apply', '--env', 'prod']);

    expect(apply.code).toBe(0);
    expect(apply.stdout).not.toContain('Environment staging');
    expect(fixture.emulator.webhooks('staging')).toEqual([]);
    expect(fixture.emulator.webhooks('prod')).toHaveLength(1);
    expect(fixture.emulator.requests('staging')).toEqual([]);
  });

  it('--env accepts a comma-separated list', async () => {
    await fixture.declare(described('https://hooks.example.com/orders'));

    const plan = await fixture.run(['plan', '--env', 'staging,prod', '--detailed-exitcode']);

    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('Environment staging:');
    expect(plan.stdout).toContain('Environment prod:');
  });
});

describe('json output', () => {
  it('plan --json prints one document with field changes', async () => {
    await fixture.declare(described('https://hooks.example.com/orders'));
    expect((await fixture.run(['apply', '--env', 'staging'])).code).toBe(0);
    const [orders] = fixture.emulator.webhooks('staging');
    fixture.emulator.editWebhook('staging', orders.uuid, { events: ['book.verified', 'book.completed'], isActive: false });

    const plan = await fixture.run(['plan', '--json', '--detailed-exitcode']);

    expect(plan.code).toBe(2);
    const report = JSON.parse(plan.stdout);
    expect(report.summary).toEqual({ create: 1, update: 1, delete: 0, changes: true, errors: 0 });
    const staging = report.environments.find((environment: { name: string }) => environment.name === 'staging');
    expect(staging.plan.actions).toEqual([
      { kind: 'update', name: 'orders', uuid: orders.uuid, changes: [{ field: 'events', before: ['book.completed', 'book.verified'], after: ['book.verified'], added: [], removed: ['book.completed'] }] },
      { kind: 'activate', name: 'orders', uuid: orders.uuid, changes: [{ field: 'active', before: false, after: true }] },
    ]);
    const prod = report.environments.find((environment: { name: string }) => environment.name === 'prod');
    expect(prod.plan.actions.map((action: { kind: string }) => action.kind)).toEqual(['create']);
  });

  it('apply --json reports what was created', async () => {
    await fixture.declare(described('https://hooks.example.com/orders'));

    const apply = await fixture.run(['apply', '--json', '--env', 'staging']);

    expect(apply.code).toBe(0);
    const report = JSON.parse(apply.stdout);
    const [orders] = fixture.emulator.webhooks('staging');
    expect(report.command).toBe('apply');
    expect(report.environments[0].applied).toEqual({ completed: [{ kind: 'create', result: 'created', name: 'orders', uuid: orders.uuid }], failed: [], notStarted: [] });
  });
});

describe('import', () => {
  it('adopts an existing webhook by uuid and shows its plan', async () => {
    const existing = fixture.emulator.seedWebhook('staging', { url: 'https://old.example.com/orders', description: 'Orders service', events: ['book.verified'] });
    await fixture.declare(described('https://hooks.example.com/orders'));

    const imported = await fixture.run(['import', 'orders', existing.uuid, '--env', 'staging']);

    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Imported https://old.example.com/orders (${existing.uuid}) as "orders" in environment staging`);
    expect(imported.stdout).toContain(`~ update orders (${existing.uuid})`);
    expect(imported.stdout).toContain('url = "https://old.example.com/orders" -> "https://hooks.example.com/orders"');
    expect((await fixture.state())?.environments.staging.webhooks).toEqual({ orders: { uuid: existing.uuid } });
    expect(fixture.webhookRequests('staging').filter((request) => !['list', 'retrieve', 'events'].includes(request.route ?? ''))).toEqual([]);

    expect((await fixture.run(['apply', '--env', 'staging'])).code).toBe(0);
    expect(fixture.emulator.webhooks('staging')).toMatchObject([{ uuid: existing.uuid, url: 'https://hooks.example.com/orders' }]);
  });

  it('adopts an existing webhook by URL', async () => {
    const existing = fixture.emulator.seedWebhook('staging', { url: 'https://hooks.example.com/orders', events: ['book.verified'] });
    await fixture.declare(described('https://hooks.example.com/orders'));

    const imported = await fixture.run(['import', 'orders', 'https://HOOKS.example.com/orders/', '--env', 'staging']);

    expect(imported.code).toBe(0);
    expect((await fixture.state())?.environments.staging.webhooks).toEqual({ orders: { uuid: existing.uuid } });
  });

  it('unknown uuid is an error', async () => {
    await fixture.declare(described('https://hooks.example.com/orders'));

    const imported = await fixture.run(['import', 'orders', '00000000-0000-4000-8000-000000000000', '--env', 'staging']);

    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('No webhook with uuid 00000000-0000-4000-8000-000000000000 exists in environment staging.');
    expect(await fixture.state()).toBeUndefined();
  });
});

describe('test delivery', () => {
  let receiver: Server;
  let received: { headers: IncomingHttpHeaders; body: string }[];
  let receiverUrl: string;

  beforeAll(async () => {
    received = [];
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('prints status, masked headers and body', async () => {
    await fixture.declare(
      declaration(['  orders:', `    url: ${receiverUrl}`, '    events: [book.verified, book.completed]', '    secret: { env: ORDERS_WEBHOOK_SECRET }'].join('\n')),
    );
    expect((await fixture.run(['apply'])).code).toBe(0);
    const [orders] = fixture.emulator.webhooks('staging');

    const test = await fixture.run(['test', 'orders', '--env', 'staging', '--event', 'book.verified']);

    expect(test.stderr).toBe('');
    expect(test.code).toBe(0);
    expect(test.stdout).toContain(`Test delivery of webhook orders (${orders.uuid}) in environment staging, event book.verified:`);
    expect(test.stdout).toContain('Status: 200');
    expect(test.stdout).toMatch(/webhook-signature: \*\*\*/i);
    expect(test.stdout).toContain('"event_name": "book.verified"');
    expect(received).toHaveLength(1);
    expect(received[0].headers['webhook-signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('declared inactive is not tested', async () => {
    await fixture.declare(declaration(['  orders:', `    url: ${receiverUrl}`, '    events: [book.verified]', '    active: false'].join('\n')));
    expect((await fixture.run(['apply'])).code).toBe(0);
    fixture.emulator.clearRequests();

    const test = await fixture.run(['test', 'orders', '--env', 'staging']);

    expect(test.code).toBe(1);
    expect(test.stderr).toContain('Webhook "orders" is declared inactive (active: false) in environment staging, and Ocrolus tests only active webhooks');
    expect(fixture.emulator.requests('staging')).toEqual([]);
  });

  it('inactive on the server is not tested', async () => {
    await fixture.declare(declaration(['  orders:', `    url: ${receiverUrl}`, '    events: [book.verified]'].join('\n')));
    expect((await fixture.run(['apply'])).code).toBe(0);
    const [orders] = fixture.emulator.webhooks('staging');
    fixture.emulator.editWebhook('staging', orders.uuid, { isActive: false });
    fixture.emulator.clearRequests();

    const test = await fixture.run(['test', 'orders', '--env', 'staging']);

    expect(test.code).toBe(1);
    expect(test.stderr).toContain(`Webhook "orders" (${orders.uuid}) is inactive in environment staging, although the declaration says active`);
    expect(test.stderr).toContain('Run apply to activate it');
    expect(fixture.webhookRequests('staging').filter((request) => request.route === 'test')).toEqual([]);
  });

  it('needs exactly one environment', async () => {
    await fixture.declare(declaration(['  orders:', `    url: ${receiverUrl}`, '    events: [book.verified]'].join('\n'), ['staging', 'prod']));

    const test = await fixture.run(['test', 'orders']);

    expect(test.code).toBe(1);
    expect(test.stderr).toContain('test runs in one environment: pass --env with one of staging, prod.');
  });
});
