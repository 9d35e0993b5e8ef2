import type * as pulumi from '@pulumi/pulumi';

import type { WebhookApi } from '../client/types';
import { createOrAdopt } from './adopt';
import { createdUuid, WebhookInitError } from './errors';
import { pulumiMessage, withMessage } from './messages';
import { outputsFromObserved, withoutUndefined } from './properties';
import type { WebhookInputs, WebhookOutputs } from './properties';
import { describeFailedTest, runTestOnApply } from './test-on-apply';
import { desiredSpec } from './validated';

/**
 * Creates the webhook, or takes over the one `adopt` names when it exists, and returns it as read
 * back. With `testOnApply`, a test delivery follows. A failure after the add (or a failed test with
 * `failOnError`) still hands the uuid to the engine, so the webhook is never lost from state.
 */
export async function createResource(api: WebhookApi, inputs: WebhookInputs): Promise<pulumi.dynamic.CreateResult<WebhookOutputs>> {
  const desired = desiredSpec(inputs);

  let outcome;
  try {
    outcome = await createOrAdopt(api, desired, inputs.adopt);
  } catch (error) {
    const message = pulumiMessage(error, { call: 'create', name: desired.name, organization: api.organization, url: desired.declaredUrl });
    const created = createdUuid(error, desired.name);
    if (!created) throw withMessage(error, message);
    const partial = withoutUndefined({ name: inputs.name, uuid: created.uuid, secretVersion: inputs.secretVersion, sentSecretVersion: created.secretVersion });
    throw new WebhookInitError(message, created.uuid, partial);
  }

  let outs = outputsFromObserved(outcome.observed, outcome.binding, inputs);
  if (!inputs.testOnApply) return { id: outs.uuid, outs };

  const lastTest = await runTestOnApply(api, outcome.observed, inputs.testOnApply);
  outs = { ...outs, lastTest };
  if (lastTest.outcome === 'failed' && inputs.testOnApply.failOnError) {
    throw new WebhookInitError(describeFailedTest(desired.name, outs.uuid, lastTest), outs.uuid, { ...outs });
  }
  return { id: outs.uuid, outs };
}
