import { ApplyError, applyPlan } from '../core';
import type { ApplyEvent } from '../core';
import type { CliIo } from '../io';
import { runWithProgress } from '../progress';
import type { SecretScrubber } from '../redact';
import { renderPlan } from '../render-human';
import { renderJson } from '../render-json';
import type { EnvironmentReport } from '../render-json';
import { renderApplyOutcome, viewCompleted } from '../render-result';
import type { ApplyOutcome } from '../render-result';
import { describeError } from '../report-error';
import { openSession, planEnvironment } from '../session';
import type { DeclarationOptions, EndpointOverride, EnvironmentPlan, Session } from '../session';
import { EXIT_CHANGES, planAll, reportErrors } from './shared';
import type { OutputOptions, PlanResult, Planner } from './shared';

export type ApplyCommandOptions = DeclarationOptions & OutputOptions;

/** Settings of one apply run, so that destroy and demo reuse apply with their own planner or endpoints. */
export interface ApplyVariant {
  readonly command: string;
  readonly planner: Planner;
  readonly endpoint?: EndpointOverride;
}

/**
 * `apply`: plans every selected environment, prints the plans, then applies them concurrently
 * without asking (pipelines run it), with progress on stderr. The state file is written after
 * each environment, also after a partial failure. Nothing is applied anywhere when planning fails
 * in any environment.
 */
export async function runApplyCommand(
  options: ApplyCommandOptions,
  io: CliIo,
  scrubber: SecretScrubber,
  variant: ApplyVariant = { command: 'apply', planner: planEnvironment },
): Promise<number> {
  const session = await openSession(options, io, scrubber, variant.endpoint);
  const plans = await planAll(session, variant.planner);

  if (!options.json) {
    for (const result of plans) if (result.view !== undefined) io.stdout.write(`${renderPlan(result.view)}\n`);
  }

  if (plans.some((result) => result.error !== undefined)) {
    if (options.json) io.stdout.write(renderJson(variant.command, plans.map(planReport)));
    reportErrors(io, plans);
    io.stderr.write('No environment was changed, because planning failed.\n');
    return 1;
  }

  const planned = plans.map((result) => result.planned as EnvironmentPlan);
  const jobs = planned.map((entry) => ({
    environment: entry.environment.name,
    actions: entry.plan.actions,
    run: (onEvent: (event: ApplyEvent) => void) => applyEnvironment(session, entry, onEvent),
  }));
  const settled = await runWithProgress(jobs, io.stderr);

  const reports: EnvironmentReport[] = [];
  const failures: { environment: EnvironmentPlan['environment']; error: unknown }[] = [];
  settled.forEach((result, index) => {
    const plan = plans[index];
    if (result.status === 'rejected') {
      failures.push({ environment: plan.environment, error: result.reason });
      reports.push({ ...planReport(plan), error: describeError(result.reason) });
      return;
    }

    const { outcome, error } = result.value;
    if (!options.json && (outcome.completed.length > 0 || outcome.notDone.length > 0)) io.stdout.write(`${renderApplyOutcome(outcome)}\n`);
    if (error !== undefined) failures.push({ environment: plan.environment, error });
    reports.push({ ...planReport(plan), applied: appliedReport(outcome), ...(error !== undefined ? { error: describeError(error) } : {}) });
  });

  if (options.json) io.stdout.write(renderJson(variant.command, reports));
  reportErrors(io, failures);

  if (failures.length > 0) return 1;
  const changed = planned.some((entry) => entry.plan.actions.length > 0);
  return options.detailedExitcode && changed ? EXIT_CHANGES : 0;
}

/**
 * Applies one environment's plan and records the resulting bindings in the state file. An
 * ApplyError still yields an outcome (what was done and what was not), saved before returning.
 */
async function applyEnvironment(session: Session, entry: EnvironmentPlan, onEvent: (event: ApplyEvent) => void): Promise<{ outcome: ApplyOutcome; error?: unknown }> {
  const { environment, plan } = entry;

  try {
    const result = await applyPlan(session.client(environment), plan, { onEvent });
    session.state.setBindings(environment.name, result.bindings);
    await session.state.save();
    return { outcome: { environment: environment.name, completed: result.completed, notDone: [], bindings: result.bindings } };
  } catch (error) {
    if (!(error instanceof ApplyError)) throw error;

    session.state.setBindings(environment.name, error.bindings);
    await session.state.save();
    const outcome: ApplyOutcome = { environment: environment.name, completed: error.completed, notDone: [error.failed, ...error.notStarted], bindings: error.bindings };
    return { outcome, error };
  }
}

function planReport(result: PlanResult): EnvironmentReport {
  if (result.error !== undefined) return { name: result.environment.name, error: describeError(result.error) };
  return { name: result.environment.name, plan: result.view };
}

function appliedReport(outcome: ApplyOutcome): EnvironmentReport['applied'] {
  return {
    completed: viewCompleted(outcome),
    notDone: outcome.notDone.map((action) => ({ kind: action.kind, name: action.name, ...(action.uuid !== undefined ? { uuid: action.uuid } : {}) })),
  };
}
