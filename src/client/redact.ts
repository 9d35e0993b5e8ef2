/**
 * Blanks credentials in strings and objects before they reach an error message or a log record:
 * Authorization values, bearer tokens, `client_secret`, `access_token`, `secret_key` and passwords
 * embedded in URLs (`https://user:***@host/path`). A `Redactor` also blanks the exact secret values
 * registered with it, wherever they appear.
 */

export const REDACTED = '***';

/** Object keys whose values are always blanked, whatever they contain. */
const SECRET_KEY = /^(authorization|proxy-authorization|client_?secret|access_?token|refresh_?token|secret_?key|secret|password|webhook-signature)$/i;

const AUTHORIZATION_VALUE = /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(Bearer|Basic)\s+)?[^\s"',;}]+/gi;
const BEARER_TOKEN = /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/g;
const SECRET_ASSIGNMENT = /(["']?\b(?:client_secret|access_token|refresh_token|secret_key|password)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:)[^\s/?#@]*@/gi;

/** Secrets shorter than this are not searched for, because blanking them would garble ordinary text. */
const MIN_KNOWN_SECRET_LENGTH = 4;

/** Blanks credential patterns in `text`. Exact secret values need a `Redactor`. */
export function redactText(text: string): string {
  return text
    .replace(AUTHORIZATION_VALUE, (_match, prefix: string, scheme?: string) => `${prefix}${scheme ? `${scheme} ` : ''}${REDACTED}`)
    .replace(BEARER_TOKEN, `$1 ${REDACTED}`)
    .replace(SECRET_ASSIGNMENT, `$1${REDACTED}`)
    .replace(URL_PASSWORD, `$1${REDACTED}@`);
}

/** Returns a deep copy of `value` with secret-named keys blanked and every string passed through `redactText`. */
export function redactValue(value: unknown): unknown {
  return new Redactor().value(value);
}

/** Redaction that also blanks the exact secret values registered for one client: its client secret, tokens and secret keys. */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret value; it is blanked in every later `text` and `value` call, in raw, JSON and URL encodings. */
  addSecret(secret: string | undefined): void {
    if (secret === undefined || secret.length < MIN_KNOWN_SECRET_LENGTH) return;

    this.secrets.add(secret);
    this.secrets.add(JSON.stringify(secret).slice(1, -1));
    this.secrets.add(encodeURIComponent(secret));
  }

  /** Blanks registered secrets, then credential patterns, in `text`. */
  text(text: string): string {
    let result = text;
    for (const secret of this.secretsLongestFirst()) {
      result = result.split(secret).join(REDACTED);
    }
    return redactText(result);
  }

  /** Returns a deep copy of `value` with secret-named keys blanked and every string passed through `text`. */
  value(value: unknown): unknown {
    return this.copy(value, new WeakSet<object>());
  }

  private copy(value: unknown, seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return REDACTED;
    seen.add(value);

    if (Array.isArray(value)) return value.map((item) => this.copy(item, seen));

    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = SECRET_KEY.test(key) && item !== null && item !== undefined ? REDACTED : this.copy(item, seen);
    }
    return result;
  }

  // Longer secrets go first so that a secret containing a shorter one is blanked whole.
  private secretsLongestFirst(): string[] {
    return [...this.secrets].sort((a, b) => b.length - a.length);
  }
}
