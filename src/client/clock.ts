/** Time, sleep and randomness behind backoff, rate limiting and token expiry, injectable for tests. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds; rejects with the signal's reason when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1), as `Math.random` returns. */
  random(): number;
}

/** Real time, real timers and `Math.random`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: sleepFor,
  random: () => Math.random(),
};

/** Waits `ms` milliseconds; the timer is cleared when `signal` aborts, so no wait outlives its call. */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();

  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
