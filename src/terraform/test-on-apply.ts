import type { WebhookApi } from '../client/types';
import { AdoptionError } from '../core/errors';
import { maskUrl } from '../core/url';
import { sendTestDelivery } from '../core/test-delivery';
import { errorDiagnostic, warningDiagnostic } from './diagnostics';
import type { PluginLogger } from './log';
import type { Diagnostic } from './protocol';
import type { TestOnApply } from './webhook-state';

export interface TestRun {
  readonly api: WebhookApi;
  readonly uuid: string;
  readonly url: string;
  readonly settings: TestOnApply;
  readonly signal: AbortSignal;
  readonly log: PluginLogger;
}

/**
 * Sends the test delivery asked for by test_on_apply. A failure is a warning, or an error when
 * fail_on_error is set; a success adds no diagnostic and is logged (TF_LOG=info shows it).
 */
export async function runTestOnApply(run: TestRun): Promise<Diagnostic[]> {
  const organization = run.api.organization;
  const webhook = `Webhook ${run.uuid} (${maskUrl(run.url)}) in organization ${organization}`;
  const report = run.settings.failOnError ? errorDiagnostic : warningDiagnostic;

  let problem: string;
  try {
    const result = await sendTestDelivery(run.api, run.uuid, run.settings.event, { signal: run.signal });
    const delivery = result.delivery;
    if (delivery?.error) problem = `the test delivery of ${result.eventName} failed: ${delivery.error}`;
    else if (delivery?.status !== undefined && (delivery.status < 200 || delivery.status > 299)) {
      problem = `the receiver responded to the test delivery of ${result.eventName} with HTTP ${delivery.status}, and Ocrolus expects a 2xx status`;
    } else {
      run.log('info', 'test delivery sent', { organization, uuid: run.uuid, event: result.eventName, status: delivery?.status, request_uuid: result.requestUuid });
      return [];
    }
  } catch (error) {
    // Messages of the client and the core are built from redacted inputs.
    const reason = error instanceof Error ? error.message : String(error);
    run.log('warn', 'test delivery failed', { organization, uuid: run.uuid, error: error instanceof Error ? error.name : typeof error, message: reason });

    // The core found test_on_apply.event missing from the webhook's events, which validation
    // could not check at plan time because the events were not known yet.
    if (error instanceof AdoptionError) {
      return [report('Test Event Not Subscribed', `${webhook} was applied, but no test was sent: ${reason}\n${nextStep(run.settings.failOnError)}`, ['test_on_apply', 'event'])];
    }
    problem = `Ocrolus did not send the test delivery: ${reason}`;
  }

  return [report('Webhook Test Failed', `${webhook} was applied, but ${problem}.\n${nextStep(run.settings.failOnError)}`, ['test_on_apply'])];
}

function nextStep(failOnError: boolean): string {
  if (failOnError) {
    return 'The state records test_on_apply as not applied, so the next plan shows it again and the next apply sends the test again. Fix the receiver or the cause above, then run apply.';
  }
  return 'Fix the receiver or the cause above, then send a test from the Ocrolus Dashboard: apply tests again only after url, events, secret or test_on_apply change.';
}
