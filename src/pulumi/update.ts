import type * as pulumi from '@pulumi/pulumi';

import { updateWebhook } from '../core';
import type { WebhookApi } from '../client/types';
import { changedFields } from './diff';
import { WebhookInitError } from './errors';
import { pulumiMessage, withMessage } from './messages';
import { outputsFromObserved, sentSecretVersion } from './properties';
import type { WebhookInputs, WebhookOutputs } from './properties';
import { describeFailedTest, runTestOnApply, TESTED_FIELDS } from './test-on-apply';
import { desiredSpec } from './validated';

/**
 * Brings the webhook to the new inputs through the core, which reads it first, orders the active
 * flip around the other changes and verifies each write. Always returns the full outputs. With
 * `testOnApply`, a test delivery follows a change of URL, events or secret, and a retry of a
 * test that failed last time.
 */
export async function updateResource(api: WebhookApi, id: string, olds: Partial<WebhookOutputs>, news: WebhookInputs): Promise<pulumi.dynamic.UpdateResult<WebhookOutputs>> {
  const desired = desiredSpec(news);
  const changed = changedFields(olds, news);

  let outcome;
  try {
    outcome = await updateWebhook(api, id, desired, sentSecretVersion(olds));
  } catch (error) {
    throw withMessage(error, pulumiMessage(error, { call: 'update', name: desired.name, organization: api.organization, uuid: id }));
  }
  let outs = outputsFromObserved(outcome.observed, outcome.binding, news);

  const testDue = changed.some((field) => TESTED_FIELDS.includes(field)) || olds.lastTest?.outcome === 'failed';
  if (!news.testOnApply || !testDue) return { outs: olds.lastTest ? { ...outs, lastTest: olds.lastTest } : outs };

  const lastTest = await runTestOnApply(api, outcome.observed, news.testOnApply);
  outs = { ...outs, lastTest };
  if (lastTest.outcome === 'failed' && news.testOnApply.failOnError) {
    throw new WebhookInitError(describeFailedTest(desired.name, id, lastTest), id, { ...outs });
  }
  return { outs };
}
