/**
 * Advice for each kind of client error: a Title Case summary and the next step,
 * in the provider's attribute names.
 */
import type { OcrolusError, OcrolusErrorCode } from '../client/errors';
import { DEFAULT_AUTH_URL } from '../client/options';

export interface Advice {
  readonly summary: string;
  readonly next: string;
}

/** Summary and next step per client error code. */
const ADVICE: Readonly<Record<OcrolusErrorCode, Advice>> = {
  OCR_AUTHENTICATION: { summary: 'Ocrolus Authentication Failed', next: 'Check client_id and client_secret in the provider block, or OCROLUS_CLIENT_ID and OCROLUS_CLIENT_SECRET.' },
  OCR_PERMISSION: { summary: 'Missing Manager Permission', next: 'Use credentials of an Ocrolus account with manager permission in this organization, then run the command again.' },
  OCR_NOT_FOUND: { summary: 'Webhook Not Found', next: 'Run a refresh so that the engine drops the webhook from state, or import the right uuid.' },
  OCR_VALIDATION: { summary: 'Ocrolus Rejected The Webhook', next: 'Fix the attribute the API names, then apply again.' },
  OCR_CONFLICT: { summary: 'Duplicate Webhook URL', next: 'Another webhook of the organization has this URL. Import it with `tofu import` (or `terraform import`) and the uuid from the Ocrolus Dashboard, or choose another URL.' },
  OCR_LIMIT_EXCEEDED: { summary: 'Webhook Limit Reached', next: 'An organization holds at most 5 webhooks. Delete one in code or in the Dashboard, or subscribe an existing webhook to more events.' },
  OCR_RATE_LIMITED: { summary: 'Ocrolus Rate Limit Hit', next: 'Wait a few seconds and run the command again, or run fewer operations against this organization at once (-parallelism).' },
  OCR_SERVER: { summary: 'Ocrolus API Unavailable', next: 'Run the command again later. The state records only what was confirmed.' },
  OCR_CONNECTION: { summary: 'Ocrolus API Unreachable', next: 'Check api_url and the network, then run the command again.' },
  OCR_TIMEOUT: { summary: 'Ocrolus API Timed Out', next: 'Run the command again; a plan first shows whether the write took effect.' },
  OCR_ABORTED: { summary: 'Operation Cancelled', next: 'The engine stopped the provider. Run the command again to finish.' },
  OCR_INVALID_RESPONSE: { summary: 'Unexpected Ocrolus Response', next: 'The API answered in a shape this provider does not know. Run the command again; if it persists, report the response (without secrets).' },
};

/** Advice when the OAuth token endpoint, not the webhook API, could not be reached or used. */
const TOKEN_ENDPOINT_ADVICE: Advice = {
  summary: 'Ocrolus Token Request Failed',
  next: `Check auth_url in the provider block, or OCROLUS_AUTH_URL: it must point at the OAuth token endpoint, such as ${DEFAULT_AUTH_URL}, and be reachable from this machine.`,
};

/** Codes whose advice names api_url or an attribute, which is wrong when the token request failed. */
const TOKEN_ENDPOINT_CODES: ReadonlySet<OcrolusErrorCode> = new Set(['OCR_CONNECTION', 'OCR_TIMEOUT', 'OCR_VALIDATION', 'OCR_INVALID_RESPONSE']);

/**
 * Returns the summary and next step for a client error. A failed token request points at
 * auth_url; rejected credentials keep their own advice about client_id and client_secret.
 */
export function adviceFor(error: OcrolusError): Advice {
  if (TOKEN_ENDPOINT_CODES.has(error.code) && isTokenEndpointFailure(error)) return TOKEN_ENDPOINT_ADVICE;
  return ADVICE[error.code];
}

/**
 * True when the message shows that the failure came from the token endpoint.
 *
 * NOTE: client errors carry no field for the phase (token or API), so this reads the wording the
 * client uses for token-phase failures. A 5xx or 429 from the token endpoint uses the API's
 * wording and is advised as an API failure.
 */
function isTokenEndpointFailure(error: OcrolusError): boolean {
  return /\bthe token endpoint\b|\bthe token request\b|\btoken response:/.test(error.message);
}
