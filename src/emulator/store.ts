import { randomBytes } from 'node:crypto';

import { EmulatorInputError } from './errors';
import { DEFAULT_VARIANTS, mergeVariants } from './variants';
import type { EmulatorVariants, EmulatorWebhook, OrganizationSeed } from './types';

/** An organization with its credentials and webhooks, as the store keeps it. */
export interface OrganizationRecord {
  readonly id: string;
  clientId: string;
  clientSecret: string;
  name?: string;
  manager: boolean;
  /** In creation order. */
  webhooks: EmulatorWebhook[];
}

/** Everything the data file holds. */
export interface StoreSnapshot {
  readonly tokenSigningKey: string;
  readonly variants: EmulatorVariants;
  readonly organizations: readonly OrganizationRecord[];
}

/**
 * The emulator's mutable state: organizations, their webhooks and secrets, the variants and the
 * key that signs access tokens. Every change calls `onChange` so that persistence can save it.
 */
export class EmulatorStore {
  private readonly organizationsById = new Map<string, OrganizationRecord>();

  private currentVariants: EmulatorVariants;

  /** HMAC key of access tokens; persisted so that tokens survive a restart. */
  readonly tokenSigningKey: string;

  constructor(snapshot: StoreSnapshot | undefined, private readonly onChange: () => void) {
    this.tokenSigningKey = snapshot?.tokenSigningKey ?? randomBytes(32).toString('base64url');
    this.currentVariants = { ...DEFAULT_VARIANTS, ...snapshot?.variants };

    for (const organization of snapshot?.organizations ?? []) {
      this.organizationsById.set(organization.id, { ...organization, webhooks: organization.webhooks.map(copyWebhook) });
    }
  }

  /** The current variant switches (a copy). */
  get variants(): EmulatorVariants {
    return { ...this.currentVariants };
  }

  /** Applies variant switches; throws EmulatorInputError for unknown switches or values. */
  setVariants(patch: unknown): void {
    this.currentVariants = mergeVariants(this.currentVariants, patch);
    this.onChange();
  }

  /** Adds an organization, or replaces the credentials, name and role of the one with the same id. */
  upsertOrganization(seed: OrganizationSeed): OrganizationRecord {
    const checked = checkSeed(seed);
    const owner = this.organizationByClientId(checked.clientId);
    if (owner !== undefined && owner.id !== checked.id) {
      throw new EmulatorInputError(`Client id "${checked.clientId}" already belongs to organization "${owner.id}".`);
    }

    const existing = this.organizationsById.get(checked.id);
    const record: OrganizationRecord = { ...checked, webhooks: existing?.webhooks ?? [] };
    this.organizationsById.set(record.id, record);

    this.onChange();
    return record;
  }

  /** Lists all organizations, in the order they were added. */
  organizations(): OrganizationRecord[] {
    return [...this.organizationsById.values()];
  }

  organization(id: string): OrganizationRecord | undefined {
    return this.organizationsById.get(id);
  }

  /** Returns the organization, or throws EmulatorInputError (404) naming the unknown id. */
  requireOrganization(id: string): OrganizationRecord {
    const organization = this.organizationsById.get(id);
    if (organization === undefined) {
      const known = [...this.organizationsById.keys()].join(', ') || '(none)';
      throw new EmulatorInputError(`Organization "${id}" not found; known organizations: ${known}.`, 404);
    }
    return organization;
  }

  organizationByClientId(clientId: string): OrganizationRecord | undefined {
    return [...this.organizationsById.values()].find((organization) => organization.clientId === clientId);
  }

  /** Finds the organization's webhook with this uuid and returns the stored object, not a copy. */
  webhook(organizationId: string, uuid: string): EmulatorWebhook | undefined {
    return this.organizationsById.get(organizationId)?.webhooks.find((webhook) => webhook.uuid === uuid.toLowerCase());
  }

  insertWebhook(organizationId: string, webhook: EmulatorWebhook): void {
    this.requireOrganization(organizationId).webhooks.push(copyWebhook(webhook));
    this.onChange();
  }

  /** Applies `changes` to a stored webhook; returns false when it does not exist. */
  updateWebhook(organizationId: string, uuid: string, changes: Partial<EmulatorWebhook>): boolean {
    const webhook = this.webhook(organizationId, uuid);
    if (webhook === undefined) {
      return false;
    }

    Object.assign(webhook, changes, { uuid: webhook.uuid, createdOn: webhook.createdOn });
    if (changes.events !== undefined) {
      webhook.events = [...changes.events];
    }

    this.onChange();
    return true;
  }

  /** Deletes a webhook and its secret; returns false when it does not exist. */
  deleteWebhook(organizationId: string, uuid: string): boolean {
    const organization = this.organizationsById.get(organizationId);
    const index = organization?.webhooks.findIndex((webhook) => webhook.uuid === uuid.toLowerCase()) ?? -1;
    if (organization === undefined || index < 0) {
      return false;
    }

    organization.webhooks.splice(index, 1);
    this.onChange();
    return true;
  }

  /** Returns a deep copy of the state, for persistence. */
  snapshot(): StoreSnapshot {
    return {
      tokenSigningKey: this.tokenSigningKey,
      variants: this.variants,
      organizations: this.organizations().map((organization) => ({ ...organization, webhooks: organization.webhooks.map(copyWebhook) })),
    };
  }
}

/** Copies a webhook, including its event list. */
export function copyWebhook(webhook: EmulatorWebhook): EmulatorWebhook {
  const copy: EmulatorWebhook = { ...webhook, events: [...webhook.events] };
  if (copy.secret === undefined) {
    delete copy.secret;
  }
  return copy;
}

/** Validates an organization seed and fills in the default role. */
function checkSeed(seed: OrganizationSeed): Omit<OrganizationRecord, 'webhooks'> {
  if (seed === null || typeof seed !== 'object') {
    throw new EmulatorInputError('An organization must be an object with id, clientId and clientSecret.');
  }
  for (const field of ['id', 'clientId', 'clientSecret'] as const) {
    if (typeof seed[field] !== 'string' || seed[field].length === 0) {
      throw new EmulatorInputError(`Organization field "${field}" must be a non-empty string.`);
    }
  }
  if (seed.name !== undefined && typeof seed.name !== 'string') {
    throw new EmulatorInputError('Organization field "name" must be a string when set.');
  }
  if (seed.manager !== undefined && typeof seed.manager !== 'boolean') {
    throw new EmulatorInputError('Organization field "manager" must be a boolean when set.');
  }

  const record: Omit<OrganizationRecord, 'webhooks'> = { id: seed.id, clientId: seed.clientId, clientSecret: seed.clientSecret, manager: seed.manager ?? true };
  if (seed.name !== undefined) {
    record.name = seed.name;
  }
  return record;
}
