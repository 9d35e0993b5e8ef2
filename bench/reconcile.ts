import { createClient } from '../src/client';
import type { WebhookApi } from '../src/client/types';
import { applyPlan, observeOrganization, planOrganization } from '../src/core';
import type { WebhookSpec } from '../src/core';
import { startEmulator } from '../src/emulator';

/**
 * Measures the reconciler against the emulator. It counts API calls per plan and apply next to the
 * minimum the API allows. It also times many organizations applied concurrently next to a
 * one-at-a-time baseline, under the emulator's limit of 20 requests per second per organization.
 */

const EVENTS = ['book.verified', 'book.completed', 'document.verification_failed'];

function declaration(count: number): WebhookSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `hook${i + 1}`,
    url: `https://hooks.example.com/bench/${i + 1}`,
    description: `Benchmark webhook ${i + 1}`,
    events: EVENTS,
  }));
}

async function reconcile(api: WebhookApi, desired: WebhookSpec[], concurrency: number): Promise<void> {
  const observed = await observeOrganization(api);
  const plan = planOrganization({ organization: api.organization, desired, observed, bindings: [] });
  await applyPlan(api, plan, { concurrency });
}

export async function benchCalls(): Promise<Record<string, number | string>> {
  // The emulator's rate limit is off here so that a 429 retry cannot blur the count.
  const emulator = await startEmulator({ organizations: [{ id: 'calls', clientId: 'calls-client', clientSecret: 'calls-client-secret-0000' }], requestsPerSecond: false });
  try {
    const api = createClient({ clientId: 'calls-client', clientSecret: 'calls-client-secret-0000', apiUrl: emulator.apiUrl, authUrl: emulator.authUrl, organization: 'calls' });
    const desired = declaration(5);
    const webhookCalls = () => emulator.requests('calls').filter((r) => r.route !== 'token').length;

    emulator.clearRequests();
    await reconcile(api, desired, 5);
    const applyCalls = webhookCalls();

    emulator.clearRequests();
    const observed = await observeOrganization(api);
    planOrganization({ organization: 'calls', desired, observed, bindings: [] });
    const planCalls = webhookCalls();

    return {
      'no-change plan, 5 webhooks: API calls': planCalls,
      // The list call omits events, so one events call per webhook is the least any client can do.
      'no-change plan: minimum possible': 1 + desired.length,
      'apply creating 5 webhooks: API calls': applyCalls,
      // Observe (1 list, no events on an empty organization), then per webhook one add and one read-back of the webhook and its events.
      'apply creating 5 webhooks: minimum with read-back': 1 + desired.length * 3,
      'apply creating 5 webhooks: minimum without read-back': 1 + desired.length,
    };
  } finally {
    await emulator.close();
  }
}

/**
 * Simulated network latency per API call in milliseconds. The emulator responds in well under a
 * millisecond on loopback, which would hide what concurrency saves against a remote API. 50 ms is
 * an estimate of one round trip to a hosted API, not a measured Ocrolus figure.
 */
const LATENCY_MS = 50;

export async function benchOrganizations(organizations = 20, webhooks = 5): Promise<Record<string, number | string>> {
  const seeds = Array.from({ length: organizations }, (_, i) => ({ id: `org${i + 1}`, clientId: `org${i + 1}-client`, clientSecret: `org${i + 1}-client-secret-000` }));
  const desired = declaration(webhooks);

  const run = async (concurrent: boolean): Promise<{ elapsed: number; throttled: number }> => {
    const emulator = await startEmulator({ organizations: seeds, requestsPerSecond: 20 });
    emulator.injectFault({ kind: 'latency', route: '*', ms: LATENCY_MS, count: 1_000_000 });
    try {
      const clients = seeds.map((seed) => createClient({ clientId: seed.clientId, clientSecret: seed.clientSecret, apiUrl: emulator.apiUrl, authUrl: emulator.authUrl, organization: `${seed.id}-${concurrent ? 'concurrent' : 'serial'}` }));
      const started = process.hrtime.bigint();
      if (concurrent) {
        await Promise.all(clients.map((api) => reconcile(api, desired, 5)));
      } else {
        for (const api of clients) await reconcile(api, desired, 1);
      }
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;

      const created = seeds.reduce((sum, seed) => sum + emulator.webhooks(seed.id).length, 0);
      if (created !== organizations * webhooks) throw new Error(`expected ${organizations * webhooks} webhooks, found ${created}`);
      const throttled = seeds.reduce((sum, seed) => sum + emulator.requests(seed.id).filter((r) => r.status === 429).length, 0);
      return { elapsed, throttled };
    } finally {
      await emulator.close();
    }
  };

  const serial = await run(false);
  const concurrent = await run(true);
  return {
    'simulated latency per API call (ms)': LATENCY_MS,
    [`apply ${organizations} organizations x ${webhooks} webhooks, one at a time (ms)`]: Math.round(serial.elapsed),
    [`apply ${organizations} organizations x ${webhooks} webhooks, concurrent (ms)`]: Math.round(concurrent.elapsed),
    'speed-up of concurrent over one at a time': `${(serial.elapsed / concurrent.elapsed).toFixed(1)}x`,
    '429 answers from the emulator, one at a time / concurrent': `${serial.throttled} / ${concurrent.throttled}`,
  };
}
