import { validateOrganization } from './core';
import type { Diagnostic, WebhookSpec } from './core';
import { resolveCredentials } from './credentials';
import type { MissingVariable, ResolvedCredentials } from './credentials';
import type { LoadedDeclaration } from './declaration';
import { formatYamlPath } from './declaration';
import type { EnvironmentDeclaration, WebhookDeclaration, WebhookOverride } from './declaration-types';
import { CliError, DeclarationError, sortProblems } from './errors';
import type { DeclarationProblem } from './errors';
import type { SecretScrubber } from './redact';
import { didYouMean } from './suggest';

/** One environment ready to run: its webhooks with secrets read, and its credentials. */
export interface ResolvedEnvironment {
  readonly name: string;
  readonly prune: boolean;
  /** Declared webhooks of this environment, overrides applied, disabled ones left out. */
  readonly specs: readonly WebhookSpec[];
  readonly credentials: ResolvedCredentials;
}

/** Placeholder for secrets of environments that are not selected: validation skips them. */
const UNREAD_SECRET = Symbol('secret not read');

/**
 * Splits `--env` values (repeatable, comma-separated) into environment names, checked against
 * the declaration. No `--env` option selects every declared environment, in declaration order.
 * An `--env` that names no environment (`--env ''`, `--env ,`) is an error, so that a CI
 * variable that expanded to nothing never selects production along with everything else.
 */
export function selectEnvironments(values: readonly string[] | undefined, declared: readonly string[]): string[] {
  if (values === undefined || values.length === 0) return [...declared];

  const requested = values.flatMap((value) => value.split(',')).map((name) => name.trim()).filter((name) => name !== '');
  if (requested.length === 0) {
    throw new CliError(`--env names no environment (got ${values.map((value) => JSON.stringify(value)).join(', ')}); pass one or more of: ${declared.join(', ')}, or leave out --env to select all.`);
  }

  const unknown = requested.filter((name) => !declared.includes(name));
  if (unknown.length > 0) {
    const lines = unknown.map((name) => `Unknown environment "${name}" in --env.${didYouMean(name, declared)}`);
    throw new CliError([...lines, `Declared environments: ${declared.join(', ')}.`].join('\n'));
  }
  return [...new Set(requested)];
}

/**
 * Validates every environment's webhooks with the core and reads the selected environments'
 * secrets and credentials. Throws DeclarationError listing every problem, so nothing is sent to
 * any API unless the whole declaration is valid and every needed variable is set. Returns the
 * selected environments in the order given, and the core's warnings.
 */
export function resolveEnvironments(
  loaded: LoadedDeclaration,
  selected: readonly string[],
  env: NodeJS.ProcessEnv,
  scrubber: SecretScrubber,
): { environments: ResolvedEnvironment[]; warnings: DeclarationProblem[] } {
  const { declaration } = loaded;
  const problems = new ProblemList(loaded);
  const resolved: ResolvedEnvironment[] = [];

  for (const environment of declaration.environments) {
    const isSelected = selected.includes(environment.name);
    const specs = mergeSpecs(declaration.webhooks, environment, isSelected ? env : undefined, scrubber, problems);

    const diagnostics = validateOrganization(specs, { isUnknown: (value) => value === UNREAD_SECRET });
    for (const diagnostic of diagnostics) problems.addDiagnostic(diagnostic, environment, specs);
    if (!isSelected) continue;

    const result = resolveCredentials(environment.credentials, env, scrubber);
    if ('missing' in result) {
      for (const { field, variable } of result.missing) {
        problems.add(['environments', environment.name, 'credentials', field], missingVariableMessage(field, variable));
      }
      continue;
    }
    resolved.push({ name: environment.name, prune: environment.prune, specs, credentials: result.credentials });
  }

  problems.throwIfErrors();
  const environments = selected.map((name) => resolved.find((environment) => environment.name === name)!);
  return { environments, warnings: problems.warnings() };
}

function missingVariableMessage(field: MissingVariable['field'], variable: string): string {
  if (field === 'apiUrl' || field === 'authUrl') {
    return `Environment variable ${variable} is not set and ${field} has no default, so no ${field === 'apiUrl' ? 'API' : 'token endpoint'} URL is known; export it, or add "default: URL" to the setting.`;
  }
  return `Environment variable ${variable} is not set; export it (in CI, from a secret) before running.`;
}

/**
 * Builds an environment's webhook specs: the top-level declaration with the environment's
 * overrides on top. Secrets are read from `env`, or left as a placeholder when `env` is undefined.
 */
function mergeSpecs(
  webhooks: readonly WebhookDeclaration[],
  environment: EnvironmentDeclaration,
  env: NodeJS.ProcessEnv | undefined,
  scrubber: SecretScrubber,
  problems: ProblemList,
): WebhookSpec[] {
  const specs: WebhookSpec[] = [];

  for (const webhook of webhooks) {
    const override = ownOverride(environment, webhook.name);
    if (override?.enabled === false) continue;

    const spec: Record<string, unknown> = { name: webhook.name, ...webhook.fields, ...override?.fields };
    const secretReference = override?.secret ?? webhook.secret;
    if (secretReference !== undefined && env === undefined) spec.secret = UNREAD_SECRET;

    if (secretReference !== undefined && env !== undefined) {
      const secret = env[secretReference.env];
      if (secret === undefined || secret === '') {
        const secretPath = override?.secret ? ['environments', environment.name, 'webhooks', webhook.name, 'secret'] : ['webhooks', webhook.name, 'secret'];
        problems.add(secretPath, `Environment variable ${secretReference.env} is not set; export the webhook's signing secret (in CI, from a secret) before running.`, environment.name);
      } else {
        scrubber.add(secret);
        spec.secret = secret;
      }
    }
    if (typeof spec.url === 'string') scrubber.addUrlPassword(spec.url);
    specs.push(spec as unknown as WebhookSpec);
  }
  return specs;
}

/** Collects problems, locating core diagnostics in the YAML file and merging repeats across environments. */
class ProblemList {
  private readonly problems = new Map<string, { problem: DeclarationProblem; environments: string[] }>();

  constructor(private readonly loaded: LoadedDeclaration) {}

  add(yamlPath: ReadonlyArray<string | number>, message: string, environment?: string, severity: 'error' | 'warning' = 'error'): void {
    const position = this.loaded.source.valuePosition(yamlPath);
    const problem: DeclarationProblem = { file: this.loaded.declaration.file, line: position.line, column: position.column, field: formatYamlPath(yamlPath), severity, message };

    const key = `${problem.line}:${problem.column}:${severity}:${message}`;
    const existing = this.problems.get(key);
    if (existing === undefined) this.problems.set(key, { problem, environments: environment === undefined ? [] : [environment] });
    else if (environment !== undefined && !existing.environments.includes(environment)) existing.environments.push(environment);
  }

  /** Locates a core diagnostic: in the environment's override when it sets the field, else in the top-level webhook. */
  addDiagnostic(diagnostic: Diagnostic, environment: EnvironmentDeclaration, specs: readonly WebhookSpec[]): void {
    const yamlPath = locateDiagnostic(diagnostic.path, environment, specs);
    this.add(yamlPath, diagnostic.detail, environment.name, diagnostic.severity);
  }

  warnings(): DeclarationProblem[] {
    return sortProblems(this.list().filter((problem) => problem.severity === 'warning'));
  }

  throwIfErrors(): void {
    const problems = this.list();
    if (problems.some((problem) => problem.severity === 'error')) throw new DeclarationError(problems);
  }

  private list(): DeclarationProblem[] {
    const total = this.loaded.declaration.environments.length;
    return [...this.problems.values()].map(({ problem, environments }) => {
      // A finding shared by every environment comes from the top-level webhook: no label needed.
      if (environments.length === 0 || (environments.length === total && total > 1)) return problem;
      return { ...problem, environment: environments.join(', ') };
    });
  }
}

/**
 * Maps a core diagnostic path (`["webhooks", "orders", "events", 2]`, or with the webhook's index
 * in the specs) to the path of the YAML node that contains the value.
 */
export function locateDiagnostic(
  diagnosticPath: ReadonlyArray<string | number>,
  environment: EnvironmentDeclaration,
  specs: readonly WebhookSpec[],
): Array<string | number> {
  const rest = diagnosticPath[0] === 'webhooks' ? diagnosticPath.slice(1) : [...diagnosticPath];
  if (rest.length === 0) return ['environments', environment.name];

  const head = rest[0];
  const spec = typeof head === 'number' ? specs[head] : specs.find((candidate) => candidate.name === head);
  if (spec === undefined) return ['environments', environment.name];

  const fieldPath = rest.slice(1);
  const field = fieldPath[0];
  const override = ownOverride(environment, spec.name);
  const overrideSetsField = override !== undefined && field !== undefined && (field === 'secret' ? override.secret !== undefined : field in override.fields);

  const base = overrideSetsField ? ['environments', environment.name, 'webhooks', spec.name] : ['webhooks', spec.name];
  if (field === 'secret') return [...base, 'secret'];
  return [...base, ...fieldPath];
}

/** Returns the environment's override of a webhook, never a member inherited from Object. */
function ownOverride(environment: EnvironmentDeclaration, name: string): WebhookOverride | undefined {
  return Object.hasOwn(environment.overrides, name) ? environment.overrides[name] : undefined;
}
