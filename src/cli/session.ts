import type { WebhookApi } from '../client/types';
import { createEnvironmentClient } from './client-factory';
import { observeOrganization, planOrganization } from './core';
import type { ObservedWebhook, Plan } from './core';
import { DEFAULT_DECLARATION_FILE, loadDeclaration } from './declaration';
import type { LoadedDeclaration } from './declaration';
import { resolveEnvironments, selectEnvironments } from './environments';
import type { ResolvedEnvironment } from './environments';
import { formatProblem } from './errors';
import type { CliIo } from './io';
import type { SecretScrubber } from './redact';
import { StateStore, stateFilePath } from './state';

/** Options shared by the commands that read a declaration. */
export interface DeclarationOptions {
  readonly file?: string;
  /** `--env` values as given: repeatable and comma-separated. */
  readonly env?: readonly string[];
  readonly state?: string;
}

/** Connection settings that replace the declared ones (the demo points every environment at its emulator). */
export interface EndpointOverride {
  readonly apiUrl: string;
  readonly authUrl: string;
}

/** Input of every command: the validated declaration, the selected environments and the state. */
export interface Session {
  readonly io: CliIo;
  readonly loaded: LoadedDeclaration;
  readonly environments: readonly ResolvedEnvironment[];
  readonly state: StateStore;
  /** Cancels the session's API calls when aborted (apply and destroy abort it on SIGINT or SIGTERM). */
  readonly signal?: AbortSignal;
  /** Returns the API client of an environment, created once per session. */
  client(environment: ResolvedEnvironment): WebhookApi;
}

/**
 * Loads and validates the declaration, reads the selected environments' secrets and credentials,
 * and loads the state file. Everything that can be wrong with the input fails here, before any
 * API call. Core warnings go to stderr.
 */
export async function openSession(options: DeclarationOptions, io: CliIo, scrubber: SecretScrubber, endpoint?: EndpointOverride): Promise<Session> {
  const loaded = await loadDeclaration(options.file ?? DEFAULT_DECLARATION_FILE, io.cwd);
  const declared = loaded.declaration.environments.map((environment) => environment.name);
  const selected = selectEnvironments(options.env, declared);

  const { environments, warnings } = resolveEnvironments(loaded, selected, io.env, scrubber);
  for (const warning of warnings) io.stderr.write(`${formatProblem(warning)}\n`);

  const state = await StateStore.load(stateFilePath(options.state, io.cwd, loaded.declaration.absolutePath));
  const targets = endpoint === undefined ? environments : environments.map((environment) => ({ ...environment, credentials: { ...environment.credentials, ...endpoint } }));

  const clients = new Map<string, WebhookApi>();
  return {
    io,
    loaded,
    environments: targets,
    state,
    client(environment) {
      let client = clients.get(environment.name);
      if (client === undefined) {
        client = createEnvironmentClient(environment, io.env);
        clients.set(environment.name, client);
      }
      return client;
    },
  };
}

/** An environment's plan together with what it was computed from. */
export interface EnvironmentPlan {
  readonly environment: ResolvedEnvironment;
  readonly observed: readonly ObservedWebhook[];
  readonly plan: Plan;
}

/** Reads an organization's webhooks and plans the environment against them and the recorded bindings. */
export async function planEnvironment(session: Session, environment: ResolvedEnvironment): Promise<EnvironmentPlan> {
  const observed = await observeOrganization(session.client(environment), callOptions(session));
  const plan = planOrganization({
    organization: environment.name,
    desired: environment.specs,
    observed,
    bindings: session.state.bindings(environment.name),
    prune: environment.prune,
  });
  return { environment, observed, plan };
}

/** Call options that carry the session's abort signal, when it has one. */
export function callOptions(session: Session): { signal?: AbortSignal } {
  return session.signal === undefined ? {} : { signal: session.signal };
}
