import type { NormalizedSpec, WebhookSpec } from './spec';
import { normalizeUrl } from './url';

/** Deduplicates and sorts event names: the API treats the subscription as a set. */
export function normalizeEvents(events: readonly string[]): string[] {
  return [...new Set(events.map((name) => name.trim()))].sort();
}

/** Maps an absent description to null, which the API treats the same. */
export function normalizeDescription(description: string | null | undefined): string | null {
  return description === undefined || description === null ? null : description;
}

/** Versions compare as strings, so `1` and `"1"` are the same version. */
export function normalizeSecretVersion(spec: Pick<WebhookSpec, 'secret' | 'secretVersion'>): string | undefined {
  if (spec.secretVersion !== undefined && spec.secretVersion !== null) return String(spec.secretVersion);

  // A secret declared without a version is version "1", so that adding a version later is no change.
  return spec.secret === undefined ? undefined : '1';
}

/** Fills in defaults and the comparison forms. Call after validation: it does not check anything. */
export function normalizeSpec(spec: WebhookSpec): NormalizedSpec {
  return {
    name: spec.name,
    url: normalizeUrl(spec.url),
    declaredUrl: spec.url.trim(),
    events: normalizeEvents(spec.events),
    description: normalizeDescription(spec.description),
    active: spec.active ?? true,
    secret: spec.secret,
    secretVersion: normalizeSecretVersion(spec),
  };
}
