import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import type { WebhookBinding } from './core';
import { CliError } from './errors';
import { withLockFile } from './state-lock';
import type { LockOptions } from './state-lock';

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
 * The bindings of every environment, loaded from and saved to one JSON file. A save merges: under
 * the lock file `<state>.lock` it reads the file again, replaces only the environments this run
 * set, and writes atomically (temporary file, then rename). So two runs that apply different
 * environments at once both keep their bindings. Saves of one store are serialized as well,
 * because environments apply concurrently.
 */
export class StateStore {
  private document: StateDocument;
  private pendingSave: Promise<void> = Promise.resolve();
  /** Environments whose bindings this run has set; a save writes only these. */
  private readonly changed = new Set<string>();

  private constructor(
    /** Absolute path of the state file. */
    readonly file: string,
    document: StateDocument,
    /** Whether the file existed when loaded. */
    readonly existed: boolean,
    private readonly lockOptions: LockOptions,
  ) {
    this.document = document;
  }

  /** Reads the state file; a missing file is an empty state (a fresh checkout). */
  static async load(file: string, lockOptions: LockOptions = {}): Promise<StateStore> {
    const document = await readState(file);
    if (document === undefined) return new StateStore(file, emptyState(), false, lockOptions);
    return new StateStore(file, document, true, lockOptions);
  }

  /** Path of the lock file that serializes writers of the state file. */
  get lockFile(): string {
    return `${this.file}.lock`;
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
    this.changed.add(environment);
  }

  /**
   * Writes the environments this run set into the state file, after any save already in
   * progress. Other environments keep what the file contains now, which another run may have
   * written since this store was loaded.
   */
  save(): Promise<void> {
    const next = this.pendingSave.then(() => withLockFile(this.lockFile, () => this.mergeAndWrite(), this.lockOptions));
    this.pendingSave = next.catch(() => undefined);
    return next;
  }

  private async mergeAndWrite(): Promise<void> {
    const current = (await readState(this.file)) ?? emptyState();

    // Environments keep their place in the file, so a commit of the state file shows only real changes.
    const ours = this.document.environments;
    const entries = Object.entries(current.environments).map(([name, entry]) => [name, this.changed.has(name) ? ours[name] : entry] as const);
    for (const name of this.changed) {
      if (!Object.hasOwn(current.environments, name)) entries.push([name, ours[name]]);
    }
    const merged: StateDocument = { version: STATE_VERSION, environments: Object.fromEntries(entries) };

    await writeAtomically(this.file, `${JSON.stringify(merged, null, 2)}\n`);
    this.document = merged;
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

/** Reads and checks the state file; returns undefined when it does not exist. */
async function readState(file: string): Promise<StateDocument | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`Cannot read the state file ${file}: ${(error as Error).message}`);
  }
  return parseState(file, text);
}

function emptyState(): StateDocument {
  return { version: STATE_VERSION, environments: {} };
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
