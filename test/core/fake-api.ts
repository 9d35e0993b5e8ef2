import { OcrolusNotFoundError } from '../../src/client/errors';
import type { AddWebhookInput, ApiEvent, ApiWebhook, TestWebhookResult, UpdateWebhookInput, WebhookApi } from '../../src/client/types';

interface StoredWebhook { uuid: string; url: string; description: string | null; isActive: boolean; events: string[]; secret?: string }

/** An in-memory WebhookApi for unit tests of the core: it records every call. */
export class FakeApi implements WebhookApi {
  readonly organization = 'test-org';
  readonly calls: string[] = [];
  readonly webhooks = new Map<string, StoredWebhook>();
  /** When set, activate and deactivate calls succeed without changing anything. */
  ignoreActiveFlip = false;
  /** Fails the named operation with this error on its next call. */
  failNext = new Map<string, Error>();
  private counter = 0;

  seed(webhook: Omit<StoredWebhook, 'uuid'> & { uuid?: string }): StoredWebhook {
    const stored = { ...webhook, uuid: webhook.uuid ?? `uuid-${++this.counter}` };
    this.webhooks.set(stored.uuid, stored);
    return stored;
  }

  async listWebhooks(): Promise<ApiWebhook[]> {
    this.record('listWebhooks');
    return [...this.webhooks.values()].map(toApi);
  }

  async getWebhook(uuid: string): Promise<ApiWebhook> {
    this.record('getWebhook', uuid);
    return toApi(this.find('getWebhook', uuid));
  }

  async addWebhook(input: AddWebhookInput): Promise<{ uuid: string }> {
    this.record('addWebhook');
    const stored = this.seed({ url: input.url, description: input.description ?? null, isActive: input.isActive ?? true, events: [...input.eventNames] });
    return { uuid: stored.uuid };
  }

  async updateWebhook(uuid: string, input: UpdateWebhookInput): Promise<void> {
    this.record('updateWebhook', uuid);
    const stored = this.find('updateWebhook', uuid);
    if (input.url !== undefined) stored.url = input.url;
    if (input.description !== undefined) stored.description = input.description;
    if (input.eventNames !== undefined) stored.events = [...input.eventNames];
    if (input.isActive !== undefined && !this.ignoreActiveFlip) stored.isActive = input.isActive;
  }

  async activateWebhook(uuid: string): Promise<void> {
    this.record('activateWebhook', uuid);
    const stored = this.find('activateWebhook', uuid);
    if (!this.ignoreActiveFlip) stored.isActive = true;
  }

  async deactivateWebhook(uuid: string): Promise<void> {
    this.record('deactivateWebhook', uuid);
    const stored = this.find('deactivateWebhook', uuid);
    if (!this.ignoreActiveFlip) stored.isActive = false;
  }

  async deleteWebhook(uuid: string): Promise<void> {
    this.record('deleteWebhook', uuid);
    this.find('deleteWebhook', uuid);
    this.webhooks.delete(uuid);
  }

  async listWebhookEvents(uuid: string): Promise<ApiEvent[]> {
    this.record('listWebhookEvents', uuid);
    return this.find('listWebhookEvents', uuid).events.map((name) => ({ uuid: `event-${name}`, name }));
  }

  async testWebhook(uuid: string, eventUuid: string): Promise<TestWebhookResult> {
    this.record('testWebhook', uuid);
    this.find('testWebhook', uuid);
    return { requestUuid: `request-for-${eventUuid}`, delivery: { status: 200, headers: { 'Webhook-Signature': 'abc', 'Content-Type': 'application/json' }, body: '{}' } };
  }

  async rotateSecret(uuid: string, secretKey: string): Promise<void> {
    this.record('rotateSecret', uuid);
    this.find('rotateSecret', uuid).secret = secretKey;
  }

  private record(operation: string, uuid?: string): void {
    this.calls.push(uuid ? `${operation} ${uuid}` : operation);
    const failure = this.failNext.get(operation);
    if (failure) {
      this.failNext.delete(operation);
      throw failure;
    }
  }

  private find(operation: string, uuid: string): StoredWebhook {
    const stored = this.webhooks.get(uuid);
    if (!stored) throw new OcrolusNotFoundError('OCR_NOT_FOUND', 'webhook not found', { operation, organization: this.organization, uuid, httpStatus: 404 });
    return stored;
  }
}

function toApi(stored: StoredWebhook): ApiWebhook {
  return { uuid: stored.uuid, url: stored.url, description: stored.description, isActive: stored.isActive };
}
