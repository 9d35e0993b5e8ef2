import { runCli } from '../../src/cli';
import { declaration, startCliFixture } from './helpers/fixture';
import { memoryIo } from './helpers/memory-io';
import type { CliFixture } from './helpers/fixture';

let fixture: CliFixture;

const TWO_WEBHOOKS = declaration(
  [
    '  orders:',
    '    url: https://hooks.example.com/orders',
    '    events: [book.verified]',
    '  analytics:',
    '    url: https://hooks.example.com/analytics',
    '    events: [book.analytics_v2.generated]',
  ].join('\n'),
);

beforeAll(async () => {
  fixture = await startCliFixture();
});

afterAll(async () => {
  await fixture.close();
});

beforeEach(async () => {
  await fixture.reset();
});

describe('API failures', () => {
  it('non-manager credentials give an authorization error', async () => {
    fixture.emulator.seedWebhook('viewer', { url: 'https://hooks.example.com/existing', events: ['book.verified'] });
    await fixture.declare(
      declaration(['  orders:', '    url: https://hooks.example.com/orders', '    events: [book.verified]'].join('\n'), ['viewer'], { viewer: '    prune: true' }),
    );

    for (const command of ['plan', 'apply']) {
      const run = await fixture.run([command]);

      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Error in environment viewer');
      expect(run.stderr).toContain('lack permission to manage webhooks');
      expect(run.stdout).not.toContain('+ create');
      expect(run.stdout).not.toContain('- delete');
    }
    const json = await fixture.run(['plan', '--json']);
    const [report] = JSON.parse(json.stdout).environments;
    expect(report.error).toContain('lack permission to manage webhooks');
    expect(report.error).not.toMatch(/^Error/);
    expect(fixture.emulator.webhooks('viewer').map((webhook) => webhook.url)).toEqual(['https://hooks.example.com/existing']);
    expect(fixture.webhookRequests('viewer').filter((request) => request.route !== 'list')).toEqual([]);
  });

  it('wrong auth URL names the auth URL', async () => {
    await fixture.declare(declaration(['  orders:', '    url: https://hooks.example.com/orders', '    events: [book.verified]'].join('\n')));

    const run = await fixture.run(['plan'], { OCROLUS_STAGING_AUTH_URL: `${fixture.emulator.url}/oauth/tokn` });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the auth URL does not point at a token endpoint');
    expect(run.stderr).not.toContain('client id');
    expect(fixture.webhookRequests('staging')).toEqual([]);
  });

  it('add that commits then times out leaves one webhook', async () => {
    fixture.emulator.injectFault({ kind: 'commit-then-timeout', route: 'add', holdMs: 2000 });
    await fixture.declare(declaration(['  orders:', '    url: https://hooks.example.com/orders', '    events: [book.verified]'].join('\n')));

    const apply = await fixture.run(['apply'], { OCROLUS_TIMEOUT_MS: '300' });

    expect(apply.stderr).not.toContain('Error');
    expect(apply.code).toBe(0);
    const webhooks = fixture.emulator.webhooks('staging');
    expect(webhooks).toHaveLength(1);
    expect(fixture.webhookRequests('staging').filter((request) => request.route === 'add')).toHaveLength(1);
    expect((await fixture.state())?.environments.staging.webhooks.orders.uuid).toBe(webhooks[0].uuid);
    expect((await fixture.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('429 burst and 503s are retried to completion', async () => {
    fixture.emulator.injectFault({ kind: 'status', route: 'list', status: 429, count: 2 });
    fixture.emulator.injectFault({ kind: 'status', route: 'events', status: 429, count: 2 });
    fixture.emulator.injectFault({ kind: 'status', route: 'retrieve', status: 503, count: 2 });
    fixture.emulator.injectFault({ kind: 'status', route: 'events', status: 503, count: 2 });
    await fixture.declare(TWO_WEBHOOKS);

    const apply = await fixture.run(['apply']);

    expect(apply.stderr).not.toContain('Error');
    expect(apply.code).toBe(0);
    expect(fixture.emulator.webhooks('staging')).toHaveLength(2);
    const statuses = fixture.webhookRequests('staging').map((request) => request.status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    expect(statuses.filter((status) => status === 503)).toHaveLength(4);
    expect((await fixture.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('exhausted retries report done and not done, and a rerun converges', async () => {
    await fixture.declare(declaration(['  orders:', '    url: https://hooks.example.com/orders', '    events: [book.verified]'].join('\n')));
    expect((await fixture.run(['apply'])).code).toBe(0);
    const [orders] = fixture.emulator.webhooks('staging');

    // The update of orders succeeds, but analytics is new and every add returns 503.
    await fixture.redeclare(
      declaration(
        [
          '  orders:',
          '    url: https://hooks.example.com/orders',
          '    events: [book.verified, book.completed]',
          '  analytics:',
          '    url: https://hooks.example.com/analytics',
          '    events: [book.analytics_v2.generated]',
        ].join('\n'),
      ),
    );
    fixture.emulator.injectFault({ kind: 'status', route: 'add', status: 503, count: 100 });

    const failed = await fixture.run(['apply'], { OCROLUS_RETRY_ATTEMPTS: '3' });
    fixture.emulator.injectFault({ kind: 'status', route: 'list', status: 503, count: 3 });
    const planFailure = await fixture.run(['plan'], { OCROLUS_RETRY_ATTEMPTS: '3' });

    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('create of webhook analytics');
    expect(failed.stderr).toContain(`Done: update of webhook orders (uuid ${orders.uuid})`);
    expect(failed.stderr).toContain('Not done: create of webhook analytics');
    expect(failed.stderr).toContain('Run it again once the cause is fixed');
    expect(planFailure.stderr).toContain('The Ocrolus API did not answer successfully after 3 attempts; run the command again later.');
    expect(failed.stdout).toContain('apply stopped with 1 of 2 actions done, 1 failed and 0 not started.');
    expect(failed.stderr).toContain('✖ Apply to staging [FAILED: 1 of 2 actions failed]');
    expect(failed.stderr).not.toContain('✔ Apply to staging');
    expect(fixture.emulator.webhooks('staging')).toHaveLength(1);
    expect((await fixture.state())?.environments.staging.webhooks).toEqual({ orders: { uuid: orders.uuid } });

    fixture.emulator.clearFaults();
    const rerun = await fixture.run(['apply']);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('Plan: 1 to create, 0 to update, 0 to delete.');
    expect(fixture.emulator.webhooks('staging')).toHaveLength(2);
    expect((await fixture.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('concurrent failures are all counted', async () => {
    fixture.emulator.injectFault({ kind: 'status', route: 'add', status: 503, count: 100 });
    await fixture.declare(TWO_WEBHOOKS);

    const failed = await fixture.run(['apply', '--json'], { OCROLUS_RETRY_ATTEMPTS: '1' });
    fixture.emulator.injectFault({ kind: 'status', route: 'list', status: 503, count: 100 });
    const planFailure = await fixture.run(['plan'], { OCROLUS_RETRY_ATTEMPTS: '1' });

    expect(failed.code).toBe(1);
    const { applied } = JSON.parse(failed.stdout).environments[0];
    expect(applied.completed).toEqual([]);
    expect(applied.notStarted).toEqual([]);
    expect(applied.failed.map((action: { name: string }) => action.name).sort()).toEqual(['analytics', 'orders']);
    expect(failed.stderr).toContain('✖ Apply to staging [FAILED: 2 of 2 actions failed]');
    expect(failed.stderr).toContain('Failed: create of webhook orders');
    expect(failed.stderr).toContain('Failed: create of webhook analytics');
    expect(planFailure.stderr).toContain('The Ocrolus API did not answer successfully; run the command again later.');
    expect(planFailure.stderr).not.toContain('retrying');
  });

  it('SIGINT stops apply and keeps the created uuid', async () => {
    // The add succeeds; its read-back is held, so the interrupt lands while a call is in flight.
    fixture.emulator.injectFault({ kind: 'latency', route: 'retrieve', ms: 5000 });
    await fixture.declare(declaration(['  orders:', '    url: https://hooks.example.com/orders', '    events: [book.verified]'].join('\n')));
    const io = memoryIo({ cwd: fixture.dir, env: fixture.env });

    const running = runCli(['apply'], io);
    await waitFor(() => fixture.webhookRequests('staging').some((request) => request.route === 'retrieve'));
    process.emit('SIGINT', 'SIGINT');
    const code = await running;

    expect(code).toBe(130);
    expect(io.stderrText()).toContain('Interrupted by SIGINT before apply finished: in-flight calls were cancelled');
    const [orders] = fixture.emulator.webhooks('staging');
    expect((await fixture.state())?.environments.staging.webhooks).toEqual({ orders: { uuid: orders.uuid } });
    expect(process.listenerCount('SIGINT')).toBe(0);

    fixture.emulator.clearFaults();
    expect((await fixture.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
