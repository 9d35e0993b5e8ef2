import { ApplyError, applyPlan } from '../core';
import type { ApplyEvent, PlannedAction } from '../core';
import { EXIT_INTERRUPTED, InterruptGuard } from '../interrupt';
import type { CliIo } from '../io';
import { runWithProgress } from '../progress';
import type { SecretScrubber } from '../redact';
import { renderPlan } from '../render-human';
import { renderJson } from '../render-json';
import type { EnvironmentReport } from '../render-json';
import { renderApplyOutcome, viewCompleted } from '../render-result';
import type { ApplyOutcome } from '../render-result';
import { errorMessage } from '../report-error';
import { callOptions, openSession, planEnvironment } from '../session';
import type { DeclarationOptions, EndpointOverride, EnvironmentPlan, Session } from '../session';
import { EXIT_CHANGES, planAll, reportErrors } from './shared';
import type { OutputOptions, PlanResult, Planner } from './shared';

export type ApplyCommandOptions = DeclarationOptions & OutputOptions;

/** Settings of one apply run, so that destroy and demo reuse apply with their own planner or endpoints. */
export interface ApplyVariant {
  readonly command: 'apply' | 'destroy';
  readonly planner: Planner;
  readonly endpoint?: EndpointOverride;
}

/**
 * `apply`: plans every selected environment, prints the plans, then applies them concurrently
 * without asking (pipelines run it), with progress on stderr. The state file is written after
 * each environment, also after a partial failure. Nothing is applied anywhere when planning fails
 * in any environment. SIGINT or SIGTERM cancels the calls in flight, starts no further change,
 * writes the state file and returns exit code 130.
 */
export async function runApplyCommand(
  options: ApplyCommandOptions,
  io: CliIo,
  scrubber: SecretScrubber,
  variant: ApplyVariant = { command: 'apply', planner: planEnvironment },
): Promise<number> {
  const opened = await openSession(options, io, scrubber, variant.endpoint);
  const guard = new InterruptGuard();
  try {
    return await planAndApply(options, io, variant, { ...opened, signal: guard.signal }, guard);
  } finally {
    guard.dispose();
  }
}

async function planAndApply(options: ApplyCommandOptions, io: CliIo, variant: ApplyVariant, session: Session, guard: InterruptGuard): Promise<number> {
  const plans = await planAll(session, variant.planner);

  if (!options.json) {
    for (const result of plans) if (result.view !== undefined) io.stdout.write(`${renderPlan(result.view, variant.command)}\n`);
  }

  if (plans.some((result) => result.error !== undefined)) {
    if (options.json) io.stdout.write(renderJson(variant.command, plans.map(planReport)));
    reportErrors(io, plans);
    if (guard.interruptedBy !== undefined) return reportInterrupt(io, guard.interruptedBy, 'while planning; no environment was changed.');
    io.stderr.write('No environment was changed, because planning failed.\n');
    return 1;
  }

  const planned = plans.map((result) => result.planned as EnvironmentPlan);
  const jobs = planned.map((entry) => ({
    environment: entry.environment.name,
    title: `${variant.command === 'destroy' ? 'Destroy in' : 'Apply to'} ${entry.environment.name}`,
    actions: entry.plan.actions,
    run: (onEvent: (event: ApplyEvent) => void) => applyEnvironment(session, entry, variant.command, onEvent),
  }));
  const settled = await runWithProgress(jobs, io.stderr);

  const reports: EnvironmentReport[] = [];
  const failures: { environment: EnvironmentPlan['environment']; error: unknown }[] = [];
  settled.forEach((result, index) => {
    const plan = plans[index];
    if (result.status === 'rejected') {
      failures.push({ environment: plan.environment, error: result.reason });
      reports.push({ ...planReport(plan), error: errorMessage(result.reason, plan.environment.name) });
      return;
    }

    const { outcome, error } = result.value;
    if (!options.json && outcome.planned > 0) io.stdout.write(`${renderApplyOutcome(outcome)}\n`);
    if (error !== undefined) failures.push({ environment: plan.environment, error });
    reports.push({ ...planReport(plan), applied: appliedReport(outcome), ...(error !== undefined ? { error: errorMessage(error, plan.environment.name) } : {}) });
  });

  if (options.json) io.stdout.write(renderJson(variant.command, reports));
  reportErrors(io, failures);

  if (guard.interruptedBy !== undefined) {
    return reportInterrupt(io, guard.interruptedBy, `before ${variant.command} finished: in-flight calls were cancelled and no further change was started. The state file records what was done; run ${variant.command} again to finish.`);
  }
  if (failures.length > 0) return 1;
  const changed = planned.some((entry) => entry.plan.actions.length > 0);
  return options.detailedExitcode && changed ? EXIT_CHANGES : 0;
}

/**
 * Applies one environment's plan and records the resulting bindings in the state file. An
 * ApplyError still yields an outcome (what was done and what was not), saved before returning.
 */
async function applyEnvironment(
  session: Session,
  entry: EnvironmentPlan,
  command: ApplyVariant['command'],
  onEvent: (event: ApplyEvent) => void,
): Promise<{ outcome: ApplyOutcome; error?: unknown }> {
  const { environment, plan } = entry;
  const summary = { command, environment: environment.name, planned: plan.actions.length };

  try {
    const result = await applyPlan(session.client(environment), plan, { onEvent, ...callOptions(session) });
    session.state.setBindings(environment.name, result.bindings);
    await session.state.save();
    return { outcome: { ...summary, completed: result.completed, failed: [], notStarted: [], bindings: result.bindings } };
  } catch (error) {
    if (!(error instanceof ApplyError)) throw error;

    session.state.setBindings(environment.name, error.bindings);
    await session.state.save();
    const failed = error.failures.map((failure) => failure.action);
    const outcome: ApplyOutcome = { ...summary, completed: error.completed, failed, notStarted: error.notStarted, bindings: error.bindings };
    return { outcome, error };
  }
}

function reportInterrupt(io: CliIo, signal: NodeJS.Signals, detail: string): number {
  io.stderr.write(`Interrupted by ${signal} ${detail}\n`);
  return EXIT_INTERRUPTED;
}

function planReport(result: PlanResult): EnvironmentReport {
  if (result.error !== undefined) return { name: result.environment.name, error: errorMessage(result.error, result.environment.name) };
  return { name: result.environment.name, plan: result.view };
}

function appliedReport(outcome: ApplyOutcome): EnvironmentReport['applied'] {
  const brief = (action: PlannedAction) => ({ kind: action.kind, name: action.name, ...(action.uuid !== undefined ? { uuid: action.uuid } : {}) });
  return { completed: viewCompleted(outcome), failed: outcome.failed.map(brief), notStarted: outcome.notStarted.map(brief) };
}
