import type { FieldChange } from './plan-types';
import type { NormalizedSpec, ObservedWebhook } from './spec';
import { normalizeUrl } from './url';

/**
 * The semantic comparison rules, in one place: events compare as sets, URLs in their normalized
 * form, an absent description equals null. The signing secret is write-only, so it is compared
 * by version only, never against anything the API returns.
 */

export function sameEvents(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((name) => right.has(name));
}

export function sameUrl(a: string, b: string): boolean {
  return normalizeUrl(a) === normalizeUrl(b);
}

/** Field changes (other than `active` and `secret`) that an update call makes. */
export function updateChanges(desired: NormalizedSpec, observed: ObservedWebhook): FieldChange[] {
  const changes: FieldChange[] = [];
  if (!sameUrl(desired.declaredUrl, observed.url)) changes.push({ field: 'url', before: observed.url, after: desired.declaredUrl });
  if (desired.description !== observed.description) changes.push({ field: 'description', before: observed.description, after: desired.description });
  if (!sameEvents(desired.events, observed.events)) changes.push({ field: 'events', before: observed.events, after: desired.events });
  return changes;
}

/** True when the declared secret has not been sent at this version yet. */
export function secretChanged(desired: NormalizedSpec, sentVersion: string | undefined): boolean {
  return desired.secret !== undefined && desired.secretVersion !== sentVersion;
}

/**
 * Semantic field changes between two declarations, for engines that compare old inputs with new
 * ones (Pulumi diff, Terraform plan). `sentSecretVersion` is the secret version last sent, or
 * undefined when no secret was ever sent. It is a separate argument because the declared version
 * of `before` may never have reached the API.
 */
export function diffSpecs(before: NormalizedSpec, after: NormalizedSpec, sentSecretVersion: string | undefined): FieldChange[] {
  const beforeSecretVersion = sentSecretVersion;
  const changes: FieldChange[] = [];
  if (!sameUrl(before.declaredUrl, after.declaredUrl)) changes.push({ field: 'url', before: before.declaredUrl, after: after.declaredUrl });
  if (before.description !== after.description) changes.push({ field: 'description', before: before.description, after: after.description });
  if (!sameEvents(before.events, after.events)) changes.push({ field: 'events', before: before.events, after: after.events });
  if (before.active !== after.active) changes.push({ field: 'active', before: before.active, after: after.active });
  if (secretChanged(after, beforeSecretVersion)) changes.push({ field: 'secret', before: beforeSecretVersion ?? null, after: after.secretVersion ?? null });
  return changes;
}
