import * as pulumi from '@pulumi/pulumi';

import { startEmulator } from '../src/emulator';
import { webhookProvider } from '../src/pulumi';
import { startProviderHost, webhookUrn } from '../test/pulumi/support/host';
import type { ProviderHost } from '../test/pulumi/support/host';
import { REPO_ROOT } from '../test/pulumi/support/paths';

const ORGANIZATION = { id: 'bench', clientId: 'bench-client', clientSecret: 'bench-client-secret-0000' };

/** Average wall time of `runs` sequential calls, in milliseconds, rounded to 0.01 ms. */
async function averageMs(runs: number, call: (index: number) => Promise<unknown>): Promise<number> {
  let total = 0;
  for (let index = 0; index < runs; index += 1) {
    const started = process.hrtime.bigint();
    await call(index);
    total += Number(process.hrtime.bigint() - started) / 1e6;
  }
  return Math.round((total / runs) * 100) / 100;
}

/**
 * Size of the serialized Webhook provider, and the time of Check, Diff and Create through the
 * real dynamic-provider host over gRPC against the emulator on loopback. Create includes the
 * reconciler's read-back and the client's limit of 20 requests per second per organization. Each
 * created webhook is deleted again outside the timing, because an organization has at most 5.
 * Runs from the compiled package: the host loads `ocrolus-webhooks/pulumi` from dist/.
 */
export async function benchPulumi(runs = 20, createRuns = 10): Promise<Record<string, number | string>> {
  const serialized = await pulumi.runtime.serializeFunction(() => webhookProvider, { allowSecrets: true });

  const emulator = await startEmulator({ organizations: [ORGANIZATION], requestsPerSecond: false });
  let host: ProviderHost | undefined;
  try {
    host = await startProviderHost({ cwd: REPO_ROOT, env: { PATH: process.env.PATH } });
    await host.configure({ 'ocrolus:clientId': ORGANIZATION.clientId, 'ocrolus:clientSecret': ORGANIZATION.clientSecret, 'ocrolus:apiUrl': emulator.apiUrl, 'ocrolus:authUrl': emulator.authUrl });
    const provider = host;

    const urn = webhookUrn('bench');
    const inputs = { __provider: serialized.text, name: 'bench', url: 'https://hooks.example.com/ocrolus/bench', events: ['book.verified', 'book.completed'], description: 'Benchmark webhook' };
    const olds = { ...inputs, uuid: '00000000-0000-4000-8000-000000000000', events: ['book.completed', 'book.verified'], active: true, isActive: true };

    // The first call of each kind loads the provider and the client; it is left out of the averages.
    await provider.check(urn, {}, inputs);
    const checkMs = await averageMs(runs, () => provider.check(urn, {}, inputs));
    const diffMs = await averageMs(runs, () => provider.diff(urn, olds.uuid, olds, { ...inputs, description: 'Changed description' }));

    const created = await provider.create(urn, inputs);
    await provider.delete(urn, created.id, created.properties);
    let createMs = 0;
    for (let index = 0; index < createRuns; index += 1) {
      const started = process.hrtime.bigint();
      const result = await provider.create(urn, inputs);
      createMs += Number(process.hrtime.bigint() - started) / 1e6;
      await provider.delete(urn, result.id, result.properties);
    }

    return {
      'serialized provider (bytes)': serialized.text.length,
      'Check through the host (ms, average of runs)': checkMs,
      'Diff through the host (ms, average of runs)': diffMs,
      'Create through the host (ms, average of create runs)': Math.round((createMs / createRuns) * 100) / 100,
      runs,
      'create runs': createRuns,
    };
  } finally {
    await host?.close();
    await emulator.close();
  }
}
