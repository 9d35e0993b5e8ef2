import { declaration, startCliFixture } from './helpers/fixture';
import type { CliFixture } from './helpers/fixture';

let fixture: CliFixture;

const ORDERS = declaration(
  ['  orders:', '    description: Orders service', '    url: https://hooks.example.com/orders', '    events: [book.verified, book.completed]'].join('\n'),
);

beforeAll(async () => {
  fixture = await startCliFixture();
});

afterAll(async () => {
  await fixture.close();
});

beforeEach(async () => {
  await fixture.reset();
  await fixture.declare(ORDERS);
  expect((await fixture.run(['apply'])).code).toBe(0);
});

describe('drift', () => {
  it('webhook removed out of band is planned for creation', async () => {
    const [original] = fixture.emulator.webhooks('staging');
    fixture.emulator.removeWebhook('staging', original.uuid);

    const plan = await fixture.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('+ create orders');
    expect(plan.stdout).toContain('# deleted outside of code');
    expect(plan.stdout).toContain('Plan: 1 to create, 0 to update, 0 to delete.');

    const apply = await fixture.run(['apply']);
    expect(apply.code).toBe(0);
    const webhooks = fixture.emulator.webhooks('staging');
    expect(webhooks).toHaveLength(1);
    expect((await fixture.state())?.environments.staging.webhooks.orders.uuid).toBe(webhooks[0].uuid);
  });

  it('destroy of an already deleted webhook succeeds', async () => {
    const [original] = fixture.emulator.webhooks('staging');
    fixture.emulator.removeWebhook('staging', original.uuid);

    const destroy = await fixture.run(['destroy']);

    expect(destroy.stderr).toBe('');
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toContain('No changes. Nothing to destroy: environment staging has no webhook that this declaration manages.');
    expect(destroy.stdout).not.toContain('matches the declaration');
    expect(fixture.webhookRequests('staging').filter((request) => request.route === 'delete')).toHaveLength(0);
    expect((await fixture.state())?.environments.staging.webhooks).toEqual({});
  });

  it('webhook deleted while destroy runs counts as deleted', async () => {
    const [original] = fixture.emulator.webhooks('staging');
    // The delete call is held long enough for the webhook to be removed before the emulator handles it.
    fixture.emulator.injectFault({ kind: 'latency', route: 'delete', ms: 1500 });
    const running = fixture.run(['destroy'], { OCROLUS_TIMEOUT_MS: '30000' });

    await waitFor(() => fixture.webhookRequests('staging').some((request) => request.route === 'delete'));
    fixture.emulator.removeWebhook('staging', original.uuid);
    const destroy = await running;

    expect(destroy.stderr).not.toContain('Error');
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toContain(`deleted orders (${original.uuid})`);
    expect(fixture.webhookRequests('staging').filter((request) => request.route === 'delete').map((request) => request.status)).toEqual([404]);
    expect((await fixture.state())?.environments.staging.webhooks).toEqual({});
  });

  it('destroy deletes the managed webhook', async () => {
    const [original] = fixture.emulator.webhooks('staging');

    const destroy = await fixture.run(['destroy']);

    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toContain(`- delete orders (${original.uuid})`);
    expect(destroy.stdout).toContain('Plan: 0 to create, 0 to update, 1 to delete.');
    expect(destroy.stdout).toContain(`deleted orders (${original.uuid})`);
    expect(destroy.stdout).toContain('Environment staging: destroy complete. 1 deleted.');
    expect(destroy.stdout).not.toContain('apply complete');
    expect(destroy.stderr).toContain('✔ Destroy in staging');
    expect(destroy.stderr).not.toContain('Apply to');
    expect(fixture.emulator.webhooks('staging')).toEqual([]);
  });

  it('deactivation out of band is shown and restored', async () => {
    const [original] = fixture.emulator.webhooks('staging');
    fixture.emulator.editWebhook('staging', original.uuid, { isActive: false });

    const plan = await fixture.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`~ activate orders (${original.uuid})`);
    expect(plan.stdout).toContain('active = false -> true');

    expect((await fixture.run(['apply'])).code).toBe(0);
    expect(fixture.emulator.webhooks('staging')[0]).toMatchObject({ uuid: original.uuid, isActive: true });
    expect((await fixture.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('prune shows what it deletes', async () => {
    const stray = fixture.emulator.seedWebhook('staging', {
      url: 'https://ops:stray-password-1@legacy.example.com/hook',
      description: 'Legacy receiver',
      events: ['book.verified', 'document.upload_failed'],
    });
    await fixture.redeclare(
      declaration(
        ['  orders:', '    description: Orders service', '    url: https://hooks.example.com/orders', '    events: [book.verified, book.completed]'].join('\n'),
        ['staging'],
        { staging: '    prune: true' },
      ),
    );

    const plan = await fixture.run(['plan']);

    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`- delete ${stray.uuid}`);
    expect(plan.stdout).toContain('url         = "https://ops:***@legacy.example.com/hook"');
    expect(plan.stdout).toContain('description = "Legacy receiver"');
    expect(plan.stdout).toContain('events      = [book.verified, document.upload_failed]');
    expect(plan.stdout).not.toContain('stray-password-1');
  });

  it('edit out of band is shown field by field and restored', async () => {
    const [original] = fixture.emulator.webhooks('staging');
    fixture.emulator.editWebhook('staging', original.uuid, {
      url: 'https://elsewhere.example.com/hook',
      description: 'Changed in the Dashboard',
      events: ['book.verified', 'document.upload_failed'],
    });

    const plan = await fixture.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain(`~ update orders (${original.uuid})`);
    expect(plan.stdout).toContain('url         = "https://elsewhere.example.com/hook" -> "https://hooks.example.com/orders"');
    expect(plan.stdout).toContain('description = "Changed in the Dashboard" -> "Orders service"');
    expect(plan.stdout).toContain('events      + book.completed');
    expect(plan.stdout).toContain('events      - document.upload_failed');
    expect(plan.stdout).toContain('Plan: 0 to create, 1 to update, 0 to delete.');

    expect((await fixture.run(['apply'])).code).toBe(0);
    const [restored] = fixture.emulator.webhooks('staging');
    expect(restored).toMatchObject({ uuid: original.uuid, url: 'https://hooks.example.com/orders', description: 'Orders service' });
    expect([...restored.events].sort()).toEqual(['book.completed', 'book.verified']);
    expect((await fixture.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
