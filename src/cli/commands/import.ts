import { normalizeUrl, observeOrganization, observeWebhook } from '../core';
import type { ObservedWebhook } from '../core';
import type { ResolvedEnvironment } from '../environments';
import { CliError } from '../errors';
import type { CliIo } from '../io';
import { viewPlan } from '../plan-view';
import type { SecretScrubber } from '../redact';
import { maskUrl } from '../redact';
import { renderPlan } from '../render-human';
import { openSession, planEnvironment } from '../session';
import type { DeclarationOptions } from '../session';
import { didYouMean } from '../suggest';
import { singleEnvironment } from './test-delivery';

/**
 * `import <name> <uuid-or-url> --env NAME`: adopts an existing webhook for a declared name by
 * recording the binding in the state file, then shows the plan for that webhook. Nothing is
 * written to the API.
 */
export async function runImportCommand(name: string, target: string, options: DeclarationOptions, io: CliIo, scrubber: SecretScrubber): Promise<number> {
  scrubber.addUrlPassword(target);
  const session = await openSession(options, io, scrubber);
  const environment = singleEnvironment(session, 'import');

  const declared = environment.specs.map((spec) => spec.name);
  if (!declared.includes(name)) throw new CliError(`Webhook "${name}" is not declared in environment ${environment.name}, so it cannot be imported.${didYouMean(name, declared)}`);

  const webhook = await findTarget(session.client(environment), environment, target);
  const bindings = session.state.bindings(environment.name);
  const owner = bindings.find((binding) => binding.uuid === webhook.uuid && binding.name !== name);
  if (owner !== undefined) throw new CliError(`Webhook ${webhook.uuid} is already bound to "${owner.name}" in environment ${environment.name}; a webhook can be managed under one name only.`);

  session.state.setBindings(environment.name, [...bindings.filter((binding) => binding.name !== name), { name, uuid: webhook.uuid }]);
  await session.state.save();
  io.stdout.write(`Imported ${maskUrl(webhook.url)} (${webhook.uuid}) as "${name}" in environment ${environment.name}; recorded in ${session.state.file}.\n\n`);

  const { plan } = await planEnvironment(session, environment);
  const ownPlan = { ...plan, actions: plan.actions.filter((action) => action.name === name), unchanged: plan.unchanged.filter((unchanged) => unchanged === name), unmanaged: [] };
  io.stdout.write(renderPlan(viewPlan(environment.name, ownPlan)));
  return 0;
}

/** Finds the webhook to adopt: by uuid, or by URL compared after the core's normalization. */
async function findTarget(api: Parameters<typeof observeWebhook>[0], environment: ResolvedEnvironment, target: string): Promise<ObservedWebhook> {
  if (!target.includes('://')) {
    const webhook = await observeWebhook(api, target);
    if (webhook === undefined) throw new CliError(`No webhook with uuid ${target} exists in environment ${environment.name}.`);
    return webhook;
  }

  const targetUrl = normalizeUrl(target);
  const webhook = (await observeOrganization(api)).find((candidate) => normalizeUrl(candidate.url) === targetUrl);
  if (webhook === undefined) throw new CliError(`No webhook with URL ${maskUrl(target)} exists in environment ${environment.name}.`);
  return webhook;
}
