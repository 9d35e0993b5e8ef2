import { ORGANIZATION, ordersInputs, removeAllWebhooks } from './support/fixtures';
import { initFailure, webhookUrn } from './support/host';
import { startHarness } from './support/harness';
import type { Harness } from './support/harness';

const ORG = ORGANIZATION.id;
const URN = webhookUrn('orders');

/** Wording of the CLI's next steps, which a Pulumi user cannot run. */
const CLI_WORDING = /plan again|apply again|run the plan|\bapply\b|Run it again|next run/i;

/** Returns the message the provider raised, without the gRPC status prefix ("2 UNKNOWN: ") that the engine drops too. */
function messageOf(error: unknown): string {
  const details = (error as { details?: unknown }).details;
  if (typeof details === 'string') return details;
  return error instanceof Error ? error.message : String(error);
}

describe('provider messages', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  beforeEach(() => {
    removeAllWebhooks(harness.emulator, ORG);
    harness.emulator.clearFaults();
    harness.emulator.setVariants({ ignoreActiveFlip: false });
  });

  test('duplicate url suggests adopt', async () => {
    await harness.host.create(URN, ordersInputs(harness.providerText));

    const message = await harness.host.create(webhookUrn('copy'), ordersInputs(harness.providerText, { name: 'copy' })).catch(messageOf);

    expect(message).toMatch(/The create of webhook copy in organization pulumi-test-client failed\./);
    expect(message).toMatch(/Failed: create of webhook copy: add webhook failed .*already exists.*\. To manage that webhook from this stack instead of adding one, add adopt: \{ url: "https:\/\/hooks\.example\.com\/ocrolus\/orders" \} to the arguments of Webhook copy, or declare another URL\./);
    expect(message).toMatch(/Fix the cause and run pulumi up again: it applies only what is left\.$/);
    expect(message).not.toMatch(CLI_WORDING);
  });

  test('duplicate url with credentials hides them', async () => {
    const url = 'https://hook-user:planted-duplicate-password@hooks.example.com/ocrolus/basic';
    await harness.host.create(URN, ordersInputs(harness.providerText, { url }));

    const message = await harness.host.create(webhookUrn('copy'), ordersInputs(harness.providerText, { name: 'copy', url })).catch(messageOf);

    expect(message).toMatch(/add adopt: \{ url \} with the same URL to the arguments of Webhook copy/);
    expect(message).not.toContain('planted-duplicate-password');
  });

  test('failed update names pulumi up', async () => {
    const created = await harness.host.create(URN, ordersInputs(harness.providerText));
    harness.emulator.injectFault({ kind: 'status', route: 'update', status: 400, code: 1003, message: 'description rejected' });

    const message = await harness.host.update(URN, created.id, created.properties, ordersInputs(harness.providerText, { description: 'Rejected by the emulator' })).catch(messageOf);

    expect(message).toMatch(new RegExp(`^The update of webhook orders in organization pulumi-test-client failed\\.\\n  Failed: update of webhook orders \\(uuid ${created.id}\\): .*description rejected.*\\n  Done: nothing\\.\\n  Fix the cause and run pulumi up again: it applies only what is left\\.$`));
    expect(message).not.toMatch(CLI_WORDING);
  });

  test('ignored flip names pulumi refresh', async () => {
    const created = await harness.host.create(URN, ordersInputs(harness.providerText));
    harness.emulator.setVariants({ ignoreActiveFlip: true });

    const message = await harness.host.update(URN, created.id, created.properties, ordersInputs(harness.providerText, { active: false })).catch(messageOf);

    expect(message).toMatch(/Failed: deactivate of webhook orders .*the API ignored the deactivation\..* Check the webhook in the Ocrolus Dashboard, then run pulumi refresh and pulumi up\./);
    expect(message).not.toMatch(CLI_WORDING);
  });

  test('update of a deleted webhook names refresh', async () => {
    const created = await harness.host.create(URN, ordersInputs(harness.providerText));
    harness.emulator.removeWebhook(ORG, created.id);

    const message = await harness.host.update(URN, created.id, created.properties, ordersInputs(harness.providerText, { description: 'Changed after the delete' })).catch(messageOf);

    expect(message).toBe(
      `Webhook orders (uuid ${created.id}) no longer exists in organization pulumi-test-client: it was deleted outside of Pulumi. Run pulumi refresh to drop it from the stack, then pulumi up to create it again.`,
    );
  });

  test('create that stopped after the add', async () => {
    harness.emulator.injectFault({ kind: 'status', route: 'rotate-secret', status: 400, code: 1003, message: 'secret_key rejected' });

    const error = await harness.host.create(URN, ordersInputs(harness.providerText, { secret: 'signing-secret-for-the-message-test' })).catch((failure: unknown) => failure);

    const uuid = initFailure(error)?.id;
    expect(messageOf(error)).toMatch(new RegExp(`Failed: create of webhook orders \\(uuid ${uuid}\\): rotate secret failed.*\\n  Done: nothing\\.\\n  The webhook was created \\(uuid ${uuid}\\) and is recorded in the stack\\. Fix the cause and run pulumi up again: it continues from this webhook\\.$`));
    expect(messageOf(error)).not.toMatch(CLI_WORDING);
  });

  test('failed delete names the command', async () => {
    const created = await harness.host.create(URN, ordersInputs(harness.providerText));
    harness.emulator.injectFault({ kind: 'status', route: 'delete', status: 400, code: 1003, message: 'delete rejected' });

    const message = await harness.host.delete(URN, created.id, created.properties).catch(messageOf);

    expect(message).toMatch(/^The delete of webhook orders in organization pulumi-test-client failed\./);
    expect(message).toMatch(/Fix the cause and run the same command again \(pulumi destroy, or pulumi up for a webhook removed from the program\)\.$/);
    expect(message).not.toMatch(CLI_WORDING);
  });
});
