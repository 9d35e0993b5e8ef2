import type { PlannedAction, WebhookBinding } from './core';

const PAST_TENSE: Record<PlannedAction['kind'], string> = {
  create: 'created',
  deactivate: 'deactivated',
  update: 'updated',
  'set-secret': 'secret set',
  activate: 'activated',
  delete: 'deleted',
};

/** Result of one environment's apply, whether it finished or stopped part way. */
export interface ApplyOutcome {
  /** Command that applied the plan, which names the run in the result line. */
  readonly command: 'apply' | 'destroy';
  readonly environment: string;
  /** Number of actions in the plan. */
  readonly planned: number;
  readonly completed: readonly PlannedAction[];
  /** Actions that were started and failed; empty when the apply finished. */
  readonly failed: readonly PlannedAction[];
  /** Actions never started because the apply stopped; empty when it finished. */
  readonly notStarted: readonly PlannedAction[];
  readonly bindings: readonly WebhookBinding[];
}

/** One completed action as the CLI reports it. */
export interface CompletedView {
  readonly kind: PlannedAction['kind'];
  /** Past tense of the action: created, updated, activated, deactivated, secret set, deleted. */
  readonly result: string;
  readonly name: string;
  readonly uuid?: string;
}

/** Lists the completed actions with the uuid each webhook has after the apply. */
export function viewCompleted(outcome: ApplyOutcome): CompletedView[] {
  return outcome.completed.map((action) => {
    const uuid = action.uuid ?? outcome.bindings.find((binding) => binding.name === action.name)?.uuid;
    return { kind: action.kind, result: PAST_TENSE[action.kind], name: action.name, ...(uuid !== undefined ? { uuid } : {}) };
  });
}

/** Renders what an apply did: one line per completed action, then what was left undone. */
export function renderApplyOutcome(outcome: ApplyOutcome): string {
  const completed = viewCompleted(outcome);
  const lines: string[] = [];

  const { command, planned } = outcome;
  if (outcome.failed.length === 0 && outcome.notStarted.length === 0) {
    lines.push(`Environment ${outcome.environment}: ${command} complete. ${command === 'destroy' ? `${completed.length} deleted.` : countLine(completed)}`);
  } else {
    lines.push(
      `Environment ${outcome.environment}: ${command} stopped with ${completed.length} of ${planned} ${planned === 1 ? 'action' : 'actions'} done, ` +
        `${outcome.failed.length} failed and ${outcome.notStarted.length} not started.`,
    );
  }

  for (const action of completed) lines.push(`  ${action.result} ${action.name}${target(action)}`);
  for (const action of outcome.failed) lines.push(`  failed: ${action.kind} ${action.name}${target(action)}`);
  for (const action of outcome.notStarted) lines.push(`  not started: ${action.kind} ${action.name}${target(action)}`);
  return `${lines.join('\n')}\n`;
}

/** Formats the uuid in brackets, or nothing when the action's name is the uuid. */
function target(action: { readonly name: string; readonly uuid?: string }): string {
  return action.uuid !== undefined && action.uuid !== action.name ? ` (${action.uuid})` : '';
}

function countLine(completed: readonly CompletedView[]): string {
  const webhooks = (kinds: readonly string[]) => new Set(completed.filter((action) => kinds.includes(action.kind)).map((action) => action.name)).size;
  const created = webhooks(['create']);
  const deleted = webhooks(['delete']);
  const changed = new Set(completed.filter((action) => action.kind !== 'create' && action.kind !== 'delete').map((action) => action.name));
  for (const action of completed) if (action.kind === 'create') changed.delete(action.name);
  return `${created} created, ${changed.size} updated, ${deleted} deleted.`;
}
