import { suggestClosest } from './suggest';

/**
 * Event names that organization-level webhooks accept. The API has no wildcard and rejects
 * unknown names, so a declaration is checked against this list before any call is made.
 * Source: Ocrolus' public API reference and help centre (35 documented names), plus
 * `book.analytics_v2.completed`, which live deliveries carry although no list names it.
 */
export const EVENT_NAMES: readonly string[] = Object.freeze([
  'analytics.config_updated',
  'book.analytics_completed',
  'book.analytics_v2.completed',
  'book.analytics_v2.generated',
  'book.classified',
  'book.completed',
  'book.copy.docs_added',
  'book.copy.kickout_evaluated',
  'book.copy.request_accepted',
  'book.copy.request_received',
  'book.copy.request_rejected',
  'book.detect.signal_found',
  'book.detect.signal_not_found',
  'book.income.generated',
  'book.income.updated',
  'book.pacing.discrepancies_found',
  'book.pacing.discrepancies_not_found',
  'book.verified',
  'document.classification_failed',
  'document.classification_succeeded',
  'document.detect.signal_found',
  'document.detect.signal_not_found',
  'document.detect.unable_to_process',
  'document.upload_failed',
  'document.upload_succeeded',
  'document.verification_failed',
  'document.verification_succeeded',
  'image_group.upload_failed',
  'image_group.upload_succeeded',
  'image_group.verification_failed',
  'image_group.verification_succeeded',
  'mixed_document.rejected',
  'network.book.created',
  'network.book.funded',
  'plaid.upload_failed',
  'plaid.upload_succeeded',
]);

const KNOWN = new Set(EVENT_NAMES);

/**
 * Upper-case names of the older account-level webhooks, mapped to the organization-level event
 * that replaces each, so a declaration copied from an old integration gets a precise fix.
 */
const ACCOUNT_LEVEL_NAMES: Readonly<Record<string, string>> = {
  BOOK_VERIFIED: 'book.verified',
  DOC_VERIFIED: 'document.verification_succeeded',
  IMAGE_GROUP_VERIFIED: 'image_group.verification_succeeded',
  ANALYTICS_COMPLETED: 'book.analytics_completed',
};

export function isKnownEvent(name: string): boolean {
  return KNOWN.has(name);
}

/** Returns the catalog name closest to a mistyped one, or undefined when none is close. */
export function suggestEvent(name: string): string | undefined {
  const replacement = ACCOUNT_LEVEL_NAMES[name.trim().toUpperCase()];
  if (replacement) return replacement;

  const candidate = name.trim().toLowerCase();
  if (KNOWN.has(candidate)) return candidate;

  return suggestClosest(candidate, EVENT_NAMES);
}
