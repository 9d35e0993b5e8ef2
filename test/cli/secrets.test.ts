import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { declaration, SECRETS, startCliFixture } from './helpers/fixture';
import type { CliFixture, CliRun } from './helpers/fixture';

let fixture: CliFixture;
let receiver: Server;
let receiverPort: number;

const URL_PASSWORD = 'p4ssw0rd';

beforeAll(async () => {
  fixture = await startCliFixture();
  receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200).end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverPort = (receiver.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await fixture.close();
});

beforeEach(async () => {
  await fixture.reset();
});

function expectNoSecret(text: string): void {
  for (const secret of [SECRETS.staging, SECRETS.prod, SECRETS.webhook, URL_PASSWORD]) expect(text).not.toContain(secret);
}

describe('secrets', () => {
  it('never appear in output or state', async () => {
    const webhooks = (events: string) =>
      declaration(
        [
          '  orders:',
          `    url: http://hook-user:${URL_PASSWORD}@127.0.0.1:${receiverPort}/orders`,
          `    events: [${events}]`,
          '    secret: { env: ORDERS_WEBHOOK_SECRET }',
          '    secretVersion: 1',
          '  partner:',
          `    url: https://partner:${URL_PASSWORD}@partner.example.com/ocrolus`,
          '    events: [book.verified]',
        ].join('\n'),
        ['staging', 'prod'],
      );
    await fixture.declare(webhooks('book.verified'));
    const runs: CliRun[] = [];

    runs.push(await fixture.run(['plan']));
    runs.push(await fixture.run(['plan', '--json']));
    runs.push(await fixture.run(['apply']));
    expect(runs[2].code).toBe(0);
    expect(fixture.emulator.webhooks('staging').find((webhook) => webhook.url.includes('/orders'))?.secret).toBe(SECRETS.webhook);

    await fixture.redeclare(webhooks('book.verified, book.completed').replace('secretVersion: 1', 'secretVersion: 2'));
    runs.push(await fixture.run(['plan', '--json']));
    runs.push(await fixture.run(['apply', '--json']));
    expect(runs[4].code).toBe(0);
    runs.push(await fixture.run(['test', 'orders', '--env', 'staging']));
    runs.push(await fixture.run(['test', 'orders', '--env', 'staging', '--json']));
    expect(runs[5].code).toBe(0);

    fixture.emulator.injectFault({ kind: 'status', route: 'update', status: 400, code: 1000, message: `Invalid url https://partner:${URL_PASSWORD}@partner.example.com/ocrolus`, count: 10 });
    await fixture.redeclare(webhooks('book.completed'));
    runs.push(await fixture.run(['apply']));
    expect(runs[7].code).toBe(1);

    for (const run of runs) {
      expectNoSecret(run.stdout);
      expectNoSecret(run.stderr);
    }
    expect(runs[0].stdout).toContain(`http://hook-user:***@127.0.0.1:${receiverPort}/orders`);
    expect(runs[0].stdout).toContain('secret      = (sensitive) version 1');
    expect(runs[3].stdout).toContain('"sensitive": true');
    expectNoSecret(await fixture.stateText());
    expect(await fixture.stateText()).not.toContain('://');
  });
});
