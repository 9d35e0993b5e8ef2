import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import type * as EmulatorModule from '../../emulator';
import { loadDeclaration } from '../declaration';
import type { Declaration } from '../declaration-types';
import type { CliIo } from '../io';
import { packageRoot } from '../package-root';
import type { SecretScrubber } from '../redact';
import { planEnvironment } from '../session';
import { runApplyCommand } from './apply';
import { runPlanCommand } from './plan';
import { EXIT_CHANGES } from './shared';

/** Declaration the demo runs when --file is not given. */
const DEMO_DECLARATION = path.join('examples', 'webhooks.yaml');

export interface DemoCommandOptions {
  readonly file?: string;
}

/**
 * `demo`: runs the whole workflow against an embedded emulator on 127.0.0.1. It creates one
 * emulator organization per declared environment with generated credentials. It sets the
 * declaration's credential and secret variables for this run only and applies to each environment
 * in order. Then it plans all of them again to show that nothing is left to change.
 */
export async function runDemoCommand(options: DemoCommandOptions, io: CliIo, scrubber: SecretScrubber): Promise<number> {
  const file = options.file ?? defaultDeclaration(io.cwd);
  const { declaration } = await loadDeclaration(file, io.cwd);
  const workDirectory = await mkdtemp(path.join(tmpdir(), 'ocrolus-webhooks-demo-'));
  // Loaded on demand so that the other commands start without the emulator's modules.
  const { startEmulator } = require('../../emulator') as typeof EmulatorModule;

  const organizations = declaration.environments.map((environment) => ({
    id: environment.name,
    name: environment.name,
    clientId: 'literal' in environment.credentials.clientId ? environment.credentials.clientId.literal : `${environment.name}-demo-client`,
    clientSecret: generateSecret(),
  }));
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0, dataFile: path.join(workDirectory, 'emulator.json'), organizations });

  try {
    const env = demoEnvironment(declaration, io.env, organizations, emulator);
    for (const organization of organizations) scrubber.add(organization.clientSecret);

    const demoIo: CliIo = { ...io, env };
    const endpoint = { apiUrl: emulator.apiUrl, authUrl: emulator.authUrl };
    const common = { file, state: path.join(workDirectory, 'ocrolus-webhooks.state.json') };
    const environments = declaration.environments.map((environment) => environment.name);

    io.stdout.write(`Started the Ocrolus emulator at ${emulator.url} with the organizations ${environments.join(', ')}.\n`);
    io.stdout.write(`Declaration: ${file}. Credentials and webhook secrets are generated for this run and never printed.\n\n`);

    for (const environment of environments) {
      io.stdout.write(`=== Apply to ${environment} ===\n\n`);
      const code = await runApplyCommand({ ...common, env: [environment] }, demoIo, scrubber, { command: 'apply', planner: planEnvironment, endpoint });
      if (code !== 0) return code;
    }

    io.stdout.write(`=== Plan every environment again ===\n\n`);
    const code = await runPlanCommand({ ...common, detailedExitcode: true }, demoIo, scrubber, endpoint);
    if (code === EXIT_CHANGES) {
      io.stderr.write('Error: the second plan still has changes, so apply did not converge.\n');
      return 1;
    }
    if (code !== 0) return code;

    io.stdout.write('Demo complete: every environment matches the declaration and nothing is left to change.\n');
    return 0;
  } finally {
    await emulator.close();
    await rm(workDirectory, { recursive: true, force: true });
  }
}

/** examples/webhooks.yaml in the working directory, else the one shipped with this package. */
function defaultDeclaration(cwd: string): string {
  if (existsSync(path.resolve(cwd, DEMO_DECLARATION))) return DEMO_DECLARATION;
  return path.join(packageRoot(), DEMO_DECLARATION);
}

/** Builds the demo's process environment: the declaration's variables set to the emulator's values. */
function demoEnvironment(
  declaration: Declaration,
  base: NodeJS.ProcessEnv,
  organizations: readonly { id: string; clientId: string; clientSecret: string }[],
  emulator: { apiUrl: string; authUrl: string },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };

  for (const environment of declaration.environments) {
    const organization = organizations.find((candidate) => candidate.id === environment.name)!;
    const { clientId, clientSecret, apiUrl, authUrl } = environment.credentials;
    if ('env' in clientId) env[clientId.env] = organization.clientId;
    env[clientSecret.env] = organization.clientSecret;
    if (apiUrl !== undefined && 'env' in apiUrl) env[apiUrl.env] = emulator.apiUrl;
    if (authUrl !== undefined && 'env' in authUrl) env[authUrl.env] = emulator.authUrl;

    for (const override of Object.values(environment.overrides)) {
      if (override.secret !== undefined) env[override.secret.env] = generateSecret();
    }
  }

  for (const webhook of declaration.webhooks) {
    if (webhook.secret !== undefined) env[webhook.secret.env] = generateSecret();
  }
  return env;
}

function generateSecret(): string {
  return randomBytes(24).toString('hex');
}
