/**
 * Schemas of the Ocrolus Terraform provider: the provider block, the `ocrolus_webhook` resource and
 * the `ocrolus_webhooks` data source. These definitions drive GetProviderSchema, the msgpack codec
 * and the state upgrader, and the CDKTF constructs read the attribute names from here.
 */

/** Local name of the provider in configurations (`provider "ocrolus" {}`). */
export const PROVIDER_TYPE_NAME = 'ocrolus';
/** Source address in `required_providers`. */
export const PROVIDER_SOURCE = 'ocrolus/ocrolus';
/** Fully qualified address under Terraform, which expands `ocrolus/ocrolus` with registry.terraform.io. */
export const PROVIDER_ADDRESS = 'registry.terraform.io/ocrolus/ocrolus';
/** Fully qualified address under OpenTofu, which expands the same source with registry.opentofu.org. */
export const OPENTOFU_PROVIDER_ADDRESS = 'registry.opentofu.org/ocrolus/ocrolus';
/** Both addresses: mirrors, dev_overrides and TF_REATTACH_PROVIDERS name each, so either engine finds the provider. */
export const PROVIDER_ADDRESSES: readonly string[] = [PROVIDER_ADDRESS, OPENTOFU_PROVIDER_ADDRESS];

export const WEBHOOK_RESOURCE_TYPE = 'ocrolus_webhook';
export const WEBHOOKS_DATA_SOURCE_TYPE = 'ocrolus_webhooks';

/** Version 1 renamed `is_active` to `active` and added `secret_version` and `test_on_apply`. */
export const WEBHOOK_SCHEMA_VERSION = 1;

/** A value type in the engine's type system (go-cty), written as plain data. */
export type ValueType =
  | 'string'
  | 'number'
  | 'bool'
  | { readonly set: ValueType }
  | { readonly list: ValueType }
  | { readonly map: ValueType }
  | { readonly object: Readonly<Record<string, ValueType>> };

/** Attributes whose value is an object (or list of objects) declared attribute by attribute. */
export interface NestedAttributes {
  readonly nesting: 'single' | 'list';
  readonly attributes: readonly AttributeSchema[];
}

export interface AttributeSchema {
  readonly name: string;
  /** Set for plain attributes; exactly one of `type` and `nested` is set. */
  readonly type?: ValueType;
  /** Set for nested attributes such as `test_on_apply = { event = "..." }`. */
  readonly nested?: NestedAttributes;
  readonly description: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
}

export interface BlockSchema {
  readonly version: number;
  readonly description: string;
  readonly attributes: readonly AttributeSchema[];
}

/** Attribute names of the provider block; each falls back to the `OCROLUS_*` variable named. */
export const PROVIDER_ATTRIBUTES = {
  clientId: 'client_id',
  clientSecret: 'client_secret',
  apiUrl: 'api_url',
  authUrl: 'auth_url',
} as const;

/** Attribute names of `ocrolus_webhook`. */
export const WEBHOOK_ATTRIBUTES = {
  id: 'id',
  uuid: 'uuid',
  url: 'url',
  events: 'events',
  description: 'description',
  active: 'active',
  secret: 'secret',
  secretVersion: 'secret_version',
  testOnApply: 'test_on_apply',
  createdOn: 'created_on',
  lastModifiedDate: 'last_modified_date',
} as const;

/** Attribute names inside `test_on_apply`. */
export const TEST_ON_APPLY_ATTRIBUTES = {
  event: 'event',
  failOnError: 'fail_on_error',
} as const;

/** Attribute names of `ocrolus_webhooks` and of each element of its `webhooks` list. */
export const WEBHOOKS_DATA_SOURCE_ATTRIBUTES = {
  id: 'id',
  webhooks: 'webhooks',
} as const;

export const PROVIDER_SCHEMA: BlockSchema = {
  version: 0,
  description: 'Manages Ocrolus organization-level webhooks. One provider configuration is one Ocrolus organization.',
  attributes: [
    {
      name: 'client_id',
      type: 'string',
      optional: true,
      description: 'OAuth client id of the organization. Falls back to OCROLUS_CLIENT_ID.',
    },
    {
      name: 'client_secret',
      type: 'string',
      optional: true,
      sensitive: true,
      description: 'OAuth client secret of the organization. Falls back to OCROLUS_CLIENT_SECRET.',
    },
    {
      name: 'api_url',
      type: 'string',
      optional: true,
      description: 'Base URL of the Ocrolus API, without /v1/account/settings. Falls back to OCROLUS_API_URL, then https://api.ocrolus.com.',
    },
    {
      name: 'auth_url',
      type: 'string',
      optional: true,
      description: 'OAuth token endpoint. Falls back to OCROLUS_AUTH_URL, then https://auth.ocrolus.com/oauth/token.',
    },
  ],
};

const TEST_ON_APPLY: NestedAttributes = {
  nesting: 'single',
  attributes: [
    {
      name: 'event',
      type: 'string',
      optional: true,
      description: 'Event whose sample payload is sent. Defaults to the first subscribed event in alphabetical order.',
    },
    {
      name: 'fail_on_error',
      type: 'bool',
      optional: true,
      description: 'Report a failed test delivery as an error instead of a warning. Defaults to false.',
    },
  ],
};

/** Current schema of `ocrolus_webhook`. */
export const WEBHOOK_SCHEMA: BlockSchema = {
  version: WEBHOOK_SCHEMA_VERSION,
  description: 'An Ocrolus organization-level webhook: the URL Ocrolus posts events to, and the events it posts.',
  attributes: [
    // Required
    {
      name: 'url',
      type: 'string',
      required: true,
      description: 'Endpoint that receives the deliveries, https unless it is a loopback address. Pass it from a sensitive variable when it embeds credentials.',
    },
    {
      name: 'events',
      type: { set: 'string' },
      required: true,
      description: 'Names of the events to deliver, such as book.verified. Order and duplicates do not matter.',
    },

    // Optional
    {
      name: 'description',
      type: 'string',
      optional: true,
      description: 'Free text of 3 to 255 characters shown in the Ocrolus Dashboard.',
    },
    {
      name: 'active',
      type: 'bool',
      optional: true,
      computed: true,
      description: 'Whether Ocrolus delivers events to this webhook. Defaults to true.',
    },
    {
      name: 'secret',
      type: 'string',
      optional: true,
      sensitive: true,
      description: 'Signing secret of 16 to 128 characters. Sent after create and whenever it or secret_version changes; stored in state as configured.',
    },
    {
      name: 'secret_version',
      type: 'string',
      optional: true,
      description: 'Any label; changing it sends the secret again (rotation).',
    },
    {
      name: 'test_on_apply',
      nested: TEST_ON_APPLY,
      optional: true,
      description: 'Sends a test delivery after create, after a change of url, events or secret, and when test_on_apply is added or changed. Needs active = true.',
    },

    // Computed
    {
      name: 'id',
      type: 'string',
      computed: true,
      description: 'Same as uuid.',
    },
    {
      name: 'uuid',
      type: 'string',
      computed: true,
      description: 'Identifier Ocrolus assigned to the webhook.',
    },
    {
      name: 'created_on',
      type: 'string',
      computed: true,
      description: 'Creation time (ISO 8601), when the API reports it.',
    },
    {
      name: 'last_modified_date',
      type: 'string',
      computed: true,
      description: 'Time of the last change (ISO 8601), when the API reports it.',
    },
  ],
};

/**
 * Version 0 of `ocrolus_webhook`, kept only to read old state: it had `is_active` where version 1
 * has `active`, and neither `secret_version` nor `test_on_apply`.
 */
export const WEBHOOK_SCHEMA_V0: BlockSchema = {
  version: 0,
  description: 'Version 0 layout of ocrolus_webhook.',
  attributes: [
    { name: 'id', type: 'string', computed: true, description: 'Same as uuid.' },
    { name: 'uuid', type: 'string', computed: true, description: 'Webhook uuid.' },
    { name: 'url', type: 'string', required: true, description: 'Webhook URL.' },
    { name: 'events', type: { set: 'string' }, required: true, description: 'Event names.' },
    { name: 'description', type: 'string', optional: true, description: 'Description.' },
    { name: 'is_active', type: 'bool', optional: true, computed: true, description: 'Whether the webhook is active.' },
    { name: 'secret', type: 'string', optional: true, sensitive: true, description: 'Signing secret.' },
    { name: 'created_on', type: 'string', computed: true, description: 'Creation time.' },
    { name: 'last_modified_date', type: 'string', computed: true, description: 'Time of the last change.' },
  ],
};

const LISTED_WEBHOOK: NestedAttributes = {
  nesting: 'list',
  attributes: [
    { name: 'uuid', type: 'string', computed: true, description: 'Identifier of the webhook.' },
    { name: 'url', type: 'string', computed: true, description: 'Endpoint URL as the API stores it. A URL with credentials (a password, or a query parameter such as token) is masked with *** and normalized.' },
    { name: 'description', type: 'string', computed: true, description: 'Description, or null.' },
    { name: 'active', type: 'bool', computed: true, description: 'Whether Ocrolus delivers events to it.' },
    { name: 'events', type: { set: 'string' }, computed: true, description: 'Subscribed event names.' },
    { name: 'created_on', type: 'string', computed: true, description: 'Creation time (ISO 8601), when the API reports it.' },
    { name: 'last_modified_date', type: 'string', computed: true, description: 'Time of the last change (ISO 8601), when the API reports it.' },
  ],
};

/** Schema of the `ocrolus_webhooks` data source. */
export const WEBHOOKS_DATA_SOURCE_SCHEMA: BlockSchema = {
  version: 0,
  description: 'Every webhook of the organization the provider is configured for, managed by code or not.',
  attributes: [
    { name: 'id', type: 'string', computed: true, description: 'Organization label (the client id).' },
    { name: 'webhooks', nested: LISTED_WEBHOOK, computed: true, description: 'The webhooks, in the order the API lists them.' },
  ],
};

/** Object type of one attribute's value. */
export function attributeType(attribute: AttributeSchema): ValueType {
  if (attribute.type !== undefined) return attribute.type;
  if (attribute.nested === undefined) throw new Error(`Attribute ${attribute.name} has neither a type nor nested attributes.`);

  const element = objectTypeOf(attribute.nested.attributes);
  return attribute.nested.nesting === 'single' ? element : { list: element };
}

/** Object type of a block: the type the engine sends and expects for the whole resource. */
export function blockType(block: BlockSchema): ValueType {
  return objectTypeOf(block.attributes);
}

function objectTypeOf(attributes: readonly AttributeSchema[]): ValueType {
  const object: Record<string, ValueType> = {};
  for (const attribute of attributes) object[attribute.name] = attributeType(attribute);
  return { object };
}
