import type * as pulumi from '@pulumi/pulumi';

import { EVENT_NAMES, formatPath, hasUrlCredentials, normalizeEvents, suggestClosest, suggestEvent, validateWebhook } from '../core';
import type { Diagnostic } from '../core';
import { ARGUMENT_NAMES } from './argument-names';
import { specFromInputs } from './properties';
import type { WebhookInputs } from './properties';
import { containsUnknown, isUnknown } from './unknown';

type CheckFailure = pulumi.dynamic.CheckFailure;

/** Input properties the provider accepts: the arguments, the resource name, and `__provider`, the serialized provider itself. */
const INPUT_NAMES = new Set([...ARGUMENT_NAMES, 'name', '__provider']);

/**
 * Validates new inputs with the core's rules plus the Pulumi-only arguments (`adopt`,
 * `testOnApply`). Each failure names the top-level property it is about, in `property` or, for a
 * property that contains a credential, in its reason. Values not known yet are skipped. Valid
 * inputs come back with their events deduplicated and sorted and `active` filled in, so that the
 * engine's display of a change lists real differences only.
 */
export function checkWebhook(news: Record<string, unknown>): pulumi.dynamic.CheckResult<Record<string, unknown>> {
  const inputs = news as WebhookInputs;
  const label = typeof inputs.name === 'string' ? `Webhook "${inputs.name}"` : 'The webhook';

  const failures: CheckFailure[] = [
    ...unknownProperties(news, label),
    ...validateWebhook(specFromInputs(inputs) as unknown as Record<string, unknown>, { isUnknown })
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map(toFailure),
    ...checkAdopt(news.adopt, label),
    ...checkTestOnApply(news.testOnApply, news.events, label),
  ];

  if (failures.length > 0) return { inputs: news, failures: failures.map((failure) => withoutShownValue(failure, news)) };
  return { inputs: withDefaults(withNormalizedEvents(news)) };
}

/**
 * Moves the property name of a failure into its reason when the property's value is a credential.
 * The engine prints the value of a failure's property next to the reason, secret or not, so such
 * a failure names no property and the engine prints the reason alone.
 */
function withoutShownValue(failure: CheckFailure, news: Record<string, unknown>): CheckFailure {
  const hiddenBecause = credentialKind(failure.property, news[failure.property]);
  if (hiddenBecause === undefined) return failure;
  return { property: '', reason: `Property ${failure.property} (value hidden because ${hiddenBecause}): ${failure.reason}` };
}

function credentialKind(property: string, value: unknown): string | undefined {
  if (property === 'secret') return 'it is secret';
  if (containsCredentialUrl(value)) return 'it contains credentials';
  return undefined;
}

function containsCredentialUrl(value: unknown): boolean {
  if (typeof value === 'string') return hasUrlCredentials(value);
  if (Array.isArray(value)) return value.some(containsCredentialUrl);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsCredentialUrl);
  return false;
}

function toFailure(diagnostic: Diagnostic): CheckFailure {
  const property = String(diagnostic.path[0] ?? '');
  const where = diagnostic.path.length > 1 ? ` (${formatPath(diagnostic.path)})` : '';
  return { property, reason: `${diagnostic.summary}${where}: ${diagnostic.detail}` };
}

/**
 * Reports arguments that `Webhook` does not know, such as a misspelled `secretVersion`, which the
 * constructor passes on for this check. They name no property, because the engine would print
 * the value, and a misspelled `secret` is a credential.
 */
function unknownProperties(news: Record<string, unknown>, label: string): CheckFailure[] {
  return Object.keys(news)
    .filter((key) => !INPUT_NAMES.has(key) && news[key] !== undefined)
    .map((key) => {
      const suggestion = suggestClosest(key, ARGUMENT_NAMES);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : ` Known arguments: ${ARGUMENT_NAMES.join(', ')}.`;
      return { property: '', reason: `${label} has an unknown argument "${key}".${hint}` };
    });
}

function checkAdopt(adopt: unknown, label: string): CheckFailure[] {
  if (adopt === undefined || adopt === null || containsUnknown(adopt)) return [];
  const fail = (reason: string): CheckFailure[] => [{ property: 'adopt', reason: `${label}: ${reason}` }];

  if (typeof adopt !== 'object' || Array.isArray(adopt)) return fail('adopt must be an object with either uuid or url, such as { uuid: "..." }.');

  const { uuid, url, ...rest } = adopt as Record<string, unknown>;
  const extra = Object.keys(rest).filter((key) => rest[key] !== undefined);
  if (extra.length > 0) return fail(`adopt has an unknown field "${extra[0]}". Give either uuid or url.`);

  const hasUuid = uuid !== undefined && uuid !== null;
  const hasUrl = url !== undefined && url !== null;
  if (hasUuid === hasUrl) return fail('adopt needs exactly one of uuid or url: the webhook to take over, by its uuid or by its URL.');
  if (hasUuid && (typeof uuid !== 'string' || uuid.trim() === '')) return fail('adopt.uuid must be a non-empty string: the uuid shown in the Ocrolus Dashboard.');
  if (hasUrl && (typeof url !== 'string' || url.trim() === '')) return fail('adopt.url must be a non-empty string: the URL of the webhook to take over.');
  return [];
}

function checkTestOnApply(testOnApply: unknown, events: unknown, label: string): CheckFailure[] {
  if (testOnApply === undefined || testOnApply === null || isUnknown(testOnApply)) return [];
  const fail = (reason: string): CheckFailure[] => [{ property: 'testOnApply', reason: `${label}: ${reason}` }];

  if (typeof testOnApply !== 'object' || Array.isArray(testOnApply)) return fail('testOnApply must be an object such as { event: "book.verified", failOnError: true }.');

  const { event, failOnError, ...rest } = testOnApply as Record<string, unknown>;
  const extra = Object.keys(rest).filter((key) => rest[key] !== undefined);
  if (extra.length > 0) return fail(`testOnApply has an unknown field "${extra[0]}". Known fields: event, failOnError.`);

  if (failOnError !== undefined && !isUnknown(failOnError) && typeof failOnError !== 'boolean') return fail('testOnApply.failOnError must be true or false.');
  if (event === undefined || isUnknown(event)) return [];
  if (typeof event !== 'string') return fail('testOnApply.event must be an event name, such as book.verified.');

  if (!EVENT_NAMES.includes(event)) {
    const suggestion = suggestEvent(event);
    return fail(`testOnApply.event "${event}" is not an Ocrolus organization-level event.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`);
  }
  if (Array.isArray(events) && !containsUnknown(events) && !events.includes(event)) {
    return fail(`testOnApply.event "${event}" is not one of the webhook's events. Add it to events, or test with one of them.`);
  }
  return [];
}

/**
 * Fills in `active: true` when the program leaves `active` out. Read returns the observed flag in
 * the inputs, so after a refresh the preview then shows a deactivation done elsewhere as
 * `active: false => true`, and a webhook that leaves `active` out shows no `active` change.
 */
function withDefaults(news: Record<string, unknown>): Record<string, unknown> {
  if (news.active !== undefined && news.active !== null) return news;
  return { ...news, active: true };
}

function withNormalizedEvents(news: Record<string, unknown>): Record<string, unknown> {
  const events = news.events;
  if (!Array.isArray(events) || containsUnknown(events)) return news;
  return { ...news, events: normalizeEvents(events as string[]) };
}
