import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import type { Reply } from './envelope';
import type { EmulatorStore, OrganizationRecord } from './store';

/** The only audience value the token endpoint accepts, trailing slash included. */
export const TOKEN_AUDIENCE = 'https://api.ocrolus.com/';

/** Lifetime of access tokens in seconds when none is configured (24 hours, as Ocrolus documents). */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 86400;

/** The fields of a token request, from a JSON or form body or from HTTP Basic authentication. */
export interface TokenRequest {
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly grantType?: string;
  readonly audience?: string;
  /** Reason the body could not be parsed; undefined when it was parsed. */
  readonly malformed?: string;
  /** Whether the credentials came from an Authorization: Basic header. */
  readonly basic: boolean;
  /** Whether the request had a non-empty body. */
  readonly hasBody: boolean;
}

/**
 * Issues and verifies access tokens. Tokens look like JWTs (HS256) and carry the organization id
 * and expiry, signed with the store's key, so they stay valid across a restart with the same data file.
 */
export class TokenIssuer {
  constructor(
    private readonly store: EmulatorStore,
    private readonly clock: () => number,
    private readonly lifetimeSeconds: number,
  ) {}

  issue(organization: OrganizationRecord): string {
    const issuedAt = Math.floor(this.clock() / 1000);
    const header = encodeSegment({ alg: 'HS256', typ: 'JWT' });
    const payload = encodeSegment({
      iss: 'ocrolus-emulator',
      sub: organization.clientId,
      org: organization.id,
      aud: TOKEN_AUDIENCE,
      iat: issuedAt,
      exp: issuedAt + this.lifetimeSeconds,
      jti: randomUUID(),
    });
    return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`;
  }

  /** Returns the organization a valid, unexpired token belongs to, or undefined. */
  verify(token: string): OrganizationRecord | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) {
      return undefined;
    }

    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const actual = Buffer.from(parts[2]);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      return undefined;
    }

    let claims: { org?: unknown; sub?: unknown; exp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.clock() || typeof claims.org !== 'string') {
      return undefined;
    }

    // A token stops working when its organization is gone or its client id was replaced.
    const organization = this.store.organization(claims.org);
    return organization !== undefined && organization.clientId === claims.sub ? organization : undefined;
  }

  private sign(data: string): string {
    return createHmac('sha256', this.store.tokenSigningKey).update(data).digest('base64url');
  }
}

/** Reads a token request from the Authorization header and the JSON or form-encoded body. */
export function parseTokenRequest(headers: IncomingHttpHeaders, body: string): TokenRequest {
  const basic = parseBasicAuthorization(headers.authorization);
  const hasBody = body.trim().length > 0;

  let fields: Record<string, unknown> = {};
  let malformed: string | undefined;
  if (hasBody) {
    const contentType = (headers['content-type'] ?? '').toLowerCase();
    const looksJson = contentType.includes('json') || (!contentType.includes('form') && body.trim().startsWith('{'));
    if (looksJson) {
      try {
        const parsed: unknown = JSON.parse(body);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
          fields = parsed as Record<string, unknown>;
        } else {
          malformed = 'The request body must be a JSON object.';
        }
      } catch {
        malformed = 'The request body is not valid JSON.';
      }
    } else {
      fields = Object.fromEntries(new URLSearchParams(body));
    }
  }

  const text = (name: string): string | undefined => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
  return {
    clientId: basic?.clientId ?? text('client_id'),
    clientSecret: basic?.clientSecret ?? text('client_secret'),
    grantType: text('grant_type'),
    audience: text('audience'),
    malformed,
    basic: basic !== undefined,
    hasBody,
  };
}

/**
 * Handles a token request: 200 with a bearer token, or 400 with an OAuth 2.0 error
 * (RFC 6749 section 5.2). Also returns the organization of the client id when it is known, even
 * when the secret is wrong, for the request log.
 */
export function answerTokenRequest(issuer: TokenIssuer, store: EmulatorStore, request: TokenRequest, lifetimeSeconds: number): { reply: Reply; organization?: string } {
  const organization = request.clientId === undefined ? undefined : store.organizationByClientId(request.clientId);
  const denied = (error: string, description: string): { reply: Reply; organization?: string } => ({
    reply: { httpStatus: 400, body: { error, error_description: description } },
    organization: organization?.id,
  });

  if (request.malformed !== undefined) {
    return denied('invalid_request', request.malformed);
  }
  if (request.hasBody && request.grantType !== 'client_credentials') {
    return denied('unsupported_grant_type', 'grant_type must be client_credentials.');
  }
  if (!request.hasBody && !request.basic) {
    return denied('invalid_request', 'Send client_id and client_secret in the body or with HTTP Basic authentication.');
  }
  if (request.audience !== undefined && request.audience !== TOKEN_AUDIENCE) {
    return denied('access_denied', 'Unauthorized');
  }
  if (organization === undefined || request.clientSecret === undefined || !sameSecret(organization.clientSecret, request.clientSecret)) {
    return denied('access_denied', 'Unauthorized');
  }

  return {
    reply: { httpStatus: 200, body: { access_token: issuer.issue(organization), token_type: 'Bearer', expires_in: lifetimeSeconds } },
    organization: organization.id,
  };
}

/** Returns the bearer token of an Authorization header, or undefined. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

function parseBasicAuthorization(authorization: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (match === null) {
    return undefined;
  }

  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) {
    return undefined;
  }
  return { clientId: formDecode(decoded.slice(0, separator)), clientSecret: formDecode(decoded.slice(separator + 1)) };
}

/** Decodes a form-urlencoded Basic credential (RFC 6749 section 2.3.1); malformed escapes stay as sent. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Compares two secrets in constant time (their SHA-256 digests have equal length). */
function sameSecret(expected: string, actual: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(actual));
}

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
