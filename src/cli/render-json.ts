import type { PlanSummary, PlanView } from './plan-view';
import type { CompletedView } from './render-result';

/** Version of the `--json` document layout. */
export const JSON_FORMAT_VERSION = 1;

/** One environment in the `--json` document: its plan, what an apply did, or why it failed. */
export interface EnvironmentReport {
  readonly name: string;
  readonly plan?: PlanView;
  readonly applied?: {
    readonly completed: readonly CompletedView[];
    /** Actions that were started and failed. */
    readonly failed: readonly ActionBrief[];
    /** Actions that were never started because the apply stopped. */
    readonly notStarted: readonly ActionBrief[];
  };
  readonly error?: string;
}

/** A planned action reduced to what identifies it. */
export interface ActionBrief {
  readonly kind: string;
  readonly name: string;
  readonly uuid?: string;
}

/** The one document `--json` prints: every selected environment, secrets masked. */
export interface JsonReport {
  readonly formatVersion: typeof JSON_FORMAT_VERSION;
  readonly command: string;
  readonly environments: readonly EnvironmentReport[];
  /** Totals across environments. */
  readonly summary: PlanSummary & { readonly changes: boolean; readonly errors: number };
}

/** Builds and serializes the `--json` document. */
export function renderJson(command: string, environments: readonly EnvironmentReport[]): string {
  const total = { create: 0, update: 0, delete: 0 };
  let changes = false;
  for (const environment of environments) {
    if (environment.plan === undefined) continue;
    total.create += environment.plan.summary.create;
    total.update += environment.plan.summary.update;
    total.delete += environment.plan.summary.delete;
    changes ||= environment.plan.hasChanges;
  }

  const report: JsonReport = {
    formatVersion: JSON_FORMAT_VERSION,
    command,
    environments,
    summary: { ...total, changes, errors: environments.filter((environment) => environment.error !== undefined).length },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
