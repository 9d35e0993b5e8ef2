/**
 * The webhooks of the example stacks: the same ones examples/webhooks.yaml declares for the CLI,
 * as a base declaration per webhook and, per stack, the fields that differ. A test compares the
 * two files, so change both together.
 */

/** One webhook of the example. */
export interface ExampleWebhook {
  readonly description?: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly active?: boolean;
  /** Whether deliveries are signed: the program then gives the webhook the stack's signing secret. */
  readonly signed?: boolean;
  /** Version of the signing secret; changing it sends the secret again. */
  readonly secretVersion?: number;
}

/** A stack's changes to one webhook; `enabled: false` leaves the webhook out of that stack. */
export interface ExampleOverride extends Partial<ExampleWebhook> {
  readonly enabled?: boolean;
}

/** The stacks of the example, each managing its own Ocrolus organization. */
export const STACKS = ['staging', 'prod'] as const;

export type StackName = (typeof STACKS)[number];

/** Base declaration of every webhook, by Pulumi resource name. */
export const WEBHOOKS: Readonly<Record<string, ExampleWebhook>> = {
  orders: {
    description: 'Book and document status for the orders service',
    url: 'https://hooks.example.com/ocrolus/orders',
    events: ['book.verified', 'book.completed', 'document.verification_failed'],
    signed: true,
    secretVersion: 1,
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

/** Per-stack changes to the base declaration. */
export const OVERRIDES: Readonly<Record<StackName, Readonly<Record<string, ExampleOverride>>>> = {
  staging: {
    orders: { url: 'https://staging-hooks.example.com/ocrolus/orders' },
    analytics: { url: 'https://staging-hooks.example.com/ocrolus/analytics' },
    // Declared but switched off in staging: it exists there, inactive, receiving nothing.
    'fraud-signals': { active: false },
  },
  prod: {},
};

/** True for the names of the example's stacks. */
export function isStackName(name: string): name is StackName {
  return (STACKS as readonly string[]).includes(name);
}

/** Lists the webhooks of one stack, with overrides applied and disabled ones left out. */
export function webhooksFor(stack: StackName): Record<string, ExampleWebhook> {
  const result: Record<string, ExampleWebhook> = {};
  for (const [name, base] of Object.entries(WEBHOOKS)) {
    const { enabled = true, ...fields } = OVERRIDES[stack][name] ?? {};
    if (enabled) result[name] = { ...base, ...fields };
  }
  return result;
}
