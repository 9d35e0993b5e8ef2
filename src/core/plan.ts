import { secretChanged, updateChanges } from './diff';
import { ValidationError } from './diagnostics';
import { normalizeSpec } from './normalize';
import type { Plan, PlannedAction } from './plan-types';
import type { NormalizedSpec, ObservedWebhook, WebhookBinding, WebhookSpec } from './spec';
import { LIMITS, validateOrganization } from './validate';
import { normalizeUrl } from './url';

/**
 * Returns the actions that turn `observed` into `desired` for one webhook, in the order they must
 * run: deactivate first, then the update and the secret, and activate last, so that no delivery
 * goes to a URL or event set the declaration does not hold.
 */
export function planWebhook(desired: NormalizedSpec | undefined, observed: ObservedWebhook | undefined, binding?: WebhookBinding): PlannedAction[] {
  if (!desired && !observed) return [];

  if (!observed) {
    const spec = desired as NormalizedSpec;
    const reason = binding ? 'deleted outside of code' : undefined;
    const changes = [
      { field: 'url' as const, before: null, after: spec.declaredUrl },
      { field: 'description' as const, before: null, after: spec.description },
      { field: 'events' as const, before: null, after: spec.events },
      { field: 'active' as const, before: null, after: spec.active },
      ...(spec.secret !== undefined ? [{ field: 'secret' as const, before: null, after: spec.secretVersion ?? null }] : []),
    ];
    return [{ kind: 'create', name: spec.name, changes, desired: spec, ...(reason ? { reason } : {}) }];
  }

  if (!desired) {
    const name = binding?.name ?? observed.uuid;
    return [{ kind: 'delete', name, uuid: observed.uuid, changes: [], observed }];
  }

  const actions: PlannedAction[] = [];
  const base = { name: desired.name, uuid: observed.uuid, desired, observed };
  if (!desired.active && observed.active) {
    actions.push({ ...base, kind: 'deactivate', changes: [{ field: 'active', before: true, after: false }] });
  }

  const changes = updateChanges(desired, observed);
  if (changes.length > 0) actions.push({ ...base, kind: 'update', changes });

  if (secretChanged(desired, binding?.secretVersion)) {
    const reason = binding?.secretVersion === undefined ? 'no secret version is recorded for this webhook' : undefined;
    actions.push({ ...base, kind: 'set-secret', changes: [{ field: 'secret', before: binding?.secretVersion ?? null, after: desired.secretVersion ?? null }], ...(reason ? { reason } : {}) });
  }

  if (desired.active && !observed.active) {
    actions.push({ ...base, kind: 'activate', changes: [{ field: 'active', before: false, after: true }] });
  }
  return actions;
}

export interface PlanOrganizationInput {
  /** Label of the organization, for messages. */
  readonly organization: string;
  readonly desired: readonly WebhookSpec[];
  readonly observed: readonly ObservedWebhook[];
  /** Bindings the front end recorded at the last apply; empty on a fresh checkout. */
  readonly bindings: readonly WebhookBinding[];
  /** Delete webhooks on the server that no declared webhook matches. */
  readonly prune?: boolean;
}

/**
 * Plans one organization. Each declared webhook is matched to an existing one by, in turn, the
 * uuid recorded in its binding, its normalized URL, and a description that identifies exactly one
 * webhook on each side. The last rule lets a changed URL be updated in place without recorded state.
 * Throws ValidationError when the declaration is invalid; nothing is planned then.
 */
export function planOrganization(input: PlanOrganizationInput): Plan {
  const diagnostics = validateOrganization(input.desired);
  if (diagnostics.some((d) => d.severity === 'error')) throw new ValidationError(diagnostics);

  const desired = input.desired.map(normalizeSpec);
  const matches = matchWebhooks(desired, input.observed, input.bindings);
  const claimed = new Set([...matches.values()].map((webhook) => webhook.uuid));
  const bindingByName = new Map(input.bindings.map((binding) => [binding.name, binding]));
  const declaredNames = new Set(desired.map((spec) => spec.name));

  const deletes: PlannedAction[] = [];
  const unmanaged: ObservedWebhook[] = [];
  for (const webhook of input.observed) {
    if (claimed.has(webhook.uuid)) continue;

    const binding = input.bindings.find((b) => b.uuid === webhook.uuid && !declaredNames.has(b.name));
    if (binding) deletes.push(...planWebhook(undefined, webhook, binding).map((a) => ({ ...a, reason: 'removed from the declaration' })));
    else if (input.prune) deletes.push(...planWebhook(undefined, webhook).map((a) => ({ ...a, reason: 'not in the declaration, and prune is on' })));
    else unmanaged.push(webhook);
  }

  const remaining = input.observed.length - deletes.length;
  const creates = desired.filter((spec) => !matches.has(spec.name)).length;
  if (remaining + creates > LIMITS.maxWebhooksPerOrganization) {
    throw new ValidationError([{
      severity: 'error',
      summary: 'Organization Webhook Limit Reached',
      detail:
        `Organization ${input.organization} would have ${remaining + creates} webhooks after this plan, but Ocrolus allows ${LIMITS.maxWebhooksPerOrganization}. ` +
        `${unmanaged.length} existing webhook(s) are not in the declaration (${unmanaged.map((w) => w.uuid).join(', ')}): adopt them with import, delete them, or turn on prune.`,
      path: [],
    }]);
  }

  const actions: PlannedAction[] = [...deletes];
  const unchanged: string[] = [];
  const matched: WebhookBinding[] = [];
  for (const spec of desired) {
    const observed = matches.get(spec.name);
    const binding = bindingByName.get(spec.name);
    const sameWebhook = observed !== undefined && binding?.uuid === observed.uuid;
    // A binding counts when it names the matched webhook, or when its webhook was deleted outside
    // of code. A binding to another webhook does not apply to this one.
    let effectiveBinding: WebhookBinding | undefined;
    if (sameWebhook || (binding && !observed)) effectiveBinding = binding;

    const planned = planWebhook(spec, observed, effectiveBinding);
    if (planned.length === 0) unchanged.push(spec.name);
    else actions.push(...planned);

    if (observed) matched.push({ name: spec.name, uuid: observed.uuid, ...(sameWebhook && binding?.secretVersion !== undefined ? { secretVersion: binding.secretVersion } : {}) });
  }

  return { organization: input.organization, actions, unchanged, unmanaged, matched };
}

function matchWebhooks(desired: readonly NormalizedSpec[], observed: readonly ObservedWebhook[], bindings: readonly WebhookBinding[]): Map<string, ObservedWebhook> {
  const matches = new Map<string, ObservedWebhook>();
  const free = new Map(observed.map((webhook) => [webhook.uuid, webhook]));
  const claim = (name: string, webhook: ObservedWebhook | undefined) => {
    if (!webhook || matches.has(name)) return;
    matches.set(name, webhook);
    free.delete(webhook.uuid);
  };

  for (const spec of desired) {
    const binding = bindings.find((b) => b.name === spec.name);
    if (binding) claim(spec.name, free.get(binding.uuid));
  }

  for (const spec of desired) {
    if (matches.has(spec.name)) continue;
    claim(spec.name, [...free.values()].find((webhook) => normalizeUrl(webhook.url) === spec.url));
  }

  for (const spec of desired) {
    if (matches.has(spec.name) || spec.description === null) continue;
    const sameDescription = [...free.values()].filter((webhook) => webhook.description === spec.description);
    const declaredTwice = desired.filter((other) => !matches.has(other.name) && other.description === spec.description).length > 1;
    if (sameDescription.length === 1 && !declaredTwice) claim(spec.name, sameDescription[0]);
  }

  return matches;
}
