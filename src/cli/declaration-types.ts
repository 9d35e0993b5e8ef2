/** The parsed declaration file (examples/webhooks.yaml), before environment variables are read. */

/** `{ env: NAME, default?: VALUE }`: a value read from an environment variable when the CLI runs. */
export interface EnvReference {
  readonly env: string;
  /** Used when the variable is unset or empty; never allowed for secrets. */
  readonly default?: string;
}

/** A setting given literally in the file or read from the environment. */
export type Setting = { readonly literal: string } | EnvReference;

/** Webhook fields whose values go to the core unchanged (it validates them). */
export const WEBHOOK_FIELDS = ['description', 'url', 'events', 'active', 'secretVersion'] as const;

export type WebhookFieldName = (typeof WEBHOOK_FIELDS)[number];

/** One entry of the top-level `webhooks` map. */
export interface WebhookDeclaration {
  /** Logical name: the key in the `webhooks` map, and the key of its binding in the state file. */
  readonly name: string;
  /** Declared values of the fields in WEBHOOK_FIELDS, as found in the file. */
  readonly fields: Readonly<Partial<Record<WebhookFieldName, unknown>>>;
  readonly secret?: EnvReference;
}

/** An environment's changes to one webhook; `enabled: false` leaves the webhook out. */
export interface WebhookOverride {
  readonly name: string;
  readonly fields: Readonly<Partial<Record<WebhookFieldName, unknown>>>;
  readonly secret?: EnvReference;
  /** @default true */
  readonly enabled: boolean;
}

export interface CredentialsDeclaration {
  readonly clientId: Setting;
  /** Always from the environment: a literal client secret is rejected. */
  readonly clientSecret: EnvReference;
  readonly apiUrl?: Setting;
  readonly authUrl?: Setting;
}

/** One entry of `environments`: one Ocrolus organization. */
export interface EnvironmentDeclaration {
  readonly name: string;
  readonly credentials: CredentialsDeclaration;
  /** Delete webhooks on the server that match no declared webhook. @default false */
  readonly prune: boolean;
  readonly overrides: Readonly<Record<string, WebhookOverride>>;
}

export interface Declaration {
  /** Path of the file as given on the command line. */
  readonly file: string;
  /** Absolute path of the file. */
  readonly absolutePath: string;
  readonly webhooks: readonly WebhookDeclaration[];
  readonly environments: readonly EnvironmentDeclaration[];
}

/** A structural problem found while reading the file, located by its path in the YAML document. */
export interface SchemaIssue {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
  /** Point at the key rather than the value (for unknown keys). */
  readonly atKey?: boolean;
}
