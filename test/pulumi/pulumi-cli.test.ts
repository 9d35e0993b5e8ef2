import { HAVE_CLI, PULUMI_BIN } from './support/cli';
import type { CliProject } from './support/cli';
import { startCliProject } from './support/cli';

const CLIENT_SECRET = 'planted-staging-client-secret-e2e1';
const SIGNING_SECRET = 'planted-orders-signing-secret-e2e2';
const URL_PASSWORD = 'planted-dashboard-url-password-e2e3';

if (!HAVE_CLI) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the pulumi CLI test: run scripts/build-pulumi.sh to build ${PULUMI_BIN}/pulumi.`);
}

const describeWithCli = HAVE_CLI ? describe : describe.skip;

/** Starts a project for one test and keeps it, with its transcript, when the test fails. */
function useProject(start: () => Promise<CliProject>): { project: () => CliProject; passed: () => void } {
  let project: CliProject | undefined;
  let passed = false;

  beforeAll(async () => {
    project = await start();
  });

  afterAll(async () => {
    await project?.close(!passed);
  });

  afterEach(() => {
    const state = expect.getState();
    if (project && state.assertionCalls !== state.numPassingAsserts) {
      // eslint-disable-next-line no-console
      console.log(project.transcript.join('\n'));
    }
  });

  return { project: () => project as CliProject, passed: () => (passed = true) };
}

describeWithCli('pulumi CLI on the example', () => {
  const { project, passed } = useProject(() => startCliProject({ clientSecret: CLIENT_SECRET, env: { ORDERS_WEBHOOK_SECRET: SIGNING_SECRET } }));

  test('preview, up, empty preview, refresh and destroy', async () => {
    const { emulator, pulumi } = project();
    const init = await pulumi(['stack', 'init']);
    expect(init).toMatchObject({ status: 0 });

    const preview = await pulumi(['preview', '--diff']);
    expect(preview.output).toMatch(/\+ 4 to create/);
    expect(preview.status).toBe(0);
    expect(emulator.webhooks('staging')).toEqual([]);

    const up = await pulumi(['up', '--yes', '--skip-preview']);
    expect(up.status).toBe(0);
    const created = emulator.webhooks('staging');
    expect(created.map((webhook) => [webhook.url, webhook.isActive]).sort()).toEqual([
      ['https://fraud.example.com/ocrolus/detect', false],
      ['https://staging-hooks.example.com/ocrolus/analytics', true],
      ['https://staging-hooks.example.com/ocrolus/orders', true],
    ]);
    expect(created.find((webhook) => webhook.url.endsWith('/orders'))?.secret).toBe(SIGNING_SECRET);

    const again = await pulumi(['preview', '--expect-no-changes']);
    expect(again.status).toBe(0);

    // In the Dashboard: deactivated, and a password added to the URL.
    const orders = created.find((webhook) => webhook.url.endsWith('/orders'));
    emulator.editWebhook('staging', orders?.uuid ?? '', { isActive: false, url: `https://hook-user:${URL_PASSWORD}@staging-hooks.example.com/ocrolus/orders` });
    const refresh = await pulumi(['refresh', '--yes', '--skip-preview']);
    expect(refresh.status).toBe(0);
    const refreshedState = project().state();
    expect(/"url":\s*\{\s*"4dabf18193072939515e22adb298388d":\s*"1b47061264138c4ac30d75fd1eb44270",\s*"ciphertext"/.test(refreshedState)).toBe(true);
    expect(refreshedState.includes(URL_PASSWORD)).toBe(false);
    const drift = await pulumi(['preview', '--diff', '--expect-no-changes']);
    expect(drift.status).not.toBe(0);
    expect(drift.output).toMatch(/1 to update/);
    expect(drift.output).toMatch(/~ active\s*: false => true/);
    expect(drift.output).not.toMatch(/- active/);
    const restore = await pulumi(['up', '--yes', '--skip-preview']);
    expect(restore.status).toBe(0);
    expect(restore.output).toMatch(/orders updated .*\[diff: ~active,url\]/);
    expect(restore.output).not.toMatch(/-active/);
    expect(emulator.webhooks('staging').find((webhook) => webhook.uuid === orders?.uuid)).toMatchObject({ isActive: true, url: 'https://staging-hooks.example.com/ocrolus/orders' });

    // Searched with includes, so that a failure does not print the whole state.
    const state = project().state();
    expect(state.includes(orders?.uuid ?? 'no uuid')).toBe(true);
    expect(state.includes(CLIENT_SECRET)).toBe(false);
    expect(state.includes(SIGNING_SECRET)).toBe(false);
    expect(state.includes(URL_PASSWORD)).toBe(false);

    // A key set after the last up is not in the configuration that refresh and destroy use.
    const configured = await pulumi(['config', 'set', '--secret', 'ocrolus:clientSecret'], {}, CLIENT_SECRET);
    expect(configured.status).toBe(0);
    const withoutEnvironment = { OCROLUS_CLIENT_SECRET: undefined };
    const stale = await pulumi(['refresh', '--yes', '--skip-preview'], withoutEnvironment);
    expect(stale.status).not.toBe(0);
    expect(stale.output).toMatch(/Ocrolus credentials are missing: .* use the stack configuration saved by the last pulumi up/);
    const current = await pulumi(['refresh', '--yes', '--skip-preview', '--run-program'], withoutEnvironment);
    expect(current.status).toBe(0);

    const destroy = await pulumi(['destroy', '--yes', '--skip-preview']);
    expect(destroy.status).toBe(0);
    expect(emulator.webhooks('staging')).toEqual([]);

    const everything = project().transcript.join('\n');
    expect(everything).not.toContain(CLIENT_SECRET);
    expect(everything).not.toContain(SIGNING_SECRET);
    expect(everything).not.toContain(URL_PASSWORD);
    passed();
  });
});

/**
 * A program with one invalid webhook: a too-short signing secret, or an http URL with credentials
 * when INVALID_FIELD is url. One at a time, because the engine stops at the first failed check.
 */
const INVALID_PROGRAM = `
import { Webhook } from '../../src/pulumi';

if (process.env.INVALID_FIELD === 'url') {
  new Webhook('basic-auth', { url: \`http://hook-user:\${process.env.URL_PASSWORD}@hooks.example.com/ocrolus/basic\`, events: ['book.verified'] });
} else {
  new Webhook('signed', { url: 'https://hooks.example.com/ocrolus/signed', events: ['book.verified'], secret: process.env.SHORT_SECRET as string });
}
`;

describeWithCli('pulumi CLI check failures', () => {
  const SHORT_SECRET = 'planted-short15';
  const { project, passed } = useProject(() => startCliProject({ clientSecret: CLIENT_SECRET, program: INVALID_PROGRAM, env: { SHORT_SECRET, URL_PASSWORD } }));

  test('preview names the property but not its value', async () => {
    const { pulumi } = project();
    expect((await pulumi(['stack', 'init'])).status).toBe(0);

    const secret = await pulumi(['preview'], { INVALID_FIELD: 'secret' });
    const url = await pulumi(['preview'], { INVALID_FIELD: 'url' });

    expect(secret.status).not.toBe(0);
    expect(secret.output).toMatch(/resource 'signed' has a problem: Property secret \(value hidden because it is secret\): .*secret has 15 characters/);
    expect(url.status).not.toBe(0);
    expect(url.output).toMatch(/resource 'basic-auth' has a problem: Property url \(value hidden because it contains credentials\): .*uses http to a public host/);
    for (const output of [secret.output, url.output]) {
      expect(output).not.toContain(SHORT_SECRET);
      expect(output).not.toContain(URL_PASSWORD);
    }
    passed();
  });
});
