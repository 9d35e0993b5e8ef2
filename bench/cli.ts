import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startEmulator } from '../src/emulator';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'ocrolus-webhooks.js');
const PROBE = join(ROOT, 'bench', 'rss-probe.js');

/**
 * Runs the CLI once and returns its wall time in milliseconds and peak memory in MiB. The child
 * runs asynchronously because the emulator it talks to lives in this process.
 */
async function measure(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; rssMiB: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ocrolus-bench-'));
  const rssFile = join(dir, 'rss');
  try {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', PROBE, BIN, ...args], { env: { ...env, OCROLUS_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolvePromise) => child.on('close', resolvePromise));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;

    if (status !== 0) throw new Error(`ocrolus-webhooks ${args.join(' ')} exited with ${status}: ${stderr}`);
    return { ms, rssMiB: Number(readFileSync(rssFile, 'utf8')) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function repeat(runs: number, args: string[], env: NodeJS.ProcessEnv): Promise<Array<{ ms: number; rssMiB: number }>> {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(args, env));
  return results;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** CLI start-up time (`--help`) and the time and peak memory of a no-change plan of the example declaration. */
export async function benchCli(runs = 7): Promise<Record<string, number | string>> {
  const help = await repeat(runs, ['--help'], process.env);

  const emulator = await startEmulator({ organizations: [{ id: 'staging', clientId: 'staging-client', clientSecret: 'staging-client-secret-0000' }] });
  const dir = mkdtempSync(join(tmpdir(), 'ocrolus-bench-'));
  try {
    const file = join(dir, 'webhooks.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'webhooks:',
        '  orders:',
        '    url: https://hooks.example.com/bench/orders',
        '    events: [book.verified, book.completed]',
        'environments:',
        '  staging:',
        '    credentials:',
        '      clientId: { env: BENCH_CLIENT_ID }',
        '      clientSecret: { env: BENCH_CLIENT_SECRET }',
        '      apiUrl: { env: BENCH_API_URL }',
        '      authUrl: { env: BENCH_AUTH_URL }',
        '',
      ].join('\n'),
    );
    const env = { ...process.env, BENCH_CLIENT_ID: 'staging-client', BENCH_CLIENT_SECRET: 'staging-client-secret-0000', BENCH_API_URL: emulator.apiUrl, BENCH_AUTH_URL: emulator.authUrl };
    await measure(['apply', '--file', file], env);
    const plans = await repeat(runs, ['plan', '--file', file], env);

    return {
      [`CLI start-up, --help, median of ${runs} (ms)`]: Math.round(median(help.map((r) => r.ms))),
      'CLI peak memory, --help (MiB)': Number(median(help.map((r) => r.rssMiB)).toFixed(1)),
      [`CLI no-change plan against the emulator, median of ${runs} (ms)`]: Math.round(median(plans.map((r) => r.ms))),
      'CLI peak memory, no-change plan (MiB)': Number(median(plans.map((r) => r.rssMiB)).toFixed(1)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.close();
  }
}
