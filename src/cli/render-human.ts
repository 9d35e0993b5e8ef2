import type { ActionView, FieldView, PlanView } from './plan-view';

const SYMBOLS: Record<ActionView['kind'], string> = {
  create: '+',
  deactivate: '~',
  update: '~',
  'set-secret': '~',
  activate: '~',
  delete: '-',
};

const LABELS: Record<ActionView['kind'], string> = {
  create: 'create',
  deactivate: 'deactivate',
  update: 'update',
  'set-secret': 'set secret',
  activate: 'activate',
  delete: 'delete',
};

/**
 * Renders one environment's plan the way Terraform prints one: a block per action, then a summary.
 * `command` words the empty plan: destroy has nothing to destroy rather than matching the declaration.
 */
export function renderPlan(view: PlanView, command: 'plan' | 'apply' | 'destroy' = 'plan'): string {
  const lines = [`Environment ${view.environment}:`];

  if (!view.hasChanges) {
    lines.push(
      command === 'destroy'
        ? `  No changes. Nothing to destroy: environment ${view.environment} has no webhook that this declaration manages.`
        : `  No changes. Environment ${view.environment} matches the declaration.`,
    );
  } else {
    for (const action of view.actions) lines.push('', ...renderAction(action));
  }

  if (view.unmanaged.length > 0) {
    const count = view.unmanaged.length;
    lines.push('', `  Note: ${count} webhook${count === 1 ? '' : 's'} in this organization ${count === 1 ? 'is' : 'are'} not declared and left alone (set "prune: true" to delete ${count === 1 ? 'it' : 'them'}):`);
    for (const webhook of view.unmanaged) lines.push(`    ${webhook.uuid} ${webhook.url}${webhook.active ? '' : ' (inactive)'}`);
  }

  if (view.hasChanges) {
    const { create, update, delete: remove } = view.summary;
    lines.push('', `  Plan: ${create} to create, ${update} to update, ${remove} to delete.`);
  }
  return `${lines.join('\n')}\n`;
}

function renderAction(action: ActionView): string[] {
  const target = action.uuid === undefined || action.uuid === action.name ? action.name : `${action.name} (${action.uuid})`;
  const lines = [`  ${SYMBOLS[action.kind]} ${LABELS[action.kind]} ${target}`];
  if (action.reason !== undefined) lines.push(`      # ${action.reason}`);

  const width = Math.max(0, ...action.changes.map((change) => change.field.length));
  for (const change of action.changes) lines.push(...renderChange(action, change, width));
  return lines;
}

function renderChange(action: ActionView, change: FieldView, width: number): string[] {
  const label = `      ${change.field.padEnd(width)}`;

  if (change.sensitive) {
    const versions = change.before === null || change.before === undefined ? formatVersion(change.after) : `${formatVersion(change.before)} -> ${formatVersion(change.after)}`;
    return [`${label} = (sensitive)${versions === '' ? '' : ` version ${versions}`}`];
  }

  if (change.field === 'events' && action.kind !== 'create' && action.kind !== 'delete') {
    return [
      ...(change.added ?? []).map((event) => `${label} + ${event}`),
      ...(change.removed ?? []).map((event) => `${label} - ${event}`),
    ];
  }

  if (action.kind === 'create') return [`${label} = ${formatValue(change.after)}`];
  if (action.kind === 'delete') return [`${label} = ${formatValue(change.before)}`];
  return [`${label} = ${formatValue(change.before)} -> ${formatValue(change.after)}`];
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function formatVersion(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
