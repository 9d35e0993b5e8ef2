import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

import { isWireSecret } from './mocks';
import type { RegisteredResource } from './mocks';
import { REPO_ROOT } from './package';

const SIGNING_SECRET = 'planted-example-signing-secret-5e1d';

interface YamlWebhook {
  description?: string;
  url: string;
  events: string[];
  active?: boolean;
  secret?: unknown;
  secretVersion?: number;
  enabled?: boolean;
}

/** Lists the webhooks examples/webhooks.yaml declares for one environment, the way the CLI reads them. */
function yamlWebhooks(environment: string): Record<string, unknown> {
  const declaration = parse(readFileSync(join(REPO_ROOT, 'examples', 'webhooks.yaml'), 'utf8')) as {
    webhooks: Record<string, YamlWebhook>;
    environments: Record<string, { webhooks?: Record<string, Partial<YamlWebhook>> }>;
  };

  const result: Record<string, unknown> = {};
  for (const [name, base] of Object.entries(declaration.webhooks)) {
    const { enabled = true, ...override } = declaration.environments[environment].webhooks?.[name] ?? {};
    if (!enabled) continue;
    const webhook = { ...base, ...override };
    result[name] = { description: webhook.description, url: webhook.url, events: webhook.events, active: webhook.active ?? true, signed: webhook.secret !== undefined, secretVersion: webhook.secretVersion };
  }
  return result;
}

/** Runs the example program for `stack` against mocks, in a module registry of its own. */
async function runExample(stack: string): Promise<RegisteredResource[]> {
  let registered: Promise<RegisteredResource[]> = Promise.resolve([]);
  let exported: Record<string, unknown> = {};

  await new Promise<void>((resolve, reject) => {
    jest.isolateModules(() => {
      const { useMocks } = require('./mocks') as typeof import('./mocks');
      registered = useMocks(stack);
      registered
        .then(() => {
          exported = require('../../../examples/pulumi') as Record<string, unknown>;
          resolve();
        })
        .catch(reject);
    });
  });

  const { valueOf } = require('./mocks') as typeof import('./mocks');
  const webhooks = exported.webhooks as Record<string, { uuid: import('@pulumi/pulumi').Output<string> }>;
  await Promise.all(Object.values(webhooks).map((webhook) => valueOf(webhook.uuid)));
  return registered;
}

function asDeclared(entry: RegisteredResource): unknown {
  const object = entry.object as Record<string, unknown>;
  return {
    description: object.description,
    url: object.url,
    events: object.events,
    active: object.active ?? true,
    signed: object.secret !== undefined,
    secretVersion: object.secretVersion,
  };
}

/**
 * Tests that the example program declares, for `stack`, the webhooks examples/webhooks.yaml
 * declares for that environment. One program run per test file: the SDK keeps its mocked engine
 * in process-wide state, and a second run in the same file does not reach the recorder.
 */
export function describeExampleStack(stack: 'staging' | 'prod'): void {
  describe(`example program, stack ${stack}`, () => {
    const previousSecret = process.env.ORDERS_WEBHOOK_SECRET;

    beforeAll(() => {
      process.env.ORDERS_WEBHOOK_SECRET = SIGNING_SECRET;
    });

    afterAll(() => {
      if (previousSecret === undefined) delete process.env.ORDERS_WEBHOOK_SECRET;
      else process.env.ORDERS_WEBHOOK_SECRET = previousSecret;
    });

    test('declares the webhooks of webhooks.yaml with a secret signing secret', async () => {
      const registered = await runExample(stack);

      const webhooks = registered.filter((entry) => entry.type === 'pulumi-nodejs:dynamic/ocrolus:Webhook');
      expect(Object.fromEntries(webhooks.map((entry) => [entry.name, asDeclared(entry)]))).toEqual(yamlWebhooks(stack));

      const orders = registered.find((entry) => entry.name === 'orders');
      expect(isWireSecret(orders?.object.secret)).toBe(true);
      for (const entry of registered) expect(JSON.stringify({ ...entry.object, secret: undefined })).not.toContain(SIGNING_SECRET);
    });
  });
}
