import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { EmulatorInputError } from './errors';
import { mergeVariants, DEFAULT_VARIANTS } from './variants';
import type { OrganizationRecord, StoreSnapshot } from './store';
import type { EmulatorWebhook } from './types';

/** Marks a file as emulator state so that an unrelated JSON file is never loaded or overwritten. */
const FORMAT = 'ocrolus-emulator-state';
const VERSION = 1;

/**
 * Checks that the data file's directory exists. The emulator creates the file but never
 * directories, so that a mistyped path fails at start instead of leaving state somewhere unexpected.
 */
export function checkDataFileDirectory(file: string): void {
  const directory = dirname(file);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch {
    isDirectory = false;
  }

  if (!isDirectory) {
    throw new EmulatorInputError(`Cannot use the emulator data file ${file}: the directory ${directory} does not exist. Create it first, or choose a file in an existing directory.`);
  }
}

/** Reads the data file; returns undefined when it does not exist. Throws when it is not valid state. */
export function loadState(file: string): StoreSnapshot | undefined {
  if (!existsSync(file)) {
    return undefined;
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new EmulatorInputError(`Emulator data file ${file} is not valid JSON (${(error as Error).message}); fix or remove it.`);
  }
  return parseState(parsed, file);
}

/**
 * Writes the state atomically: to a temporary file in the same directory, then renamed over the
 * data file, so a crash never leaves a half-written file. The file is readable by its owner only
 * because it contains client secrets and webhook signing secrets.
 */
export function saveState(file: string, snapshot: StoreSnapshot): void {
  const document = {
    format: FORMAT,
    version: VERSION,
    note: 'Local Ocrolus emulator state. Contains client secrets and webhook signing secrets: keep it out of version control.',
    ...snapshot,
  };

  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Validates the parsed data file and converts it to a snapshot. */
function parseState(value: unknown, file: string): StoreSnapshot {
  const invalid = (what: string): EmulatorInputError => new EmulatorInputError(`Emulator data file ${file} is invalid: ${what}.`);

  if (!isObject(value) || value.format !== FORMAT) {
    throw invalid(`expected "format": "${FORMAT}" (is this an emulator data file?)`);
  }
  if (value.version !== VERSION) {
    throw invalid(`unsupported version ${JSON.stringify(value.version)}; this emulator reads version ${VERSION}`);
  }
  if (!Array.isArray(value.organizations)) {
    throw invalid('"organizations" must be an array');
  }

  const organizations = value.organizations.map((organization: unknown, index: number): OrganizationRecord => {
    if (!isObject(organization) || typeof organization.id !== 'string' || typeof organization.clientId !== 'string' || typeof organization.clientSecret !== 'string') {
      throw invalid(`organizations[${index}] needs string fields id, clientId and clientSecret`);
    }

    const webhooks = Array.isArray(organization.webhooks) ? organization.webhooks : [];
    const record: OrganizationRecord = {
      id: organization.id,
      clientId: organization.clientId,
      clientSecret: organization.clientSecret,
      manager: organization.manager !== false,
      webhooks: webhooks.map((webhook: unknown, position: number) => parseWebhook(webhook, () => invalid(`organizations[${index}].webhooks[${position}] is malformed`))),
    };
    if (typeof organization.name === 'string') {
      record.name = organization.name;
    }
    return record;
  });

  let variants;
  try {
    variants = mergeVariants(DEFAULT_VARIANTS, value.variants);
  } catch (error) {
    throw invalid((error as Error).message);
  }

  const tokenSigningKey = typeof value.tokenSigningKey === 'string' && value.tokenSigningKey.length >= 16 ? value.tokenSigningKey : randomBytes(32).toString('base64url');
  return { tokenSigningKey, variants, organizations };
}

function parseWebhook(value: unknown, invalid: () => Error): EmulatorWebhook {
  if (
    !isObject(value) ||
    typeof value.uuid !== 'string' ||
    typeof value.url !== 'string' ||
    typeof value.isActive !== 'boolean' ||
    !Array.isArray(value.events) ||
    !value.events.every((event) => typeof event === 'string') ||
    typeof value.createdOn !== 'string' ||
    typeof value.lastModifiedDate !== 'string'
  ) {
    throw invalid();
  }

  const webhook: EmulatorWebhook = {
    uuid: value.uuid,
    url: value.url,
    description: typeof value.description === 'string' ? value.description : null,
    isActive: value.isActive,
    events: value.events as string[],
    createdOn: value.createdOn,
    lastModifiedDate: value.lastModifiedDate,
  };
  if (typeof value.secret === 'string') {
    webhook.secret = value.secret;
  }
  return webhook;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
