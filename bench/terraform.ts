import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startEmulator } from '../src/emulator';
import type { Emulator } from '../src/emulator';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../src/terraform/handshake';
import { installTerraformProvider } from '../src/terraform/install';
import { generatePluginCertificate } from '../src/terraform/tls';

/** Repository root, from dist/bench when compiled. */
const ROOT = resolve(__dirname, '..', '..');
const PROVIDER_BIN = join(ROOT, 'bin', 'terraform-provider-ocrolus.js');

const STACKS = ['staging', 'prod'] as const;
const WEBHOOKS_PER_STACK = 5;

/**
 * Measures the Terraform provider. The first figures are the time from spawning the provider to its
 * handshake line, plaintext and with mutual TLS (median of `runs`). The others come from an
 * end-to-end no-change `tofu plan` of 2 stacks with 5 webhooks each against the emulator, with the
 * API calls the plans made.
 */
export async function benchTerraform(runs = 7): Promise<Record<string, number | string>> {
  const plaintext: number[] = [];
  const mutualTls: number[] = [];
  const engineCertificate = await generatePluginCertificate();
  for (let run = 0; run < runs; run++) {
    plaintext.push(await timeHandshake({}));
    mutualTls.push(await timeHandshake({ PLUGIN_CLIENT_CERT: engineCertificate.certPem }));
  }

  const plan = await benchNoChangePlan();
  return {
    'handshake, plaintext (median ms)': round(median(plaintext)),
    'handshake, mutual TLS (median ms)': round(median(mutualTls)),
    ...plan,
  };
}

/** Spawns the provider and returns the milliseconds until its handshake line arrives on stdout. */
function timeHandshake(extraEnv: NodeJS.ProcessEnv): Promise<number> {
  const env = { PATH: process.env.PATH, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '6', ...extraEnv };
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [PROVIDER_BIN], { env, stdio: ['ignore', 'pipe', 'ignore'] });

  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`The provider exited with ${code} before its handshake line.`)));
    child.stdout.once('data', () => {
      resolvePromise(Number(process.hrtime.bigint() - started) / 1e6);
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
    });
  });
}

async function benchNoChangePlan(): Promise<Record<string, number | string>> {
  const tofu = process.env.OCROLUS_TOFU ?? join(ROOT, '.tools', 'bin', 'tofu');
  if (!existsSync(tofu)) throw new Error(`OpenTofu not found at ${tofu}. Run scripts/install-engines.sh, or set OCROLUS_TOFU.`);

  const organizations = STACKS.map((stack) => ({ id: stack, clientId: `${stack}-client`, clientSecret: `${stack}-client-secret-bench-0` }));
  const emulator = await startEmulator({ organizations });
  const root = mkdtempSync(join(tmpdir(), 'ocrolus-bench-tf-'));
  try {
    const { cliConfigFile } = await installTerraformProvider({ dir: join(root, 'provider'), mode: 'mirror' });
    const stacks = STACKS.map((stack) => prepareStack(root, stack, emulator, cliConfigFile));

    for (const stack of stacks) {
      await runTofu(tofu, stack, ['init', '-input=false', '-no-color'], 0);
      await runTofu(tofu, stack, ['apply', '-auto-approve', '-input=false', '-no-color'], 0);
    }

    emulator.clearRequests();
    const started = process.hrtime.bigint();
    await Promise.all(stacks.map((stack) => runTofu(tofu, stack, ['plan', '-detailed-exitcode', '-input=false', '-no-color'], 0)));
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;

    const requests = emulator.requests();
    const byRoute = new Map<string, number>();
    for (const request of requests) byRoute.set(request.route ?? 'unknown', (byRoute.get(request.route ?? 'unknown') ?? 0) + 1);

    return {
      'no-change plan, 2 stacks x 5 webhooks, run in parallel (ms)': round(elapsed),
      'API calls during those plans': requests.length,
      'API calls by route': [...byRoute.entries()].map(([route, count]) => `${route} ${count}`).join(', '),
      'write calls during those plans': requests.filter((request) => request.method !== 'GET' && request.route !== 'token').length,
    };
  } finally {
    await emulator.close();
    rmSync(root, { recursive: true, force: true });
  }
}

interface Stack {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
}

function prepareStack(root: string, stack: string, emulator: Emulator, cliConfigFile: string): Stack {
  const dir = join(root, stack);
  mkdirSync(join(dir, 'home'), { recursive: true });

  const events = ['book.verified', 'book.completed', 'document.upload_failed'];
  const webhooks = Object.fromEntries(
    Array.from({ length: WEBHOOKS_PER_STACK }, (_, index) => [`hook_${index + 1}`, { url: `https://${stack}.example.com/hooks/${index + 1}`, events: events.slice(0, 1 + (index % 3)) }]),
  );
  writeFileSync(
    join(dir, 'main.tf.json'),
    JSON.stringify({
      terraform: { required_providers: { ocrolus: { source: 'ocrolus/ocrolus' } } },
      provider: { ocrolus: { client_id: `${stack}-client`, api_url: emulator.apiUrl, auth_url: emulator.authUrl } },
      resource: { ocrolus_webhook: webhooks },
    }),
  );

  const env = {
    PATH: process.env.PATH,
    HOME: join(dir, 'home'),
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    OCROLUS_CLIENT_SECRET: `${stack}-client-secret-bench-0`,
  };
  return { dir, env };
}

function runTofu(tofu: string, stack: Stack, args: string[], expectedCode: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tofu, args, { cwd: stack.dir, env: stack.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === expectedCode ? resolvePromise() : reject(new Error(`tofu ${args[0]} in ${stack.dir} exited ${code}:\n${output}`))));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
