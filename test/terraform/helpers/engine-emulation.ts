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
  /** Private bytes the provider returned with the new state, parsed as JSON (null when empty). */
  readonly private: unknown;
}

/**
 * Plans and applies one change the way the engine does, with config null for a destroy. As with
 * the engine, a destroy is not planned by the provider: its planned private is the prior private.
 */
export async function planAndApply(harness: RpcHarness, prior: TfObject | null, config: TfObject | null, priorPrivate?: Buffer): Promise<ApplyOutcome> {
  let planned: { planned_state: object; planned_private?: Buffer };
  if (config === null) {
    planned = { planned_state: dynamic(null), planned_private: priorPrivate };
  } else {
    const plan = await harness.provider.PlanResourceChange({
      type_name: 'ocrolus_webhook',
      prior_state: dynamic(prior),
      proposed_new_state: dynamic(proposedNewState(prior, config)),
      config: dynamic(config),
      prior_private: priorPrivate,
    });
    const planDiagnostics = diagnosticLines(plan);
    if (planDiagnostics.length > 0) return { state: prior, planned: null, diagnostics: planDiagnostics, details: details(plan), private: null };
    planned = { planned_state: plan.planned_state as object, planned_private: plan.planned_private as Buffer };
  }

  const apply = await harness.provider.ApplyResourceChange({
    type_name: 'ocrolus_webhook',
    prior_state: dynamic(prior),
    planned_state: planned.planned_state,
    config: dynamic(config),
    planned_private: planned.planned_private,
  });
  return {
    state: decoded(apply.new_state),
    planned: decoded(planned.planned_state),
    diagnostics: diagnosticLines(apply),
    details: details(apply),
    private: parsePrivate(apply.private),
  };
}

export async function readState(
  harness: RpcHarness,
  current: TfObject,
  currentPrivate?: Buffer,
): Promise<{ state: TfObject | null; diagnostics: string[]; details: string[]; private: unknown }> {
  const response = await harness.provider.ReadResource({ type_name: 'ocrolus_webhook', current_state: dynamic(current), private: currentPrivate });
  return { state: decoded(response.new_state), diagnostics: diagnosticLines(response), details: details(response), private: parsePrivate(response.private) };
}

/** Private bytes as the provider writes them: JSON, such as `{"organization":"staging-client"}`. */
export function privateBytes(value: object): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

function parsePrivate(bytes: unknown): unknown {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return null;
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
}

function details(response: Record<string, unknown>): string[] {
  return ((response.diagnostics ?? []) as Array<{ detail: string }>).map((diagnostic) => diagnostic.detail);
}
