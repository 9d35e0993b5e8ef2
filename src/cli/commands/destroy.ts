import { observeOrganization, planOrganization, ValidationError } from '../core';
import type { WebhookBinding } from '../core';
import type { ResolvedEnvironment } from '../environments';
import type { CliIo } from '../io';
import type { SecretScrubber } from '../redact';
import { callOptions } from '../session';
import type { EnvironmentPlan, Session } from '../session';
import { runApplyCommand } from './apply';
import type { ApplyCommandOptions } from './apply';

/**
 * `destroy`: deletes every webhook this declaration manages in the selected environments (those
 * recorded in the state file and those the declaration matches on the server), then applies.
 * Webhooks the declaration does not manage are left alone, even with prune on.
 */
export function runDestroyCommand(options: ApplyCommandOptions, io: CliIo, scrubber: SecretScrubber): Promise<number> {
  return runApplyCommand(options, io, scrubber, { command: 'destroy', planner: planDestroy });
}

/**
 * Plans the deletion of one environment's managed webhooks. The core's own matching (recorded
 * uuid, URL, description) finds them, so a fresh checkout without a state file destroys the same
 * webhooks. With nothing declared, the core plans a delete for each bound webhook.
 */
export async function planDestroy(session: Session, environment: ResolvedEnvironment): Promise<EnvironmentPlan> {
  const api = session.client(environment);
  const observed = await observeOrganization(api, callOptions(session));
  const recorded = session.state.bindings(environment.name);

  const bindings = new Map<string, WebhookBinding>(recorded.map((binding) => [binding.name, binding]));
  for (const binding of matchDeclared(environment, observed, recorded)) bindings.set(binding.name, binding);

  const plan = planOrganization({ organization: environment.name, desired: [], observed, bindings: [...bindings.values()], prune: false });
  const actions = plan.actions.map((action) => ({ ...action, reason: 'destroy: managed by this declaration' }));
  return { environment, observed, plan: { ...plan, actions } };
}

function matchDeclared(environment: ResolvedEnvironment, observed: EnvironmentPlan['observed'], recorded: readonly WebhookBinding[]): readonly WebhookBinding[] {
  try {
    return planOrganization({ organization: environment.name, desired: environment.specs, observed, bindings: recorded, prune: false }).matched;
  } catch (error) {
    // The webhook limit check can reject the full plan (unmanaged webhooks plus creates), but destroy creates nothing.
    if (error instanceof ValidationError) return [];
    throw error;
  }
}
