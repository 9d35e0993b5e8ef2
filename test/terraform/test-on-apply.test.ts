import type { WebhookApi } from '../../src/client/types';
import { attributePath } from '../../src/terraform/diagnostics';
import { silentLogger } from '../../src/terraform/log';
import { runTestOnApply } from '../../src/terraform/test-on-apply';

const UUID = '0b8f5a52-3c9e-4a44-9d7e-2f1f0c6d8e11';

/** Builds an API whose webhook is subscribed to `eventName` only and that never sends a test. */
function apiSubscribedTo(eventName: string): WebhookApi {
  const calls = {
    organization: 'staging-client',
    listWebhookEvents: async () => [{ uuid: 'event-uuid-1', name: eventName }],
    testWebhook: async () => {
      throw new Error('testWebhook must not be called for an event the webhook does not have');
    },
  };
  return calls as unknown as WebhookApi;
}

describe('runTestOnApply', () => {
  test('unsubscribed event points at test_on_apply.event', async () => {
    const [diagnostic] = await runTestOnApply({
      api: apiSubscribedTo('book.completed'),
      uuid: UUID,
      url: 'https://robot:url-password-planted@hooks.example.com/in',
      settings: { event: 'book.verified', failOnError: true },
      signal: new AbortController().signal,
      log: silentLogger,
    });

    expect(diagnostic.severity).toBe('ERROR');
    expect(diagnostic.summary).toBe('Test Event Not Subscribed');
    expect(diagnostic.attribute).toEqual(attributePath(['test_on_apply', 'event']));
    expect(diagnostic.detail).toContain(`Webhook ${UUID} (https://robot:***@hooks.example.com/in) in organization staging-client was applied, but no test was sent`);
    expect(diagnostic.detail).toContain('it is subscribed to book.completed');
    expect(diagnostic.detail).not.toContain('url-password-planted');
  });
});
