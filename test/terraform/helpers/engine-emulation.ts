import { WEBHOOK_SCHEMA } from '../../../src/terraform/schema';
import type { TfObject } from '../../../src/terraform/values';
import { decoded, dynamic, diagnosticLines } from './rpc';
import type { RpcHarness } from './rpc';

/**
 * Computes the proposed new state as the engine does before PlanResourceChange: configured values,
 * and the prior value for computed attributes left null in configuration.
 */
export function proposedNewState(prior: TfObject | null, config: TfObject): TfObject {
  const proposed: TfObject = {};
  for (const attribute of WEBHOOK_SCHEMA.attributes) {
    const configured = config[attribute.name] ?? null;
    proposed[attribute.name] = configured === null && attribute.computed ? (prior?.[attribute.name] ?? null) : configured;
  }
  return proposed;
}

export interface ApplyOutcome {
  readonly state: TfObject | null;
  readonly planned: TfObject | null;
  readonly diagnostics: string[];
  readonly details: string[];
}

/** Plans and applies one change the way the engine does, with config null for a destroy. */
export async function planAndApply(harness: RpcHarness, prior: TfObject | null, config: TfObject | null): Promise<ApplyOutcome> {
  const proposed = config === null ? null : proposedNewState(prior, config);
  const plan = await harness.provider.PlanResourceChange({
    type_name: 'ocrolus_webhook',
    prior_state: dynamic(prior),
    proposed_new_state: dynamic(proposed),
    config: dynamic(config),
  });
  const planDiagnostics = diagnosticLines(plan);
  if (planDiagnostics.length > 0) return { state: prior, planned: null, diagnostics: planDiagnostics, details: details(plan) };

  const apply = await harness.provider.ApplyResourceChange({
    type_name: 'ocrolus_webhook',
    prior_state: dynamic(prior),
    planned_state: plan.planned_state as object,
    config: dynamic(config),
    planned_private: plan.planned_private as Buffer,
  });
  return { state: decoded(apply.new_state), planned: decoded(plan.planned_state), diagnostics: diagnosticLines(apply), details: details(apply) };
}

export async function readState(harness: RpcHarness, current: TfObject): Promise<{ state: TfObject | null; diagnostics: string[]; details: string[] }> {
  const response = await harness.provider.ReadResource({ type_name: 'ocrolus_webhook', current_state: dynamic(current) });
  return { state: decoded(response.new_state), diagnostics: diagnosticLines(response), details: details(response) };
}

function details(response: Record<string, unknown>): string[] {
  return ((response.diagnostics ?? []) as Array<{ detail: string }>).map((diagnostic) => diagnostic.detail);
}
