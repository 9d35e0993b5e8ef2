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

describe('apply then plan', () => {
  it('events out of order with a duplicate converge', async () => {
    await fixture.declare(declaration(['  orders:', '    url: https://hooks.example.com/orders', '    events: [book.verified, book.completed, book.verified, book.classified]'].join('\n')));

    const apply = await fixture.run(['apply']);
    expect(apply.code).toBe(0);
    expect(apply.stderr).toContain('"book.verified" is listed more than once');

    const [webhook] = fixture.emulator.webhooks('staging');
    expect([...webhook.events].sort()).toEqual(['book.classified', 'book.completed', 'book.verified']);

    const plan = await fixture.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes. Environment staging matches the declaration.');
  });

  it('mixed-case URL with trailing slash converges when the API normalizes it', async () => {
    fixture.emulator.setVariants({ urlStorage: 'normalized' });
    await fixture.declare(declaration(['  inbound:', '    url: https://Hooks.Example.com/in/', '    events: [book.verified]'].join('\n')));

    const apply = await fixture.run(['apply']);
    expect(apply.code).toBe(0);
    expect(fixture.emulator.webhooks('staging').map((webhook) => webhook.url)).toEqual(['https://hooks.example.com/in']);

    const plan = await fixture.run(['plan', '--detailed-exitcode']);
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
  });

  it('minimal declaration creates an active webhook', async () => {
    await fixture.declare(declaration(['  minimal:', '    url: https://hooks.example.com/minimal', '    events: [book.completed]'].join('\n')));

    const apply = await fixture.run(['apply']);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('+ create minimal');
    expect(apply.stdout).toContain('Plan: 1 to create, 0 to update, 0 to delete.');

    const webhooks = fixture.emulator.webhooks('staging');
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0]).toMatchObject({ url: 'https://hooks.example.com/minimal', description: null, isActive: true, events: ['book.completed'] });
    expect(apply.stdout).toContain(`created minimal (${webhooks[0].uuid})`);
    expect(apply.stderr).toContain('staging: create minimal\n');
    expect(apply.stderr).toContain(`staging: create minimal (${webhooks[0].uuid})\n`);

    const state = await fixture.state();
    expect(state?.environments.staging.webhooks).toEqual({ minimal: { uuid: webhooks[0].uuid } });

    const plan = await fixture.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(0);
  });

  it('active flip sends one deactivate then one activate', async () => {
    const webhook = (active: boolean) =>
      declaration(['  flip:', '    url: https://hooks.example.com/flip', '    events: [book.verified]', `    active: ${active}`].join('\n'));
    await fixture.declare(webhook(true));
    expect((await fixture.run(['apply'])).code).toBe(0);

    await fixture.redeclare(webhook(false));
    fixture.emulator.clearRequests();
    const deactivate = await fixture.run(['apply']);
    expect(deactivate.code).toBe(0);
    expect(deactivate.stdout).toContain('~ deactivate flip');
    expect(deactivate.stdout).toContain('deactivated flip');
    expect(fixture.webhookRequests('staging').filter((request) => request.route === 'update')).toHaveLength(1);
    expect(fixture.emulator.webhooks('staging')[0].isActive).toBe(false);

    await fixture.redeclare(webhook(true));
    fixture.emulator.clearRequests();
    const activate = await fixture.run(['apply']);
    expect(activate.code).toBe(0);
    expect(activate.stdout).toContain('~ activate flip');
    expect(fixture.webhookRequests('staging').filter((request) => request.route === 'update')).toHaveLength(1);
    expect(fixture.emulator.webhooks('staging')[0].isActive).toBe(true);
  });

  it('active flip ignored by the API fails the apply', async () => {
    const webhook = (active: boolean) =>
      declaration(['  flip:', '    url: https://hooks.example.com/flip', '    events: [book.verified]', `    active: ${active}`].join('\n'));
    await fixture.declare(webhook(true));
    expect((await fixture.run(['apply'])).code).toBe(0);

    fixture.emulator.setVariants({ ignoreActiveFlip: true });
    await fixture.redeclare(webhook(false));
    const apply = await fixture.run(['apply']);

    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('deactivate of webhook flip');
    expect(apply.stderr).toContain('reading the webhook back');
    expect(apply.stdout).not.toContain('apply complete');
    expect(fixture.emulator.webhooks('staging')[0].isActive).toBe(true);
  });
});
