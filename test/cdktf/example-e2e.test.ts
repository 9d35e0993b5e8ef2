import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { webhooksFor } from '../../examples/cdktf/declaration';
import type { EnvironmentName } from '../../examples/cdktf/declaration';
import { identifierFor } from '../../examples/cdktf/webhooks-stack';
import { startEmulator } from '../../src/emulator';
import type { Emulator } from '../../src/emulator';
import { EXAMPLE_APP, REPO_ROOT, engineEnv, ensureBuilt, expectExit, locateTofu, run, writeCliConfig } from './engine';
import type { CommandResult } from './engine';

// The example app is synthesized as `cdktf synth` would (CDKTF_OUTDIR set, the compiled app run
// with node), then each stack goes through OpenTofu and our provider against the emulator. The
// signing secrets come from variables because no hashicorp/random v3 can be installed here.

const STACKS: readonly EnvironmentName[] = ['staging', 'prod'];

const CLIENT_SECRETS: Record<EnvironmentName, string> = {
  staging: 'planted-staging-client-secret-7c1d',
  prod: 'planted-prod-client-secret-2b9e',
};

/** Names of the webhooks that get a signing secret in one stack. */
const signedWebhooks = (stack: EnvironmentName) =>
  Object.entries(webhooksFor(stack))
    .filter(([, webhook]) => webhook.signed)
    .map(([name]) => name);

/** Signing secret planted for one webhook in one stack. */
const signingSecret = (stack: EnvironmentName, name: string) => `planted-${stack}-${name}-signing-secret-40af`;

const byUrl = (a: { url: string }, b: { url: string }) => a.url.localeCompare(b.url);

const WRITE_ROUTES = new Set(['add', 'update', 'delete', 'rotate-secret']);

jest.setTimeout(600_000);

describe('CDKTF example on OpenTofu', () => {
  let emulator: Emulator;
  let workDir: string;
  let tofu: string;
  let cliConfigFile: string;
  const outputs: CommandResult[] = [];

  const stackDir = (stack: EnvironmentName) => join(workDir, 'cdktf.out/stacks', stack);

  const stackEnv = (stack: EnvironmentName) => {
    const variables: Record<string, string> = {
      TF_VAR_ocrolus_client_id: `${stack}-client`,
      TF_VAR_ocrolus_client_secret: CLIENT_SECRETS[stack],
      TF_VAR_ocrolus_api_url: emulator.apiUrl,
      TF_VAR_ocrolus_auth_url: emulator.authUrl,
    };
    for (const name of signedWebhooks(stack)) {
      variables[`TF_VAR_${identifierFor(name)}_webhook_secret`] = signingSecret(stack, name);
    }
    return engineEnv(cliConfigFile, variables);
  };

  const tofuIn = async (stack: EnvironmentName, args: string[]) => {
    const result = await run(tofu, [...args, '-no-color'], { cwd: stackDir(stack), env: stackEnv(stack) });
    outputs.push(result);
    return result;
  };

  beforeAll(async () => {
    tofu = locateTofu();
    ensureBuilt();

    emulator = await startEmulator({
      requestsPerSecond: false,
      organizations: STACKS.map((stack) => ({ id: stack, clientId: `${stack}-client`, clientSecret: CLIENT_SECRETS[stack] })),
    });
    workDir = mkdtempSync(join(tmpdir(), 'ocrolus-cdktf-e2e-'));
    cliConfigFile = writeCliConfig(workDir);
  });

  afterAll(async () => {
    await emulator?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('synth writes both stacks', async () => {
    // The app writes its local state next to the working directory, as under `cdktf synth`.
    const env = { PATH: process.env.PATH, CDKTF_OUTDIR: join(workDir, 'cdktf.out'), OCROLUS_EXAMPLE_SECRET_SOURCE: 'variable' };
    const synth = await run(process.execPath, [EXAMPLE_APP], { cwd: workDir, env });
    expectExit(synth);

    for (const stack of STACKS) {
      const json = JSON.parse(readFileSync(join(stackDir(stack), 'cdk.tf.json'), 'utf8'));
      expect(Object.keys(json.resource.ocrolus_webhook).sort()).toEqual(Object.keys(webhooksFor(stack)).sort());
      expect(json.terraform.backend.local.path).toBe(join(workDir, `terraform.${stack}.tfstate`));
    }
    expect(REPO_ROOT).not.toBe(workDir);
  });

  test.each(STACKS)('%s applies, then plans no changes', async (stack) => {
    expectExit(await tofuIn(stack, ['init', '-input=false']));
    expectExit(await tofuIn(stack, ['plan', '-input=false', '-out=tfplan']));
    expectExit(await tofuIn(stack, ['apply', '-input=false', 'tfplan']));

    const actual = emulator
      .webhooks(stack)
      .map((webhook) => ({ url: webhook.url, description: webhook.description, isActive: webhook.isActive, events: [...webhook.events].sort(), secret: webhook.secret }))
      .sort(byUrl);
    const expected = Object.entries(webhooksFor(stack))
      .map(([name, webhook]) => ({
        url: webhook.url,
        description: webhook.description ?? null,
        isActive: webhook.active ?? true,
        events: [...webhook.events].sort(),
        secret: webhook.signed ? signingSecret(stack, name) : undefined,
      }))
      .sort(byUrl);
    expect(actual).toEqual(expected);

    // Variable values are not stored in state, so the client secret is absent. The webhook's own
    // signing secret is stored there, as docs/cdktf.md documents.
    const state = readFileSync(join(workDir, `terraform.${stack}.tfstate`), 'utf8');
    expect(state).not.toContain(CLIENT_SECRETS[stack]);
    for (const name of signedWebhooks(stack)) {
      expect(state).toContain(signingSecret(stack, name));
    }

    emulator.clearRequests();
    expectExit(await tofuIn(stack, ['plan', '-input=false', '-detailed-exitcode']), 0);
    const writes = emulator.requests(stack).filter((request) => request.route !== undefined && WRITE_ROUTES.has(request.route));
    expect(writes).toEqual([]);
  });

  test('uuid outputs match the emulator', async () => {
    for (const stack of STACKS) {
      const result = expectExit(await tofuIn(stack, ['output', '-json']));
      const values = JSON.parse(result.stdout) as Record<string, { value: string }>;
      const uuids = Object.keys(webhooksFor(stack)).map((name) => values[`${identifierFor(name)}_uuid`].value).sort();

      expect(uuids).toEqual(emulator.webhooks(stack).map((webhook) => webhook.uuid).sort());
    }
  });

  test('destroy removes every webhook', async () => {
    for (const stack of STACKS) {
      expectExit(await tofuIn(stack, ['destroy', '-input=false', '-auto-approve']));

      expect(emulator.webhooks(stack)).toEqual([]);
    }
  });

  test('no secret appears in engine output', () => {
    const planted = [...Object.values(CLIENT_SECRETS), ...STACKS.flatMap((stack) => signedWebhooks(stack).map((name) => signingSecret(stack, name)))];
    const text = outputs.map((result) => result.stdout + result.stderr).join('\n');

    expect(outputs.length).toBeGreaterThan(0);
    for (const secret of planted) {
      expect(text).not.toContain(secret);
    }
  });
});
