import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { runCli } from '../../../src/cli';
import { DEFAULT_VARIANTS, startEmulator } from '../../../src/emulator';
import type { Emulator, RecordedRequest } from '../../../src/emulator';
import { memoryIo } from './memory-io';

/** Client secrets of the emulator organizations; tests search every output for them. */
export const SECRETS = {
  staging: 'staging-client-secret-PLANTED-1111',
  prod: 'prod-client-secret-PLANTED-2222',
  viewer: 'viewer-client-secret-PLANTED-3333',
  webhook: 'webhook-signing-secret-PLANTED-4444',
} as const;

/** Result of one in-process CLI run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The emulator with staging, prod and a non-manager viewer organization, plus a working directory. */
export interface CliFixture {
  readonly emulator: Emulator;
  readonly dir: string;
  /** Environment variables that point every declared environment at the emulator. */
  readonly env: NodeJS.ProcessEnv;
  /** Runs the CLI in `dir` with `env` (plus `extraEnv`). */
  run(args: readonly string[], extraEnv?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** Writes `webhooks.yaml` in `dir` and removes any state file, so each test starts fresh. */
  declare(yaml: string): Promise<void>;
  /** Rewrites `webhooks.yaml` and keeps the state file, as a commit to the declaration would. */
  redeclare(yaml: string): Promise<void>;
  /** Parsed state file, or undefined when there is none. */
  state(): Promise<{ environments: Record<string, { webhooks: Record<string, { uuid: string; secretVersion?: string }> }> } | undefined>;
  stateText(): Promise<string>;
  /** Requests of an organization that reached a webhook route (token calls left out). */
  webhookRequests(organization: string): RecordedRequest[];
  /** Deletes every webhook of every organization and resets faults, variants and the request log. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Credentials block of one environment, reading the variables the fixture sets. */
export function credentials(environment: 'staging' | 'prod' | 'viewer'): string {
  const prefix = `OCROLUS_${environment.toUpperCase()}`;
  return [
    '    credentials:',
    `      clientId: { env: ${prefix}_CLIENT_ID }`,
    `      clientSecret: { env: ${prefix}_CLIENT_SECRET }`,
    `      apiUrl: { env: ${prefix}_API_URL }`,
    `      authUrl: { env: ${prefix}_AUTH_URL }`,
  ].join('\n');
}

/** Builds a declaration from a webhooks block (indented by two spaces) and the environments to declare. */
export function declaration(webhooks: string, environments: ReadonlyArray<'staging' | 'prod' | 'viewer'> = ['staging'], extra: Record<string, string> = {}): string {
  const lines = ['version: 1', 'webhooks:', webhooks, 'environments:'];
  for (const environment of environments) {
    lines.push(`  ${environment}:`, credentials(environment));
    if (extra[environment] !== undefined) lines.push(extra[environment]);
  }
  return `${lines.join('\n')}\n`;
}

export async function startCliFixture(): Promise<CliFixture> {
  const emulator = await startEmulator({
    requestsPerSecond: false,
    organizations: [
      { id: 'staging', clientId: 'staging-client', clientSecret: SECRETS.staging },
      { id: 'prod', clientId: 'prod-client', clientSecret: SECRETS.prod },
      { id: 'viewer', clientId: 'viewer-client', clientSecret: SECRETS.viewer, manager: false },
    ],
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'ocrolus-cli-test-'));

  const env: NodeJS.ProcessEnv = {
    OCROLUS_TIMEOUT_MS: '3000',
    OCROLUS_RETRY_BASE_MS: '5',
    OCROLUS_RETRY_MAX_MS: '20',
    ORDERS_WEBHOOK_SECRET: SECRETS.webhook,
  };
  for (const organization of ['staging', 'prod', 'viewer'] as const) {
    const prefix = `OCROLUS_${organization.toUpperCase()}`;
    env[`${prefix}_CLIENT_ID`] = `${organization}-client`;
    env[`${prefix}_CLIENT_SECRET`] = SECRETS[organization];
    env[`${prefix}_API_URL`] = emulator.apiUrl;
    env[`${prefix}_AUTH_URL`] = emulator.authUrl;
  }

  const statePath = path.join(dir, 'ocrolus-webhooks.state.json');
  return {
    emulator,
    dir,
    env,
    async run(args, extraEnv = {}) {
      const io = memoryIo({ cwd: dir, env: { ...env, ...extraEnv } });
      const code = await runCli(args, io);
      return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
    },
    async declare(yaml) {
      await writeFile(path.join(dir, 'webhooks.yaml'), yaml);
      await rm(statePath, { force: true });
    },
    async redeclare(yaml) {
      await writeFile(path.join(dir, 'webhooks.yaml'), yaml);
    },
    async state() {
      if (!existsSync(statePath)) return undefined;
      return JSON.parse(await readFile(statePath, 'utf8'));
    },
    async stateText() {
      return existsSync(statePath) ? readFile(statePath, 'utf8') : '';
    },
    webhookRequests(organization) {
      return emulator.requests(organization).filter((request) => request.route !== undefined && request.route !== 'token');
    },
    async reset() {
      emulator.clearFaults();
      emulator.setVariants(DEFAULT_VARIANTS);
      for (const organization of ['staging', 'prod', 'viewer']) {
        for (const webhook of emulator.webhooks(organization)) emulator.removeWebhook(organization, webhook.uuid);
      }
      emulator.clearRequests();
      await rm(statePath, { force: true });
    },
    async close() {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
