/**
 * Client-side rate limiting per organization: a sliding window that lets at most `limit` requests
 * start in any window of one second. Every client of the same API URL and organization label in
 * the process shares one limiter through `sharedRateLimiter`, so their calls add up to the limit.
 */
import type { Clock } from './clock';

const WINDOW_MS = 1000;

export class RateLimiter {
  /** Start times of the latest `limit` requests, oldest first; some may lie in the future (queued). */
  private readonly starts: number[] = [];
  private limitPerSecond: number;

  constructor(
    limitPerSecond: number,
    private readonly clock: Clock,
  ) {
    this.limitPerSecond = limitPerSecond;
  }

  /** Requests allowed per second. */
  get limit(): number {
    return this.limitPerSecond;
  }

  /** Lowers the limit; a limiter shared by clients configured differently keeps the strictest. */
  lowerLimit(limitPerSecond: number): void {
    this.limitPerSecond = Math.min(this.limitPerSecond, limitPerSecond);
  }

  /**
   * Books the earliest start time that keeps every window within the limit and returns how long the
   * caller must wait for it in milliseconds. Bookings are made in call order, so callers are served first in, first out.
   */
  reserve(): number {
    const now = this.clock.now();
    const limit = Math.max(1, Math.floor(this.limitPerSecond));

    let start = now;
    if (this.starts.length >= limit) {
      start = Math.max(now, this.starts[this.starts.length - limit] + WINDOW_MS);
    }

    this.starts.push(start);
    if (this.starts.length > limit) this.starts.splice(0, this.starts.length - limit);
    return start - now;
  }

  /**
   * Waits for a booked start time. An abort rejects with the signal's reason.
   * NOTE: an aborted wait keeps its booking, so the limiter stays on the safe side for that slot.
   */
  async acquire(signal?: AbortSignal): Promise<number> {
    const delay = this.reserve();
    if (delay > 0) await this.clock.sleep(delay, signal);
    return delay;
  }
}

/** Counters of one organization, shared by every client of it in this process. */
export interface OrganizationCounters {
  /** HTTP requests sent to the webhook API, retries included. */
  requests: number;
  /** Requests to the token endpoint. */
  tokenRequests: number;
}

interface OrganizationEntry {
  readonly limiter: RateLimiter;
  readonly counters: OrganizationCounters;
}

const registry = new Map<string, OrganizationEntry>();

/**
 * Returns the limiter and counters shared by every client of `apiUrl` and `organization`, creating
 * them on first use with `clock`. Later clients with a lower limit lower it for all.
 */
export function sharedOrganization(apiUrl: string, organization: string, limitPerSecond: number, clock: Clock): OrganizationEntry {
  const key = `${apiUrl} ${organization}`;
  let entry = registry.get(key);
  if (entry === undefined) {
    entry = { limiter: new RateLimiter(limitPerSecond, clock), counters: { requests: 0, tokenRequests: 0 } };
    registry.set(key, entry);
  }

  entry.limiter.lowerLimit(limitPerSecond);
  return entry;
}

/** Returns a snapshot of the HTTP request counts of every organization this process has called, keyed by `apiUrl organization`. */
export function organizationRequestCounts(): Record<string, OrganizationCounters> {
  const snapshot: Record<string, OrganizationCounters> = {};
  for (const [key, entry] of registry) snapshot[key] = { ...entry.counters };
  return snapshot;
}
