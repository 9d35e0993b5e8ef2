import { EVENT_NAMES, isKnownEvent, suggestEvent } from './catalog';
import type { Diagnostic, DiagnosticPath } from './diagnostics';
import type { WebhookSpec } from './spec';
import { hasTopLevelDomain, isLocalHost, maskUrl, normalizeUrl } from './url';

/** The API's limits, in one place so the docs, the schemas and the messages agree. */
export const LIMITS = {
  maxWebhooksPerOrganization: 5,
  descriptionMinLength: 3,
  descriptionMaxLength: 255,
  secretMinLength: 16,
  secretMaxLength: 128,
} as const;

/** Predicate for values not known yet (Pulumi outputs, CDKTF tokens); validation skips them. */
export type IsUnknown = (value: unknown) => boolean;

export interface ValidateOptions {
  /** Prefix of every diagnostic path, such as `["webhooks", "orders"]`. */
  readonly path?: DiagnosticPath;
  readonly isUnknown?: IsUnknown;
  /**
   * Spelling of a spec field in the front end's own language, for messages, such as
   * `secret_version` for Terraform. Defaults to the spec's camelCase names.
   */
  readonly fieldName?: (field: string) => string;
}

const FIELDS = ['name', 'url', 'events', 'description', 'active', 'secret', 'secretVersion'] as const;

/**
 * Checks one webhook field by field. The input may come straight from an engine, so any field may
 * have the wrong type or be unknown; unknown values are skipped, never rejected.
 */
export function validateWebhook(spec: Readonly<Record<string, unknown>>, options: ValidateOptions = {}): Diagnostic[] {
  const isUnknown = options.isUnknown ?? (() => false);
  const at = (field: string, ...rest: Array<string | number>): DiagnosticPath => [...(options.path ?? []), field, ...rest];
  const named = typeof spec.name === 'string' && spec.name !== '';
  const subject = named ? `Webhook "${spec.name}"` : 'The webhook';
  // Messages start with the webhook's name when there is one; engines that validate one resource
  // without a name attach the message to the attribute instead.
  const label = named ? `${subject}: ` : '';
  const field = options.fieldName ?? ((name: string) => name);
  const diagnostics: Diagnostic[] = [];
  const error = (path: DiagnosticPath, summary: string, detail: string) =>
    diagnostics.push({ severity: 'error', summary, detail, path });

  for (const key of Object.keys(spec)) {
    if (!(FIELDS as readonly string[]).includes(key) && spec[key] !== undefined) {
      error(at(key), 'Unknown Webhook Field', `${subject} has an unknown field "${key}". Known fields: ${FIELDS.map(field).join(', ')}.`);
    }
  }

  if (!isUnknown(spec.url)) validateUrl(spec.url, label, at('url'), error);
  if (!isUnknown(spec.events)) validateEvents(spec.events, label, at, isUnknown, diagnostics);
  if (!isUnknown(spec.description)) validateDescription(spec.description, label, at('description'), error);

  if (spec.active !== undefined && !isUnknown(spec.active) && typeof spec.active !== 'boolean') {
    error(at('active'), 'Invalid Active Flag', `${label}active must be true or false, not ${describe(spec.active)}.`);
  }

  if (spec.secret !== undefined && !isUnknown(spec.secret)) validateSecret(spec.secret, label, at('secret'), error);
  if (spec.secretVersion !== undefined && spec.secretVersion !== null && !isUnknown(spec.secretVersion)) {
    const version = spec.secretVersion;
    if (!(typeof version === 'string' && version.trim() !== '') && !(typeof version === 'number' && Number.isFinite(version))) {
      error(at('secretVersion'), 'Invalid Secret Version', `${label}${field('secretVersion')} must be a non-empty string or a number, not ${describe(version)}.`);
    } else if (spec.secret === undefined) {
      error(at('secretVersion'), 'Secret Version Without Secret', `${label}${field('secretVersion')} is set but ${field('secret')} is not. Set ${field('secret')} as well, or remove ${field('secretVersion')}.`);
    }
  }

  return diagnostics;
}

/**
 * Checks one organization's declaration: each webhook, then the rules across webhooks (at most 5
 * webhooks, unique names, unique URLs after normalization).
 */
export function validateOrganization(specs: readonly WebhookSpec[], options: ValidateOptions = {}): Diagnostic[] {
  const prefix = options.path ?? [];
  const isUnknown = options.isUnknown ?? (() => false);
  const diagnostics: Diagnostic[] = [];

  for (const spec of specs) {
    diagnostics.push(...validateWebhook(spec as unknown as Record<string, unknown>, { ...options, path: [...prefix, spec.name] }));
  }

  if (specs.length > LIMITS.maxWebhooksPerOrganization) {
    const extra = specs.slice(LIMITS.maxWebhooksPerOrganization).map((s) => s.name);
    diagnostics.push({
      severity: 'error',
      summary: 'Too Many Webhooks',
      detail:
        `${specs.length} webhooks are declared, but an Ocrolus organization holds at most ${LIMITS.maxWebhooksPerOrganization}. ` +
        `Remove ${specs.length - LIMITS.maxWebhooksPerOrganization} of them (${extra.join(', ')} ${extra.length === 1 ? 'is' : 'are'} past the limit), or subscribe one webhook to more events.`,
      path: [...prefix, extra[0]],
    });
  }

  const byName = new Map<string, number>();
  const byUrl = new Map<string, string>();
  for (const spec of specs) {
    byName.set(spec.name, (byName.get(spec.name) ?? 0) + 1);
    if (byName.get(spec.name) === 2) {
      diagnostics.push({ severity: 'error', summary: 'Duplicate Webhook Name', detail: `The name "${spec.name}" is used by more than one webhook. Give each webhook its own name.`, path: [...prefix, spec.name] });
    }

    if (typeof spec.url !== 'string' || isUnknown(spec.url)) continue;
    const key = normalizeUrl(spec.url);
    const other = byUrl.get(key);
    if (other !== undefined) {
      const detail = `Webhooks "${other}" and "${spec.name}" have the same URL ${maskUrl(spec.url)}, but Ocrolus requires a unique URL per organization. Merge their events into one webhook, or give each its own URL.`;
      diagnostics.push({ severity: 'error', summary: 'Duplicate Webhook URL', detail, path: [...prefix, other, 'url'] });
      diagnostics.push({ severity: 'error', summary: 'Duplicate Webhook URL', detail, path: [...prefix, spec.name, 'url'] });
    } else {
      byUrl.set(key, spec.name);
    }
  }

  return diagnostics;
}

type ReportError = (path: DiagnosticPath, summary: string, detail: string) => void;

function validateUrl(url: unknown, label: string, path: DiagnosticPath, error: ReportError): void {
  if (typeof url !== 'string' || url.trim() === '') {
    error(path, 'Missing Webhook URL', `${label}url is required and must be a string, such as https://hooks.example.com/ocrolus.`);
    return;
  }

  const trimmed = url.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    error(path, 'URL Without Scheme', `${label}url ${maskUrl(trimmed)} has no scheme. Write it as https://${maskUrl(trimmed).replace(/^\/*/, '')}.`);
    return;
  }

  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    error(path, 'Invalid Webhook URL', `${label}url ${maskUrl(trimmed)} is not a valid URL.`);
    return;
  }

  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    error(path, 'Unsupported URL Scheme', `${label}url ${maskUrl(trimmed)} uses ${parsed.protocol.slice(0, -1)}, but Ocrolus delivers only to https URLs (or http to loopback and private hosts).`);
    return;
  }
  if (!hasTopLevelDomain(parsed.hostname)) {
    error(path, 'URL Without Top-Level Domain', `${label}the host "${parsed.hostname}" of url ${maskUrl(trimmed)} has no top-level domain. Use a fully qualified name such as ${parsed.hostname}.example.com.`);
  } else if (parsed.protocol === 'http:' && !isLocalHost(parsed.hostname)) {
    error(path, 'Insecure Webhook URL', `${label}url ${maskUrl(trimmed)} uses http to a public host, which would send deliveries unencrypted. Use https://${parsed.host}${parsed.pathname}.`);
  }
  if ((parsed.username === '') !== (parsed.password === '')) {
    error(path, 'Incomplete URL Credentials', `${label}url ${maskUrl(trimmed)} embeds a username without a password (or the reverse). Use https://user:password@host/path, or no credentials.`);
  }
}

function validateEvents(
  events: unknown,
  label: string,
  at: (field: string, ...rest: Array<string | number>) => DiagnosticPath,
  isUnknown: IsUnknown,
  diagnostics: Diagnostic[],
): void {
  if (events === undefined || events === null) {
    diagnostics.push({ severity: 'error', summary: 'Missing Webhook Events', detail: `${label}events is required: a list of event names, such as [book.verified].`, path: at('events') });
    return;
  }
  if (!Array.isArray(events)) {
    diagnostics.push({ severity: 'error', summary: 'Invalid Webhook Events', detail: `${label}events must be a list of event names, such as [book.verified], not ${describe(events)}.`, path: at('events') });
    return;
  }
  if (events.length === 0) {
    diagnostics.push({ severity: 'error', summary: 'Empty Event List', detail: `${label}events is empty, but a webhook needs at least one event. Ocrolus has no wildcard; list each event, for example book.verified.`, path: at('events') });
    return;
  }

  const seen = new Set<string>();
  events.forEach((name: unknown, index) => {
    if (isUnknown(name)) return;
    if (typeof name !== 'string') {
      diagnostics.push({ severity: 'error', summary: 'Invalid Event Name', detail: `${label}events[${index}] must be a string, not ${describe(name)}.`, path: at('events', index) });
      return;
    }

    if (!isKnownEvent(name.trim())) {
      const suggestion = name.includes('*') ? undefined : suggestEvent(name);
      let hint = suggestion ? ` Did you mean "${suggestion}"?` : ` Known events: ${EVENT_NAMES.join(', ')}.`;
      if (name.includes('*')) hint = ` Ocrolus has no wildcard events, so list each event by name.${hint}`;
      diagnostics.push({ severity: 'error', summary: 'Unknown Event', detail: `${label}"${name}" is not an Ocrolus organization-level event.${hint}`, path: at('events', index) });
    } else if (seen.has(name.trim())) {
      diagnostics.push({ severity: 'warning', summary: 'Duplicate Event', detail: `${label}"${name}" is listed more than once; it is subscribed once.`, path: at('events', index) });
    }
    seen.add(name.trim());
  });
}

function validateDescription(description: unknown, label: string, path: DiagnosticPath, error: ReportError): void {
  if (description === undefined || description === null) return;
  if (typeof description !== 'string') {
    error(path, 'Invalid Description', `${label}description must be a string or null, not ${describe(description)}.`);
    return;
  }

  const { descriptionMinLength: min, descriptionMaxLength: max } = LIMITS;
  if (description.trim() === '') {
    error(path, 'Blank Description', `${label}description contains only whitespace. Omit it, or write at least ${min} visible characters.`);
    return;
  }
  if (description.length < min || description.length > max) {
    error(path, 'Invalid Description Length', `${label}description has ${description.length} characters, but Ocrolus accepts ${min} to ${max}. Omit it, or write ${description.length < min ? 'a longer' : 'a shorter'} one.`);
  }
}

function validateSecret(secret: unknown, label: string, path: DiagnosticPath, error: ReportError): void {
  if (typeof secret !== 'string') {
    error(path, 'Invalid Secret', `${label}secret must be a string.`);
    return;
  }

  const { secretMinLength: min, secretMaxLength: max } = LIMITS;
  if (secret.length < min || secret.length > max) {
    error(path, 'Invalid Secret Length', `${label}secret has ${secret.length} characters, but Ocrolus accepts ${min} to ${max}. Generate one with: openssl rand -hex 32`);
  }
}

/** Describes a value's type for messages without echoing the value, which could be a secret. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
