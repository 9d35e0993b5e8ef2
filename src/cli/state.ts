import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import type { WebhookBinding } from './core';
import { CliError } from './errors';

/** Version of the state file layout written by this CLI. */
export const STATE_VERSION = 1;

/** State file name, written beside the declaration unless --state names another file. */
export const DEFAULT_STATE_FILE = 'ocrolus-webhooks.state.json';

/**
 * The state file's content: per environment, which webhook uuid each logical name is bound to and
 * which secret version was last sent. It never contains a secret, a token or a URL.
 */
export interface StateDocument {
  readonly version: typeof STATE_VERSION;
  readonly environments: Record<string, { readonly webhooks: Record<string, { readonly uuid: string; readonly secretVersion?: string }> }>;
}

/**
 * The bindings of every environment, loaded from and saved to one JSON file. Saves are atomic
 * (temporary file, then rename) and serialized, because environments apply concurrently.
 */
export class StateStore {
  private document: StateDocument;
  private pendingSave: Promise<void> = Promise.resolve();

  private constructor(
    /** Absolute path of the state file. */
    readonly file: string,
    document: StateDocument,
    /** Whether the file existed when loaded. */
    readonly existed: boolean,
  ) {
    this.document = document;
  }

  /** Reads the state file; a missing file is an empty state (a fresh checkout). */
  static async load(file: string): Promise<StateStore> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new StateStore(file, { version: STATE_VERSION, environments: {} }, false);
      throw new CliError(`Cannot read the state file ${file}: ${(error as Error).message}`);
    }
    return new StateStore(file, parseState(file, text), true);
  }

  /** Bindings recorded for an environment, empty when there are none. */
  bindings(environment: string): WebhookBinding[] {
    const environments = this.document.environments;
    const webhooks = Object.hasOwn(environments, environment) ? environments[environment].webhooks : {};
    return Object.entries(webhooks).map(([name, entry]) =>
      entry.secretVersion === undefined ? { name, uuid: entry.uuid } : { name, uuid: entry.uuid, secretVersion: entry.secretVersion },
    );
  }

  /** Replaces an environment's bindings in memory; call save() to write them. */
  setBindings(environment: string, bindings: readonly WebhookBinding[]): void {
    // Object.fromEntries defines own properties, so every name is stored, even one such as `__proto__`.
    const sorted = [...bindings].sort((a, b) => a.name.localeCompare(b.name));
    const webhooks = Object.fromEntries(
      sorted.map((binding) => [binding.name, binding.secretVersion === undefined ? { uuid: binding.uuid } : { uuid: binding.uuid, secretVersion: String(binding.secretVersion) }]),
    );
    const entries = Object.entries(this.document.environments);
    if (!Object.hasOwn(this.document.environments, environment)) entries.push([environment, { webhooks }]);
    const environments = Object.fromEntries(entries.map(([name, entry]) => [name, name === environment ? { webhooks } : entry]));
    this.document = { ...this.document, environments };
  }

  /** Writes the whole state atomically, after any save already in progress. */
  save(): Promise<void> {
    const next = this.pendingSave.then(() => writeAtomically(this.file, `${JSON.stringify(this.document, null, 2)}\n`));
    this.pendingSave = next.catch(() => undefined);
    return next;
  }

  /** Returns the document as save() would write it. */
  snapshot(): StateDocument {
    return this.document;
  }
}

/** Resolves the state file path: --state relative to the working directory, else beside the declaration. */
export function stateFilePath(option: string | undefined, cwd: string, declarationPath: string): string {
  if (option !== undefined) return path.resolve(cwd, option);
  return path.join(path.dirname(declarationPath), DEFAULT_STATE_FILE);
}

function parseState(file: string, text: string): StateDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(`The state file ${file} is not valid JSON (${(error as Error).message}); restore it from version control or delete it so the next plan matches webhooks by URL.`);
  }

  const document = raw as Partial<StateDocument> | null;
  if (typeof document !== 'object' || document === null || document.version !== STATE_VERSION || typeof document.environments !== 'object' || document.environments === null) {
    throw new CliError(`The state file ${file} is not a version ${STATE_VERSION} state file of ocrolus-webhooks.`);
  }

  for (const [environment, entry] of Object.entries(document.environments)) {
    const webhooks = (entry as { webhooks?: unknown } | null)?.webhooks;
    if (typeof webhooks !== 'object' || webhooks === null) throw new CliError(`The state file ${file} has no "webhooks" map for environment ${environment}.`);

    for (const [name, binding] of Object.entries(webhooks)) {
      if (typeof (binding as { uuid?: unknown } | null)?.uuid !== 'string') throw new CliError(`The state file ${file} has no uuid for webhook ${name} of environment ${environment}.`);
    }
  }
  return document as StateDocument;
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, { encoding: 'utf8', mode: 0o644 });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new CliError(`Cannot write the state file ${file}: ${(error as Error).message}`);
  }
}
