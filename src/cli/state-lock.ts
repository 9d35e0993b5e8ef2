import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';

import { CliError } from './errors';

/** How long a save waits for another process's lock before it gives up. */
export const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

/**
 * Age after which a lock is stale whatever its owner. A save holds the lock only while it reads,
 * merges and renames one small file, so a minute is far beyond any live holder.
 */
export const DEFAULT_STALE_LOCK_MS = 60_000;

const RETRY_DELAY_MS = 50;

/** Timing of the state file lock; tests shorten it. */
export interface LockOptions {
  /** @default DEFAULT_LOCK_TIMEOUT_MS */
  readonly timeoutMs?: number;
  /** @default DEFAULT_STALE_LOCK_MS */
  readonly staleMs?: number;
}

/** Content of a lock file: who holds it and since when. */
interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/**
 * Runs `work` while holding the lock file `lockPath`, created with O_EXCL so that one process at a
 * time holds it. A lock whose process is gone (same host, pid not running) or that is older than
 * `staleMs` is removed and taken over. Throws CliError when the lock stays held past `timeoutMs`.
 */
export async function withLockFile<T>(lockPath: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  await acquire(lockPath, options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, options.staleMs ?? DEFAULT_STALE_LOCK_MS);
  try {
    return await work();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}

async function acquire(lockPath: string, timeoutMs: number, staleMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), createdAt: Date.now() };

  for (;;) {
    if (await tryCreate(lockPath, owner)) return;

    const holder = await readOwner(lockPath);
    if (holder !== undefined && isStale(holder, staleMs)) {
      // NOTE: when two processes find the same stale lock at once, one can remove the lock the
      // other has just created, and both then write. The window is between this read and the unlink.
      await unlink(lockPath).catch(() => undefined);
      continue;
    }

    if (Date.now() >= deadline) throw lockTimeout(lockPath, holder, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
}

/** Creates the lock file; returns false when it already exists. */
async function tryCreate(lockPath: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockPath, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new CliError(`Cannot create the state lock file ${lockPath}: ${(error as Error).message}`);
  }

  try {
    await handle.writeFile(`${JSON.stringify(owner)}\n`, 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Reads who holds the lock. A lock file without readable content (its writer stopped between
 * creating and writing it) is dated by its modification time. Returns undefined when the lock
 * disappeared meanwhile.
 */
async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  let text: string;
  let modifiedAt: number;
  try {
    text = await readFile(lockPath, 'utf8');
    modifiedAt = (await stat(lockPath)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }

  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string' && typeof parsed.createdAt === 'number') {
      return { pid: parsed.pid, hostname: parsed.hostname, createdAt: parsed.createdAt };
    }
  } catch {
    // Unreadable content: fall through to the modification time.
  }
  return { pid: 0, hostname: '', createdAt: modifiedAt };
}

function isStale(owner: LockOwner, staleMs: number): boolean {
  if (Date.now() - owner.createdAt > staleMs) return true;
  return owner.hostname === hostname() && owner.pid > 0 && !isRunning(owner.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockTimeout(lockPath: string, holder: LockOwner | undefined, timeoutMs: number): CliError {
  const who = holder === undefined || holder.pid === 0 ? 'another process' : `process ${holder.pid} on ${holder.hostname}`;
  return new CliError(
    `The state file is locked by ${who} (lock file ${lockPath}), and the lock was not released within ${timeoutMs} ms. ` +
      'Another apply is probably writing the state; wait for it and run again, or delete the lock file if no such process is running.',
  );
}
