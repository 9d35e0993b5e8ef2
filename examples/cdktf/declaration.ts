/**
 * The webhooks of the example, the same ones examples/webhooks.yaml declares for the CLI: a base
 * declaration per webhook, and per environment the fields that differ.
 */
// In your own app: import type { WebhookTestOnApply } from 'ocrolus-webhooks/cdktf';
import type { WebhookTestOnApply } from '../../src/cdktf';

/** One webhook as the example declares it. */
export interface ExampleWebhook {
  readonly description?: string;
  readonly url: string;
  readonly events: string[];
  readonly active?: boolean;
  /** Whether deliveries are signed: the stack then gives the webhook a signing secret. */
  readonly signed?: boolean;
  /** Version of the signing secret; changing it sends the secret again. */
  readonly secretVersion?: string;
  /** Test delivery after apply, such as `{ failOnError: true }` while trying a change in staging. */
  readonly testOnApply?: WebhookTestOnApply;
}

/** An environment's changes to one webhook; `enabled: false` leaves the webhook out. */
export interface ExampleOverride extends Partial<ExampleWebhook> {
  readonly enabled?: boolean;
}

/** Names of the environments, each an Ocrolus organization of its own and a stack here. */
export type EnvironmentName = 'staging' | 'prod';

export const ENVIRONMENTS: readonly EnvironmentName[] = ['staging', 'prod'];

/** Base declaration of every webhook, by logical name (which becomes the construct id). */
export const WEBHOOKS: Readonly<Record<string, ExampleWebhook>> = {
  orders: {
    description: 'Book and document status for the orders service',
    url: 'https://hooks.example.com/ocrolus/orders',
    events: ['book.verified', 'book.completed', 'document.verification_failed'],
    signed: true,
    secretVersion: '1',
  },
  analytics: {
    description: 'Analytics results for the risk team',
    url: 'https://hooks.example.com/ocrolus/analytics',
    events: ['book.analytics_v2.generated', 'book.income.generated'],
  },
  'fraud-signals': {
    description: 'Detect signals for the fraud review queue',
    url: 'https://fraud.example.com/ocrolus/detect',
    events: ['book.detect.signal_found', 'document.detect.signal_found'],
    active: true,
  },
};

/** Fields that differ per environment, by webhook name. */
export const OVERRIDES: Readonly<Record<EnvironmentName, Readonly<Record<string, ExampleOverride>>>> = {
  staging: {
    orders: { url: 'https://staging-hooks.example.com/ocrolus/orders' },
    analytics: { url: 'https://staging-hooks.example.com/ocrolus/analytics' },
    // Declared but switched off in staging: it exists there, inactive, receiving nothing.
    'fraud-signals': { active: false },
  },
  prod: {},
};

/**
 * Returns the webhooks of one environment, with overrides applied and disabled ones left out.
 * `overrides` defaults to the environment's entry in OVERRIDES.
 */
export function webhooksFor(environment: EnvironmentName, overrides: Readonly<Record<string, ExampleOverride>> = OVERRIDES[environment]): Record<string, ExampleWebhook> {
  const result: Record<string, ExampleWebhook> = {};
  for (const [name, base] of Object.entries(WEBHOOKS)) {
    const { enabled = true, ...fields } = overrides[name] ?? {};
    if (!enabled) continue;
    result[name] = { ...base, ...fields };
  }
  return result;
}
