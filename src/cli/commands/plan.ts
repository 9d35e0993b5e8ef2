import type { CliIo } from '../io';
import type { SecretScrubber } from '../redact';
import { renderPlan } from '../render-human';
import { renderJson } from '../render-json';
import { errorMessage } from '../report-error';
import { openSession, planEnvironment } from '../session';
import type { DeclarationOptions, EndpointOverride } from '../session';
import { EXIT_CHANGES, planAll, reportErrors } from './shared';
import type { OutputOptions } from './shared';

export type PlanCommandOptions = DeclarationOptions & OutputOptions;

/**
 * `plan`: shows what apply would change in each selected environment. Exit code 0, or with
 * --detailed-exitcode 0 for no changes and 2 for changes; 1 when any environment fails.
 */
export async function runPlanCommand(options: PlanCommandOptions, io: CliIo, scrubber: SecretScrubber, endpoint?: EndpointOverride): Promise<number> {
  const session = await openSession(options, io, scrubber, endpoint);
  const results = await planAll(session, planEnvironment);

  if (options.json) {
    const reports = results.map((result) =>
      result.error === undefined ? { name: result.environment.name, plan: result.view } : { name: result.environment.name, error: errorMessage(result.error, result.environment.name) },
    );
    io.stdout.write(renderJson('plan', reports));
  } else {
    for (const result of results) if (result.view !== undefined) io.stdout.write(`${renderPlan(result.view)}\n`);
  }
  reportErrors(io, results);

  if (results.some((result) => result.error !== undefined)) return 1;
  const hasChanges = results.some((result) => result.view?.hasChanges === true);
  return options.detailedExitcode && hasChanges ? EXIT_CHANGES : 0;
}
