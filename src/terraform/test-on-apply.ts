import type { WebhookApi } from '../client/types';
import { maskUrl } from '../core/url';
import { sendTestDelivery } from '../core/test-delivery';
import { errorDiagnostic, warningDiagnostic } from './diagnostics';
import { diagnosticsFromError } from './error-diagnostics';
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
  const report = run.settings.failOnError ? errorDiagnostic : warningDiagnostic;
  const path = ['test_on_apply'];

  let problem: string | undefined;
  try {
    const result = await sendTestDelivery(run.api, run.uuid, run.settings.event, { signal: run.signal });
    const delivery = result.delivery;
    if (delivery?.error) problem = `the delivery of ${result.eventName} to ${maskUrl(run.url)} failed: ${delivery.error}`;
    else if (delivery?.status !== undefined && (delivery.status < 200 || delivery.status > 299)) {
      problem = `the receiver at ${maskUrl(run.url)} answered ${result.eventName} with HTTP ${delivery.status}; Ocrolus expects 200`;
    } else {
      run.log('info', 'test delivery sent', { organization, uuid: run.uuid, event: result.eventName, status: delivery?.status, request_uuid: result.requestUuid });
      return [];
    }
  } catch (error) {
    const [diagnostic] = diagnosticsFromError(error, { log: run.log, step: 'test delivery', organization, uuid: run.uuid });
    return [report('Webhook Test Failed', `${diagnostic.detail}\nThe webhook itself was applied.`, path)];
  }

  return [
    report(
      'Webhook Test Failed',
      `Webhook ${run.uuid} in organization ${organization} was applied, but ${problem}. Fix the receiver, then send a test from the Ocrolus Dashboard: apply tests again only after url, events or secret change.`,
      path,
    ),
  ];
}
