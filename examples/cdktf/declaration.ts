/**
 * The webhooks of the example, the same ones examples/webhooks.yaml declares for the CLI: a base
 * declaration per webhook, and per environment the fields that differ.
 */

/** One webhook as the example declares it; the signing secret is added by the stack. */
export interface ExampleWebhook {
  readonly description?: string;
  readonly url: string;
  readonly events: string[];
  readonly active?: boolean;
  readonly secretVersion?: string;
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
    active: true,
    secretVersion: '1',
  },
  analytics: {
    description: 'Analytics results for the underwriting service',
    url: 'https://hooks.example.com/ocrolus/analytics',
    events: ['book.analytics_v2.generated', 'book.income.generated'],
    secretVersion: '1',
  },
};

/** What differs per environment. */
export const OVERRIDES: Readonly<Record<EnvironmentName, Readonly<Record<string, ExampleOverride>>>> = {
  staging: {
    orders: { url: 'https://staging-hooks.example.com/ocrolus/orders' },
    analytics: { url: 'https://staging-hooks.example.com/ocrolus/analytics', active: false },
  },
  prod: {},
};

/** The webhooks of one environment, overrides applied and disabled ones left out. */
export function webhooksFor(environment: EnvironmentName): Record<string, ExampleWebhook> {
  const result: Record<string, ExampleWebhook> = {};
  for (const [name, base] of Object.entries(WEBHOOKS)) {
    const { enabled = true, ...fields } = OVERRIDES[environment][name] ?? {};
    if (!enabled) continue;
    result[name] = { ...base, ...fields };
  }
  return result;
}
