/** The outcome of asking the limiter for one request. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * A sliding-window rate limiter: at most `limit` admitted requests per key in any window of
 * `windowMs`. Rejected requests do not count, so a client that backs off recovers.
 */
export class SlidingWindowLimiter {
  private readonly admitted = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => number,
  ) {}

  /** Admits a request of `key` when the window has room, recording it. */
  tryAcquire(key: string): RateDecision {
    const now = this.clock();
    const recent = (this.admitted.get(key) ?? []).filter((at) => at > now - this.windowMs);

    if (recent.length >= this.limit) {
      this.admitted.set(key, recent);
      return { allowed: false, retryAfterMs: recent[0] + this.windowMs - now };
    }

    recent.push(now);
    this.admitted.set(key, recent);
    return { allowed: true };
  }
}
