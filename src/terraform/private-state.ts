/**
 * The provider's private data for each `ocrolus_webhook` in state: bytes the engine stores beside
 * the attributes and hands back on every read, plan and apply without showing them. They record
 * the organization (its client id, never a secret) that contains the webhook, so that a state pointed
 * at another organization stops with an error instead of reading the webhook as deleted there and
 * creating it again.
 */
import { errorDiagnostic } from './diagnostics';
import type { ProviderContext } from './provider-context';
import type { Diagnostic } from './protocol';

/** Contents of the private bytes, as JSON. */
export interface WebhookPrivateData {
  /** Client id of the organization the webhook was created in or imported from. */
  readonly organization?: string;
}

/**
 * Reads the private bytes. Empty or unreadable bytes (state written before the organization was
 * recorded) read as no record.
 */
export function decodeWebhookPrivate(bytes: Uint8Array | null | undefined): WebhookPrivateData {
  if (!bytes || bytes.length === 0) return {};

  try {
    const parsed: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};

    const organization = (parsed as { organization?: unknown }).organization;
    return typeof organization === 'string' && organization !== '' ? { organization } : {};
  } catch {
    return {};
  }
}

/**
 * Returns the private bytes with the configured organization recorded, or the bytes unchanged
 * while the provider is not configured. A state without a record adopts the organization here.
 */
export function recordOrganization(bytes: Uint8Array | null | undefined, context: ProviderContext): Buffer | undefined {
  if (!context.api) return bytes ? Buffer.from(bytes) : undefined;

  const data: WebhookPrivateData = { ...decodeWebhookPrivate(bytes), organization: context.organization };
  return Buffer.from(JSON.stringify(data), 'utf8');
}

/**
 * Returns an error when the state records another organization than the configured one, or
 * undefined when they match, nothing is recorded yet, or the provider is not configured.
 */
export function organizationMismatch(bytes: Uint8Array | null | undefined, context: ProviderContext, uuid: string): Diagnostic | undefined {
  const recorded = decodeWebhookPrivate(bytes).organization;
  if (!context.api || recorded === undefined || recorded === context.organization) return undefined;

  context.log('error', 'webhook belongs to another organization', { recorded_organization: recorded, organization: context.organization, uuid });
  return errorDiagnostic(
    'Webhook In Another Organization',
    `Webhook ${uuid} belongs to Ocrolus organization ${recorded}, where it was created or imported, but the provider is now configured for organization ${context.organization}. ` +
      `Read with ${context.organization}'s credentials, it would look deleted, and the plan would create a new webhook in ${context.organization} while the original stays in ${recorded}.\n` +
      `To keep managing it, set client_id (or OCROLUS_CLIENT_ID) back to ${recorded}. ` +
      `To manage a webhook of ${context.organization} under this address instead, run \`tofu state rm ADDRESS\` (or \`terraform state rm\`), which leaves the webhook in ${recorded} untouched, ` +
      `then \`tofu import ADDRESS UUID\` with the uuid of the webhook in ${context.organization}.`,
  );
}
