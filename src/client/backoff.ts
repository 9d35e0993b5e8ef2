/**
 * Backoff between attempts: exponential, capped, jittered and floored, unless the server's
 * `Retry-After` header names the delay (in seconds or as an HTTP date), which is then capped too.
 */

export interface BackoffSettings {
  /** Delay before the first retry in milliseconds, before jitter; doubled per attempt. */
  readonly baseDelayMs: number;
  /** Upper bound of any delay in milliseconds, `Retry-After` included. */
  readonly maxDelayMs: number;
  /** Lower bound of any delay in milliseconds. */
  readonly minDelayMs: number;
  readonly jitter: 'full' | 'equal';
}

/**
 * Returns the delay in milliseconds before the attempt that follows failed attempt number `attempt`
 * (1-based). `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, settings: BackoffSettings, random: () => number): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** exponent);
  const draw = settings.jitter === 'full' ? random() * ceiling : ceiling / 2 + (random() * ceiling) / 2;
  return clampDelay(Math.round(draw), settings);
}

/**
 * Returns the delay that a `Retry-After` header requests, in milliseconds from `nowMs`, or undefined
 * when the header is absent or malformed. Dates in the past give 0.
 */
export function parseRetryAfter(header: string | readonly string[] | undefined, nowMs: number): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value === undefined || value === '') return undefined;

  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);

  // An HTTP date names a weekday and month; without letters, Date.parse would read "-5" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Picks the delay before the next attempt: the server's `Retry-After` when given, else the jittered backoff. */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, settings: BackoffSettings, random: () => number): number {
  if (retryAfterMs !== undefined) return clampDelay(retryAfterMs, settings);
  return backoffDelay(attempt, settings, random);
}

function clampDelay(delayMs: number, settings: BackoffSettings): number {
  return Math.min(settings.maxDelayMs, Math.max(settings.minDelayMs, delayMs));
}
