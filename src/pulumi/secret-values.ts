import { hasUrlCredentials } from '../core';
import { WebhookInitError } from './errors';

/**
 * Secret values in the Pulumi wire format. The engine keeps the secret mark on values a provider
 * returns in create, read and update results (Pulumi 3.248), so the provider marks a URL with
 * credentials itself: after a refresh, a password added in the Dashboard reaches state encrypted.
 * The key and marker are the literals of `@pulumi/pulumi/runtime/rpc` (`specialSigKey`,
 * `specialSecretSig`), kept here so that the provider does not load the SDK's runtime.
 */
const SIGNATURE_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIGNATURE = '1b47061264138c4ac30d75fd1eb44270';

/** A value wrapped as a secret, as it travels between the provider and the engine. */
export interface WireSecret {
  readonly [SIGNATURE_KEY]: typeof SECRET_SIGNATURE;
  readonly value: unknown;
}

/** Wraps `value` as a secret. */
export function wireSecret(value: unknown): WireSecret {
  return { [SIGNATURE_KEY]: SECRET_SIGNATURE, value };
}

/** True for a value wrapped as a secret. */
export function isWireSecret(value: unknown): value is WireSecret {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[SIGNATURE_KEY] === SECRET_SIGNATURE;
}

/**
 * Replaces every wire secret inside `value` with the value it wraps. The engine strips secrets
 * before it calls a provider that does not accept them, as the dynamic-provider host declares,
 * so this only matters to a caller that drives the host directly.
 */
export function revealWireSecrets<T>(value: T): T {
  if (isWireSecret(value)) return revealWireSecrets(value.value) as T;
  if (Array.isArray(value)) return value.map(revealWireSecrets) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, revealWireSecrets(field)])) as T;
}

/**
 * Returns properties (outputs or inputs) with `url` and `adopt.url` wrapped as secrets when they
 * contain credentials. Whether the program marked the URL secret or not, and whether it came from
 * the program or from the API at a refresh, state then stores it encrypted.
 */
export function withSecretCredentialUrls<T extends object>(properties: T): Record<string, unknown> {
  const result: Record<string, unknown> = { ...(properties as Record<string, unknown>) };
  if (isCredentialUrl(result.url)) result.url = wireSecret(result.url);

  const adopt = result.adopt;
  if (adopt !== null && typeof adopt === 'object' && !isWireSecret(adopt) && isCredentialUrl((adopt as Record<string, unknown>).url)) {
    result.adopt = wireSecret(adopt);
  }
  return result;
}

/** Wraps credential URLs in the properties that a failed create or update hands to the engine. */
export function withSecretErrorProperties(error: unknown): unknown {
  if (!(error instanceof WebhookInitError)) return error;
  return new WebhookInitError(error.message, error.id, withSecretCredentialUrls(error.properties));
}

function isCredentialUrl(value: unknown): value is string {
  return typeof value === 'string' && hasUrlCredentials(value);
}
