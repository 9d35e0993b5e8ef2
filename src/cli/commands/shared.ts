import type { ResolvedEnvironment } from '../environments';
import type { CliIo } from '../io';
import { viewPlan } from '../plan-view';
import type { PlanView } from '../plan-view';
import { describeError } from '../report-error';
import type { EnvironmentPlan, Session } from '../session';

/** Exit code of a run with changes when --detailed-exitcode is given. */
export const EXIT_CHANGES = 2;

/** Options of the commands that print a plan. */
export interface OutputOptions {
  readonly json?: boolean;
  readonly detailedExitcode?: boolean;
}

/** Computes an environment's plan; plan and apply use planEnvironment, destroy its own. */
export type Planner = (session: Session, environment: ResolvedEnvironment) => Promise<EnvironmentPlan>;

/** One environment's planning result: its plan, or the error that stopped it. */
export type PlanResult =
  | { readonly environment: ResolvedEnvironment; readonly planned: EnvironmentPlan; readonly view: PlanView; readonly error?: undefined }
  | { readonly environment: ResolvedEnvironment; readonly planned?: undefined; readonly view?: undefined; readonly error: unknown };

/** Plans every selected environment concurrently; one environment's failure does not stop the others. */
export async function planAll(session: Session, planner: Planner): Promise<PlanResult[]> {
  const settled = await Promise.allSettled(session.environments.map((environment) => planner(session, environment)));

  return settled.map((result, index): PlanResult => {
    const environment = session.environments[index];
    if (result.status === 'rejected') return { environment, error: result.reason };
    return { environment, planned: result.value, view: viewPlan(environment.name, result.value.plan) };
  });
}

/** Writes each environment's error to stderr. */
export function reportErrors(io: CliIo, results: readonly { environment: ResolvedEnvironment; error?: unknown }[]): void {
  for (const result of results) {
    if (result.error !== undefined) io.stderr.write(`${describeError(result.error, result.environment.name)}\n`);
  }
}
