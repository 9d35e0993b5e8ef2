/**
 * CDKTF app with the example webhooks in two stacks, `staging` and `prod`, each deployed to its
 * own Ocrolus organization. cdktf.json runs the compiled file (`npm run build` first).
 *
 * OCROLUS_EXAMPLE_SECRET_SOURCE selects where signing secrets come from: `random` (the default)
 * or `variable`.
 */
import { App } from 'cdktf';

import { ENVIRONMENTS } from './declaration';
import { OcrolusWebhooksStack } from './webhooks-stack';
import type { SecretSource } from './webhooks-stack';

const SECRET_SOURCES: readonly SecretSource[] = ['random', 'variable'];

function secretSourceFromEnv(): SecretSource {
  const value = process.env.OCROLUS_EXAMPLE_SECRET_SOURCE ?? 'random';
  if (!(SECRET_SOURCES as readonly string[]).includes(value)) {
    throw new Error(`OCROLUS_EXAMPLE_SECRET_SOURCE is "${value}", but it must be one of: ${SECRET_SOURCES.join(', ')}.`);
  }
  return value as SecretSource;
}

const app = new App();
const secretSource = secretSourceFromEnv();
for (const environment of ENVIRONMENTS) {
  new OcrolusWebhooksStack(app, environment, { environment, secretSource });
}
app.synth();
