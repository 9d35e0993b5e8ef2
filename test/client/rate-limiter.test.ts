import { organizationRequestCounts, RateLimiter } from '../../src/client';
import { API_ORIGIN, envelope, FakeClock, mockSetup, PREFIX, uniqueOrganization } from './helpers';

describe('RateLimiter', () => {
  test('first twenty start at once', () => {
    const limiter = new RateLimiter(20, new FakeClock());

    const delays = Array.from({ length: 20 }, () => limiter.reserve());

    expect(delays).toEqual(Array.from({ length: 20 }, () => 0));
  });

  test('excess waits for the window', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(20, clock);

    const delays = Array.from({ length: 45 }, () => limiter.reserve());

    expect(delays.slice(20, 40)).toEqual(Array.from({ length: 20 }, () => 1000));
    expect(delays.slice(40)).toEqual(Array.from({ length: 5 }, () => 2000));
  });

  test('no window holds more than the limit', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(5, clock);
    const starts: number[] = [];

    for (let request = 0; request < 40; request += 1) {
      starts.push(clock.now() + limiter.reserve());
      clock.advance(request % 3 === 0 ? 130 : 20);
    }

    for (const start of starts) {
      const inWindow = starts.filter((other) => other >= start && other < start + 1000);
      expect(inWindow.length).toBeLessThanOrEqual(5);
    }
  });

  test('time passing frees slots', () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(2, clock);

    limiter.reserve();
    clock.advance(400);
    limiter.reserve();
    clock.advance(700);

    expect(limiter.reserve()).toBe(0);
    expect(limiter.reserve()).toBe(300);
  });

  test('acquire sleeps the booked delay', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(1, clock);

    await limiter.acquire();
    await limiter.acquire();
    await limiter.acquire();

    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  test('lower limit wins', () => {
    const limiter = new RateLimiter(20, new FakeClock());

    limiter.lowerLimit(50);
    limiter.lowerLimit(3);

    expect(limiter.limit).toBe(3);
  });
});

describe('limiter shared per organization', () => {
  test('clients of one organization share it', async () => {
    const organization = uniqueOrganization('shared');
    const first = mockSetup({ organization, requestsPerSecond: 2 });
    const second = mockSetup({ organization, requestsPerSecond: 2, clock: first.clock });
    for (const setup of [first, second]) {
      setup.api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(200, envelope({ webhooks: [] })).times(2);
    }

    await first.client.listWebhooks();
    await second.client.listWebhooks();
    await first.client.listWebhooks();
    await second.client.listWebhooks();

    // Two start at once, then the third and fourth share the next second.
    expect(first.clock.sleeps).toEqual([1000]);
    expect(first.client.stats()).toMatchObject({ requests: 2, organizationRequests: 4 });
    expect(organizationRequestCounts()[`${API_ORIGIN} ${organization}`]).toEqual({ requests: 4, tokenRequests: 2 });
  });

  test('other organizations are independent', async () => {
    const first = mockSetup({ requestsPerSecond: 1 });
    const other = mockSetup({ requestsPerSecond: 1, clock: first.clock });
    for (const setup of [first, other]) {
      setup.api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(200, envelope({ webhooks: [] }));
    }

    await first.client.listWebhooks();
    await other.client.listWebhooks();

    expect(first.clock.sleeps).toEqual([]);
  });

  test('retries pass the limiter', async () => {
    const setup = mockSetup({ requestsPerSecond: 1 });
    setup.api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(503, '');
    setup.api.intercept({ path: `${PREFIX}/webhooks`, method: 'GET' }).reply(200, envelope({ webhooks: [] }));

    await setup.client.listWebhooks();

    // The backoff sleeps 100 ms, then the limiter makes the retry wait the rest of the second.
    expect(setup.clock.sleeps).toEqual([100, 900]);
  });
});
