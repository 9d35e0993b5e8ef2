import { createHash } from 'node:crypto';

/** Namespace of the name-based event uuids (a fixed random uuid chosen for this emulator). */
const EVENT_NAMESPACE = '8f0c6d2e-3b1a-4c57-9e64-2d7a5b90c1f3';

/** An event of the catalog, as the events call returns it (snake_case added on the wire). */
export interface CatalogEvent {
  readonly uuid: string;
  readonly name: string;
  readonly isActive: boolean;
  readonly type: 'STATUS' | 'ISSUE';
  readonly severity: 'LOW' | 'MODERATE' | 'HIGH';
  readonly reason: string | null;
  readonly description: string;
}

type EventTraits = Pick<CatalogEvent, 'type' | 'severity' | 'reason' | 'description'>;

const status = (description: string, reason: string | null = null): EventTraits => ({ type: 'STATUS', severity: 'LOW', reason, description });
const issue = (severity: 'MODERATE' | 'HIGH', description: string, reason: string): EventTraits => ({ type: 'ISSUE', severity, reason, description });

// NOTE: the names are Ocrolus' documented organization-level events plus book.analytics_v2.completed,
// which live deliveries carry. Types, severities and reasons are guesses: no source lists them per event.
const TRAITS: Readonly<Record<string, EventTraits>> = {
  'book.classified': status('All documents of the book are classified'),
  'book.verified': { type: 'STATUS', severity: 'MODERATE', reason: 'Book is verified', description: 'All documents of the book are verified' },
  'book.analytics_v2.generated': status('Analytics v2 results are generated for the book'),
  'book.analytics_completed': status('Analytics are completed for the book'),
  'book.detect.signal_found': issue('HIGH', 'Detect found a fraud signal in the book', 'Fraud signal found'),
  'book.detect.signal_not_found': status('Detect found no fraud signal in the book'),
  'book.income.generated': status('Income calculations are generated for the book'),
  'book.income.updated': status('Income calculations of the book are updated'),
  'book.pacing.discrepancies_found': issue('MODERATE', 'Pacing found discrepancies in the book', 'Discrepancies found'),
  'book.pacing.discrepancies_not_found': status('Pacing found no discrepancies in the book'),
  'book.completed': status('Processing of the book is completed', 'Book is completed'),
  'document.upload_succeeded': status('A document was uploaded'),
  'document.upload_failed': issue('HIGH', 'A document upload failed', 'Upload failed'),
  'document.classification_succeeded': status('A document was classified'),
  'document.classification_failed': issue('HIGH', 'A document could not be classified', 'Classification failed'),
  'document.verification_succeeded': status('A document was verified'),
  'document.verification_failed': issue('HIGH', 'A document could not be verified', 'Verification failed'),
  'document.detect.signal_found': issue('HIGH', 'Detect found a fraud signal in a document', 'Fraud signal found'),
  'document.detect.signal_not_found': status('Detect found no fraud signal in a document'),
  'document.detect.unable_to_process': issue('MODERATE', 'Detect could not process a document', 'Unable to process'),
  'mixed_document.rejected': issue('MODERATE', 'A mixed document was rejected', 'Mixed document rejected'),
  'image_group.upload_succeeded': status('An image group was uploaded'),
  'image_group.upload_failed': issue('HIGH', 'An image group upload failed', 'Upload failed'),
  'image_group.verification_succeeded': status('An image group was verified'),
  'image_group.verification_failed': issue('HIGH', 'An image group could not be verified', 'Verification failed'),
  'plaid.upload_succeeded': status('Plaid data was uploaded'),
  'plaid.upload_failed': issue('HIGH', 'A Plaid upload failed', 'Upload failed'),
  'book.copy.request_received': status('A book copy request was received'),
  'book.copy.request_accepted': status('A book copy request was accepted'),
  'book.copy.request_rejected': issue('MODERATE', 'A book copy request was rejected', 'Request rejected'),
  'book.copy.docs_added': status('Documents were added to a copied book'),
  'book.copy.kickout_evaluated': status('Kickout rules were evaluated for a copied book'),
  'network.book.created': status('A book was created through the network'),
  'network.book.funded': status('A network book was funded'),
  'analytics.config_updated': status('The analytics configuration of the organization was updated'),
  'book.analytics_v2.completed': status('Analytics v2 processing of the book is completed'),
};

/** The 35 documented organization-level event names plus book.analytics_v2.completed. */
export const EMULATOR_EVENT_NAMES: readonly string[] = Object.freeze(Object.keys(TRAITS));

/**
 * Returns the stable uuid of an event name: a version 5 (SHA-1, name-based) uuid in a fixed
 * namespace, so it is the same in every emulator run and on every machine.
 */
export function eventUuid(name: string): string {
  const namespace = Buffer.from(EVENT_NAMESPACE.replace(/-/g, ''), 'hex');
  const digest = createHash('sha1').update(namespace).update(name, 'utf8').digest();

  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const EVENTS_BY_NAME: ReadonlyMap<string, CatalogEvent> = new Map(
  EMULATOR_EVENT_NAMES.map((name) => [name, Object.freeze({ uuid: eventUuid(name), name, isActive: true, ...TRAITS[name] })]),
);

const EVENTS_BY_UUID: ReadonlyMap<string, CatalogEvent> = new Map([...EVENTS_BY_NAME.values()].map((event) => [event.uuid, event]));

/** Returns the catalog event with this name, or undefined when the name is unknown. */
export function findEventByName(name: string): CatalogEvent | undefined {
  return EVENTS_BY_NAME.get(name);
}

/** Returns the catalog event with this uuid, or undefined when the uuid is unknown. */
export function findEventByUuid(uuid: string): CatalogEvent | undefined {
  return EVENTS_BY_UUID.get(uuid.toLowerCase());
}

/** Converts a catalog event to the wire shape of the events call. */
export function serializeEvent(event: CatalogEvent): Record<string, unknown> {
  return {
    uuid: event.uuid,
    name: event.name,
    is_active: event.isActive,
    type: event.type,
    severity: event.severity,
    reason: event.reason,
    description: event.description,
  };
}
