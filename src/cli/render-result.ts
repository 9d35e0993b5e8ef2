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
  readonly environment: string;
  readonly completed: readonly PlannedAction[];
  /** Actions that failed or never started; empty when the apply finished. */
  readonly notDone: readonly PlannedAction[];
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

  if (outcome.notDone.length === 0) {
    lines.push(`Environment ${outcome.environment}: apply complete. ${countLine(completed)}`);
  } else {
    lines.push(`Environment ${outcome.environment}: apply stopped after ${completed.length} of ${completed.length + outcome.notDone.length} actions.`);
  }

  for (const action of completed) lines.push(`  ${action.result} ${action.name}${action.uuid !== undefined && action.uuid !== action.name ? ` (${action.uuid})` : ''}`);
  for (const action of outcome.notDone) lines.push(`  not done: ${action.kind} ${action.name}${action.uuid !== undefined && action.uuid !== action.name ? ` (${action.uuid})` : ''}`);
  return `${lines.join('\n')}\n`;
}

function countLine(completed: readonly CompletedView[]): string {
  const webhooks = (kinds: readonly string[]) => new Set(completed.filter((action) => kinds.includes(action.kind)).map((action) => action.name)).size;
  const created = webhooks(['create']);
  const deleted = webhooks(['delete']);
  const changed = new Set(completed.filter((action) => action.kind !== 'create' && action.kind !== 'delete').map((action) => action.name));
  for (const action of completed) if (action.kind === 'create') changed.delete(action.name);
  return `${created} created, ${changed.size} updated, ${deleted} deleted.`;
}
