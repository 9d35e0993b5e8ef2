import type { FieldChange, ObservedWebhook, Plan, PlannedAction } from './core';
import { maskUrl } from './redact';

/** One field's change as the CLI shows it: URLs masked, secrets reduced to their versions. */
export interface FieldView {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
  /** Events only: names subscribed by this change. */
  readonly added?: readonly string[];
  /** Events only: names unsubscribed by this change. */
  readonly removed?: readonly string[];
  /** True for the signing secret, whose value is never shown; before and after are its versions. */
  readonly sensitive?: boolean;
}

/** A planned action as the CLI shows it. */
export interface ActionView {
  readonly kind: PlannedAction['kind'];
  readonly name: string;
  readonly uuid?: string;
  readonly reason?: string;
  readonly changes: readonly FieldView[];
}

/** An unmanaged webhook as the CLI shows it, URL masked. */
export interface UnmanagedView {
  readonly uuid: string;
  readonly url: string;
  readonly description: string | null;
  readonly active: boolean;
  readonly events: readonly string[];
}

/** Counts for the summary line, by webhook: a webhook with several update actions counts once. */
export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
}

/** A plan as the CLI shows it. */
export interface PlanView {
  readonly environment: string;
  readonly actions: readonly ActionView[];
  readonly unchanged: readonly string[];
  readonly unmanaged: readonly UnmanagedView[];
  readonly summary: PlanSummary;
  readonly hasChanges: boolean;
}

/** Builds the view of one environment's plan. */
export function viewPlan(environment: string, plan: Plan): PlanView {
  const actions = plan.actions.map(viewAction);
  return {
    environment,
    actions,
    unchanged: [...plan.unchanged],
    unmanaged: plan.unmanaged.map(viewUnmanaged),
    summary: summarize(plan.actions),
    hasChanges: plan.actions.length > 0,
  };
}

/**
 * Builds the view of one action. A create without field changes lists the declared values, and a
 * delete lists the values of the webhook it removes, so a reviewer can tell what is deleted.
 */
export function viewAction(action: PlannedAction): ActionView {
  let changes = action.changes.map(viewChange);
  if (action.kind === 'create' && changes.length === 0 && action.desired !== undefined) changes = desiredFields(action);
  if (action.kind === 'delete' && changes.length === 0 && action.observed !== undefined) changes = observedFields(action.observed);

  const view: ActionView = { kind: action.kind, name: action.name, changes };
  return {
    ...view,
    ...(action.uuid !== undefined ? { uuid: action.uuid } : {}),
    ...(action.reason !== undefined ? { reason: maskUrl(action.reason) } : {}),
  };
}

/** Counts webhooks to create, update and delete, as in "Plan: 1 to create, 1 to update, 0 to delete." */
export function summarize(actions: readonly PlannedAction[]): PlanSummary {
  // Each webhook has one logical name in a plan (an unmanaged webhook's name is its uuid).
  const kindsByName = new Map<string, Set<string>>();
  for (const action of actions) {
    const kinds = kindsByName.get(action.name) ?? new Set<string>();
    kinds.add(action.kind);
    kindsByName.set(action.name, kinds);
  }

  let create = 0;
  let update = 0;
  let remove = 0;
  for (const kinds of kindsByName.values()) {
    if (kinds.has('create')) create++;
    else if (kinds.has('delete')) remove++;
    else update++;
  }
  return { create, update, delete: remove };
}

function viewChange(change: FieldChange): FieldView {
  if (change.field === 'secret') return { field: 'secret', before: change.before, after: change.after, sensitive: true };
  if (change.field === 'url') return { field: 'url', before: maskValue(change.before), after: maskValue(change.after) };

  if (change.field === 'events') {
    const before = asList(change.before);
    const after = asList(change.after);
    return {
      field: 'events',
      before,
      after,
      added: after.filter((event) => !before.includes(event)),
      removed: before.filter((event) => !after.includes(event)),
    };
  }
  return { field: change.field, before: change.before, after: change.after };
}

function desiredFields(action: PlannedAction): FieldView[] {
  const desired = action.desired!;
  const fields: FieldView[] = [
    { field: 'url', before: null, after: maskUrl(desired.declaredUrl) },
    { field: 'events', before: [], after: [...desired.events], added: [...desired.events], removed: [] },
    { field: 'description', before: null, after: desired.description },
    { field: 'active', before: null, after: desired.active },
  ];
  if (desired.secret !== undefined) fields.push({ field: 'secret', before: null, after: desired.secretVersion ?? null, sensitive: true });
  return fields;
}

function observedFields(webhook: ObservedWebhook): FieldView[] {
  return [
    { field: 'url', before: maskUrl(webhook.url), after: null },
    { field: 'description', before: webhook.description, after: null },
    { field: 'events', before: [...webhook.events], after: [], added: [], removed: [...webhook.events] },
    { field: 'active', before: webhook.active, after: null },
  ];
}

function viewUnmanaged(webhook: ObservedWebhook): UnmanagedView {
  return { uuid: webhook.uuid, url: maskUrl(webhook.url), description: webhook.description, active: webhook.active, events: [...webhook.events] };
}

function maskValue(value: unknown): unknown {
  return typeof value === 'string' ? maskUrl(value) : value;
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
