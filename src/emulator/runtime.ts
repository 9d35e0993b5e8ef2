import { DeliveryAgent, DEFAULT_DELIVERY_TIMEOUT_MS } from './deliveries';
import { FaultRegistry } from './faults';
import { checkDataFileDirectory, loadState, saveState } from './persistence';
import { SlidingWindowLimiter } from './rate-limiter';
import { EmulatorStore } from './store';
import { DEFAULT_TOKEN_LIFETIME_SECONDS, TokenIssuer } from './tokens';
import type { EmulatorOptions, RecordedDelivery, RecordedRequest } from './types';

/** Requests per second per organization when none is configured (Ocrolus' documented limit). */
export const DEFAULT_REQUESTS_PER_SECOND = 20;

/**
 * Maximum number of entries kept in the request log and in the delivery log. Beyond it the oldest
 * entries are dropped, so that a long-running emulator does not grow without bound.
 */
export const MAX_LOG_ENTRIES = 50000;

/**
 * The state and services of one running emulator, shared by the API pipeline, the admin
 * endpoint and the programmatic interface.
 */
export class EmulatorRuntime {
  readonly clock: () => number;
  readonly store: EmulatorStore;
  readonly tokens: TokenIssuer;
  readonly tokenLifetimeSeconds: number;
  readonly faults = new FaultRegistry();
  /** Undefined when rate limiting is disabled. */
  readonly limiter?: SlidingWindowLimiter;
  readonly deliveries: DeliveryAgent;
  readonly requestLog: RecordedRequest[] = [];
  readonly deliveryLog: RecordedDelivery[] = [];
  readonly log: (line: string) => void;

  /** Timers of held responses and latency faults, cleared on close. */
  private readonly timers = new Map<NodeJS.Timeout, () => void>();

  private closing = false;

  constructor(options: EmulatorOptions) {
    this.clock = options.clock ?? Date.now;
    this.log = options.log ?? (() => undefined);
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;

    const dataFile = options.dataFile;
    if (dataFile !== undefined) {
      checkDataFileDirectory(dataFile);
    }
    const snapshot = dataFile === undefined ? undefined : loadState(dataFile);
    let loading = true;
    this.store = new EmulatorStore(snapshot, () => {
      if (dataFile !== undefined && !loading) {
        saveState(dataFile, this.store.snapshot());
      }
    });
    for (const seed of options.organizations ?? []) {
      this.store.upsertOrganization(seed);
    }
    if (options.variants !== undefined) {
      this.store.setVariants(options.variants);
    }
    loading = false;
    if (dataFile !== undefined) {
      saveState(dataFile, this.store.snapshot());
    }

    this.tokens = new TokenIssuer(this.store, this.clock, this.tokenLifetimeSeconds);

    const limit = options.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND;
    if (limit !== false) {
      this.limiter = new SlidingWindowLimiter(limit, 1000, this.clock);
    }

    this.deliveries = new DeliveryAgent({
      hosts: options.deliveryHosts ?? 'loopback',
      timeoutMs: options.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
      clock: this.clock,
    });
  }

  /** Appends a request to the request log, dropping the oldest entry when the log is full. */
  recordRequest(entry: RecordedRequest): void {
    appendBounded(this.requestLog, entry);
  }

  /** Appends a test delivery to the delivery log, dropping the oldest entry when the log is full. */
  recordDelivery(entry: RecordedDelivery): void {
    appendBounded(this.deliveryLog, entry);
  }

  /** Waits `ms` milliseconds, or less when the emulator closes first. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.schedule(ms, resolve));
  }

  /** Runs `action` after `ms` milliseconds, or at once when the emulator closes first. */
  schedule(ms: number, action: () => void): void {
    if (this.closing) {
      action();
      return;
    }

    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.set(timer, action);
  }

  /** Runs every scheduled action now and stops deliveries in flight. */
  async close(): Promise<void> {
    this.closing = true;
    for (const [timer, action] of this.timers) {
      clearTimeout(timer);
      action();
    }
    this.timers.clear();
    await this.deliveries.close();
  }
}

function appendBounded<T>(log: T[], entry: T): void {
  log.push(entry);
  if (log.length > MAX_LOG_ENTRIES) {
    log.splice(0, log.length - MAX_LOG_ENTRIES);
  }
}
