import type { CallOptions, WebhookApi } from '../client/types';
import { ApplyError } from './errors';
import type { ActionFailure } from './errors';
import type { Plan, PlannedAction } from './plan-types';
import type { ObservedWebhook, WebhookBinding } from './spec';
import { runAction } from './write';

export interface ApplyEvent {
  readonly phase: 'start' | 'done' | 'failed';
  readonly action: PlannedAction;
  /** Uuid of the webhook after the action (known after a create). */
  readonly uuid?: string;
  readonly error?: Error;
}

export interface ApplyOptions extends CallOptions {
  readonly onEvent?: (event: ApplyEvent) => void;
  /** How many webhooks of one organization are written at once; each webhook's own actions always run in order. Default 5. */
  readonly concurrency?: number;
}

export interface ApplyResult {
  readonly completed: readonly PlannedAction[];
  /** Bindings after the apply: created webhooks added, deleted ones removed, secret versions recorded. */
  readonly bindings: readonly WebhookBinding[];
  /** Webhooks as read back after their last write, by logical name. */
  readonly webhooks: Readonly<Record<string, ObservedWebhook>>;
}

/**
 * Runs a plan: deletions first (they free the organization's slots and URLs), then each webhook's
 * actions in order, several webhooks at once. Every write is read back and verified. On the first
 * failure no further webhook is started; webhooks already in progress finish their current action.
 * An ApplyError then reports every failure, what was done and what was not, with the bindings as
 * they stand.
 */
export async function applyPlan(api: WebhookApi, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const bindings = new Map(plan.matched.map((binding) => [binding.name, { ...binding }]));
  const webhooks: Record<string, ObservedWebhook> = {};
  const completed: PlannedAction[] = [];
  const failures: ActionFailure[] = [];
  const started = new Set<PlannedAction>();

  const runGroup = async (group: readonly PlannedAction[]) => {
    let uuid = group[0].uuid;
    let observed = group[0].observed;
    for (const action of group) {
      if (failures.length > 0) return;
      started.add(action);
      options.onEvent?.({ phase: 'start', action, ...(uuid ? { uuid } : {}) });
      try {
        const outcome = await runAction(api, { ...action, ...(uuid ? { uuid } : {}) }, observed, options, (createdUuid) => {
          // Recorded before any later step, so the new uuid reaches state even if the next step fails.
          uuid = createdUuid;
          bindings.set(action.name, { name: action.name, uuid: createdUuid });
        });
        uuid = outcome.uuid;
        observed = outcome.observed;
        recordOutcome(action, outcome, bindings, webhooks);
        completed.push({ ...action, uuid });
        options.onEvent?.({ phase: 'done', action, uuid });
      } catch (error) {
        failures.push({ action: { ...action, ...(uuid ? { uuid } : {}) }, error });
        options.onEvent?.({ phase: 'failed', action, ...(uuid ? { uuid } : {}), error: error as Error });
        return;
      }
    }
  };

  const deletes = plan.actions.filter((action) => action.kind === 'delete').map((action) => [action]);
  const others = groupByWebhook(plan.actions.filter((action) => action.kind !== 'delete'));
  await runConcurrently(deletes, options.concurrency ?? 5, runGroup);
  if (failures.length === 0) await runConcurrently(others, options.concurrency ?? 5, runGroup);

  if (failures.length > 0) {
    throw new ApplyError({
      organization: plan.organization,
      completed,
      failures,
      notStarted: plan.actions.filter((action) => !started.has(action)),
      bindings: [...bindings.values()],
      webhooks,
    });
  }
  return { completed, bindings: [...bindings.values()], webhooks };
}

function recordOutcome(
  action: PlannedAction,
  outcome: { uuid: string; observed?: ObservedWebhook; secretVersion?: string },
  bindings: Map<string, WebhookBinding>,
  webhooks: Record<string, ObservedWebhook>,
): void {
  if (action.kind === 'delete') {
    for (const [name, binding] of bindings) if (binding.uuid === outcome.uuid) bindings.delete(name);
    return;
  }

  const binding = bindings.get(action.name) ?? { name: action.name, uuid: outcome.uuid };
  const secretVersion = outcome.secretVersion ?? binding.secretVersion;
  bindings.set(action.name, { name: action.name, uuid: outcome.uuid, ...(secretVersion !== undefined ? { secretVersion } : {}) });
  if (outcome.observed) webhooks[action.name] = outcome.observed;
}

function groupByWebhook(actions: readonly PlannedAction[]): PlannedAction[][] {
  const groups = new Map<string, PlannedAction[]>();
  for (const action of actions) {
    const group = groups.get(action.name) ?? [];
    group.push(action);
    groups.set(action.name, group);
  }
  return [...groups.values()];
}

async function runConcurrently<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

