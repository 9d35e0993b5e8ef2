import { backoffDelay, parseRetryAfter, retryDelay, type BackoffSettings } from '../../src/client';

const full: BackoffSettings = { baseDelayMs: 200, maxDelayMs: 10_000, minDelayMs: 50, jitter: 'full' };
const equal: BackoffSettings = { ...full, jitter: 'equal' };

describe('backoffDelay', () => {
  test.each([
    ['full-jitter-first-attempt-top', full, 1, 0.999999, 200],
    ['full-jitter-third-attempt-top', full, 3, 0.999999, 800],
    ['full-jitter-floor', full, 3, 0, 50],
    ['full-jitter-cap', full, 20, 0.999999, 10_000],
    ['equal-jitter-lowest', equal, 3, 0, 400],
    ['equal-jitter-top', equal, 3, 0.999999, 800],
    ['equal-jitter-cap', equal, 30, 0.999999, 10_000],
    ['equal-jitter-lowest-capped', equal, 30, 0, 5_000],
  ] as const)('%s', (_name, settings, attempt, random, expected) => {
    expect(backoffDelay(attempt, settings, () => random)).toBe(expected);
  });

  test('stays within bounds for any draw', () => {
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const ceiling = Math.min(10_000, 200 * 2 ** (attempt - 1));
      for (const random of [0, 0.1, 0.5, 0.9, 0.999999]) {
        const fullDelay = backoffDelay(attempt, full, () => random);
        expect(fullDelay).toBeGreaterThanOrEqual(50);
        expect(fullDelay).toBeLessThanOrEqual(ceiling);

        const equalDelay = backoffDelay(attempt, equal, () => random);
        expect(equalDelay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(equalDelay).toBeLessThanOrEqual(ceiling);
      }
    }
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');

  test.each([
    ['seconds', '3', 3000],
    ['fractional-seconds', '1.5', 1500],
    ['zero-seconds', '0', 0],
    ['http-date', 'Wed, 01 May 2024 12:00:07 GMT', 7000],
    ['http-date-in-past', 'Wed, 01 May 2024 11:59:00 GMT', 0],
    ['first-of-several', ['2', '9'], 2000],
    ['absent', undefined, undefined],
    ['empty', '', undefined],
    ['malformed', 'soon', undefined],
    ['negative', '-5', undefined],
  ] as const)('%s', (_name, header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('retryDelay', () => {
  test('retry-after wins over backoff', () => {
    expect(retryDelay(1, 3000, full, () => 0.5)).toBe(3000);
  });

  test('retry-after is capped', () => {
    expect(retryDelay(1, 120_000, full, () => 0.5)).toBe(10_000);
  });

  test('retry-after of zero is floored', () => {
    expect(retryDelay(1, 0, full, () => 0.5)).toBe(50);
  });

  test('falls back to backoff', () => {
    expect(retryDelay(2, undefined, full, () => 0.5)).toBe(200);
  });
});
