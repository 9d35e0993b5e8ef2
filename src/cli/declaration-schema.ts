import type {
  CredentialsDeclaration,
  EnvReference,
  EnvironmentDeclaration,
  SchemaIssue,
  Setting,
  WebhookDeclaration,
  WebhookFieldName,
  WebhookOverride,
} from './declaration-types';
import { WEBHOOK_FIELDS } from './declaration-types';
import { didYouMean } from './suggest';

type Path = ReadonlyArray<string | number>;
type RawMap = Record<string, unknown>;

const TOP_LEVEL_KEYS = ['version', 'webhooks', 'environments'];
const WEBHOOK_KEYS = [...WEBHOOK_FIELDS, 'secret'];
const OVERRIDE_KEYS = [...WEBHOOK_FIELDS, 'secret', 'enabled'];
const ENVIRONMENT_KEYS = ['credentials', 'prune', 'webhooks'];
const CREDENTIAL_KEYS = ['clientId', 'clientSecret', 'apiUrl', 'authUrl'];
const ENV_REFERENCE_KEYS = ['env', 'default'];
const ENV_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/**
 * Logical webhook names. The pattern keeps names usable as state file keys and in commands, and
 * rejects `__proto__`, which a plain JavaScript object would not store as a key.
 */
const WEBHOOK_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/** The declaration's structure, read from the YAML document's JavaScript value. */
export interface DeclarationStructure {
  readonly webhooks: WebhookDeclaration[];
  readonly environments: EnvironmentDeclaration[];
}

/**
 * Reads the declaration's structure: known keys only (with a "did you mean" for typos), secrets
 * only as `{ env: NAME }`, overrides only for declared webhooks. Field values such as URLs and
 * events are left to the core's validation. Returns the structure and every issue found.
 */
export function readDeclarationStructure(raw: unknown): { structure: DeclarationStructure; issues: SchemaIssue[] } {
  const reader = new StructureReader();
  const structure = reader.readDocument(raw);
  return { structure, issues: reader.issues };
}

class StructureReader {
  readonly issues: SchemaIssue[] = [];

  readDocument(raw: unknown): DeclarationStructure {
    const empty: DeclarationStructure = { webhooks: [], environments: [] };
    if (!this.expectMap(raw, [], 'The declaration must be a map with the keys version, webhooks and environments.')) return empty;

    this.rejectUnknownKeys(raw, [], TOP_LEVEL_KEYS);
    this.readVersion(raw.version);
    const webhooks = this.readWebhooks(raw.webhooks);
    const environments = this.readEnvironments(raw.environments, webhooks.map((webhook) => webhook.name));
    return { webhooks, environments };
  }

  private readVersion(value: unknown): void {
    if (value === undefined) this.issue(['version'], 'Missing "version"; add "version: 1" at the top of the file.');
    else if (value === '1') this.issue(['version'], 'Invalid version "1": version must be the number 1, not a string; write "version: 1" without quotes.');
    else if (value !== 1) this.issue(['version'], `Unsupported version ${JSON.stringify(value)}: this CLI reads only version 1 (the number 1).`);
  }

  private readWebhooks(raw: unknown): WebhookDeclaration[] {
    if (raw === undefined || raw === null) {
      this.issue(['webhooks'], 'Missing "webhooks": declare a map of logical names to webhooks (it may be empty: "webhooks: {}").');
      return [];
    }
    if (!this.expectMap(raw, ['webhooks'], '"webhooks" must be a map of logical names to webhooks.')) return [];

    const webhooks: WebhookDeclaration[] = [];
    for (const [name, value] of Object.entries(raw)) {
      const path = ['webhooks', name];
      if (!WEBHOOK_NAME.test(name)) {
        this.issue(path, `Invalid webhook name "${name}": use letters, digits, "-", "_" and ".", starting with a letter.`, true);
        continue;
      }
      if (!this.expectMap(value, path, `Webhook "${name}" must be a map with at least "url" and "events".`)) continue;

      this.rejectUnknownKeys(value, path, WEBHOOK_KEYS);
      const secret = this.readSecret(value.secret, [...path, 'secret']);
      webhooks.push({ name, fields: pickFields(value), secret });
    }
    return webhooks;
  }

  private readEnvironments(raw: unknown, webhookNames: readonly string[]): EnvironmentDeclaration[] {
    if (raw === undefined || raw === null) {
      this.issue(['environments'], 'Missing "environments": declare at least one environment with its credentials.');
      return [];
    }
    if (!this.expectMap(raw, ['environments'], '"environments" must be a map of environment names to settings.')) return [];
    if (Object.keys(raw).length === 0) this.issue(['environments'], 'Declare at least one environment under "environments".');

    const environments: EnvironmentDeclaration[] = [];
    for (const [name, value] of Object.entries(raw)) {
      const environment = this.readEnvironment(name, value, webhookNames);
      if (environment !== undefined) environments.push(environment);
    }
    return environments;
  }

  private readEnvironment(name: string, raw: unknown, webhookNames: readonly string[]): EnvironmentDeclaration | undefined {
    const path = ['environments', name];
    if (!ENVIRONMENT_NAME.test(name)) {
      this.issue(path, `Invalid environment name "${name}": use letters, digits, "-" and "_", starting with a letter or digit.`, true);
    }
    if (!this.expectMap(raw, path, `Environment "${name}" must be a map with at least "credentials".`)) return undefined;

    this.rejectUnknownKeys(raw, path, ENVIRONMENT_KEYS);
    const credentials = this.readCredentials(raw.credentials, [...path, 'credentials']);

    let prune = false;
    if (raw.prune !== undefined && typeof raw.prune !== 'boolean') this.issue([...path, 'prune'], '"prune" must be true or false.');
    else prune = raw.prune === true;

    const overrides = this.readOverrides(raw.webhooks, [...path, 'webhooks'], webhookNames);
    if (credentials === undefined) return undefined;
    return { name, credentials, prune, overrides };
  }

  private readCredentials(raw: unknown, path: Path): CredentialsDeclaration | undefined {
    if (raw === undefined) {
      this.issue(path, 'Missing "credentials": set clientId and clientSecret, for example "clientSecret: { env: OCROLUS_CLIENT_SECRET }".');
      return undefined;
    }
    if (!this.expectMap(raw, path, '"credentials" must be a map with clientId and clientSecret.')) return undefined;
    this.rejectUnknownKeys(raw, path, CREDENTIAL_KEYS);

    const clientId = this.readSetting(raw.clientId, [...path, 'clientId'], true);
    const clientSecret = this.readSecretReference(raw.clientSecret, [...path, 'clientSecret'], 'client secret', true);
    const apiUrl = this.readSetting(raw.apiUrl, [...path, 'apiUrl'], false);
    const authUrl = this.readSetting(raw.authUrl, [...path, 'authUrl'], false);

    if (clientId === undefined || clientSecret === undefined) return undefined;
    return { clientId, clientSecret, apiUrl, authUrl };
  }

  private readOverrides(raw: unknown, path: Path, webhookNames: readonly string[]): Record<string, WebhookOverride> {
    // No prototype, so that a webhook named like an Object member (constructor, toString) finds no override it did not declare.
    const overrides: Record<string, WebhookOverride> = Object.create(null);
    if (raw === undefined || raw === null) return overrides;
    if (!this.expectMap(raw, path, '"webhooks" of an environment must map webhook names to overrides.')) return overrides;

    for (const [name, value] of Object.entries(raw)) {
      const overridePath = [...path, name];
      if (!webhookNames.includes(name)) {
        this.issue(overridePath, `Override for undeclared webhook "${name}"; declare it under the top-level "webhooks" first.${didYouMean(name, webhookNames)}`, true);
        continue;
      }
      if (!this.expectMap(value, overridePath, `Override "${name}" must be a map, such as "{ url: https://... }" or "{ enabled: false }".`)) continue;

      this.rejectUnknownKeys(value, overridePath, OVERRIDE_KEYS);
      let enabled = true;
      if (value.enabled !== undefined && typeof value.enabled !== 'boolean') this.issue([...overridePath, 'enabled'], '"enabled" must be true or false.');
      else enabled = value.enabled !== false;

      const secret = this.readSecret(value.secret, [...overridePath, 'secret']);
      overrides[name] = { name, fields: pickFields(value), secret, enabled };
    }
    return overrides;
  }

  private readSecret(raw: unknown, path: Path): EnvReference | undefined {
    if (raw === undefined || raw === null) return undefined;
    return this.readSecretReference(raw, path, 'webhook secret', false);
  }

  /** Reads a secret, which may only come from an environment variable. */
  private readSecretReference(raw: unknown, path: Path, label: string, required: boolean): EnvReference | undefined {
    if (raw === undefined || raw === null) {
      if (required) this.issue(path, `Missing ${label}: set it to "{ env: VARIABLE_NAME }" and export the variable.`);
      return undefined;
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      this.issue(path, `A literal ${label} is not allowed in the declaration: use "{ env: VARIABLE_NAME }" and set the variable in the environment (a CI secret).`);
      return undefined;
    }

    const reference = this.readEnvReference(raw as RawMap, path);
    if (reference?.default !== undefined) {
      this.issue([...path, 'default'], `A ${label} cannot have a default value in the declaration: set the variable ${reference.env} in the environment instead.`);
      return undefined;
    }
    return reference;
  }

  /** Reads a non-secret setting: a literal string or `{ env, default? }`. */
  private readSetting(raw: unknown, path: Path, required: boolean): Setting | undefined {
    if (raw === undefined || raw === null) {
      if (required) this.issue(path, `Missing "${String(path[path.length - 1])}": set it literally or as "{ env: VARIABLE_NAME }".`);
      return undefined;
    }
    if (typeof raw === 'string') return { literal: raw };
    if (typeof raw === 'object' && !Array.isArray(raw)) return this.readEnvReference(raw as RawMap, path);

    this.issue(path, `"${String(path[path.length - 1])}" must be a string or "{ env: VARIABLE_NAME, default: VALUE }".`);
    return undefined;
  }

  private readEnvReference(raw: RawMap, path: Path): EnvReference | undefined {
    this.rejectUnknownKeys(raw, path, ENV_REFERENCE_KEYS);

    if (typeof raw.env !== 'string' || !ENV_VARIABLE_NAME.test(raw.env)) {
      this.issue([...path, 'env'], '"env" must name an environment variable, such as "{ env: OCROLUS_CLIENT_SECRET }".');
      return undefined;
    }
    if (raw.default !== undefined && typeof raw.default !== 'string') {
      this.issue([...path, 'default'], '"default" must be a string.');
      return undefined;
    }
    return raw.default === undefined ? { env: raw.env } : { env: raw.env, default: raw.default };
  }

  private rejectUnknownKeys(raw: RawMap, path: Path, known: readonly string[]): void {
    for (const key of Object.keys(raw)) {
      if (!known.includes(key)) this.issue([...path, key], `Unknown key "${key}".${didYouMean(key, known)}`, true);
    }
  }

  private expectMap(raw: unknown, path: Path, message: string): raw is RawMap {
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return true;
    this.issue(path, message);
    return false;
  }

  private issue(path: Path, message: string, atKey = false): void {
    this.issues.push({ path, message, atKey });
  }
}

function pickFields(raw: RawMap): Partial<Record<WebhookFieldName, unknown>> {
  const fields: Partial<Record<WebhookFieldName, unknown>> = {};
  for (const field of WEBHOOK_FIELDS) {
    if (field in raw) fields[field] = raw[field];
  }
  return fields;
}
