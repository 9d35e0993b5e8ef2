import { createWritable, Listr, ListrErrorTypes, ListrLogger, ProcessOutput } from 'listr2';
import type { ListrTask, ListrTaskWrapper } from 'listr2';

import type { ApplyEvent, PlannedAction } from './core';
import type { OutputStream } from './io';

/** One environment's apply, run under a progress display. */
export interface ProgressJob<R> {
  readonly environment: string;
  /** Title of the environment's task, such as "Apply to staging". */
  readonly title: string;
  readonly actions: readonly PlannedAction[];
  /** Runs the apply, reporting each action's start, end or failure through `onEvent`. */
  run(onEvent: (event: ApplyEvent) => void): Promise<R>;
}

type ActionOutcome = { readonly phase: 'done'; readonly uuid?: string } | { readonly phase: 'failed' } | { readonly phase: 'not-started' };

/**
 * Runs every job concurrently and shows each planned action as a task on `stderr` with listr2:
 * the default renderer on a terminal, the simple one (a line per state change) otherwise.
 * Returns each job's settled result, which the display never changes.
 */
export async function runWithProgress<R>(jobs: readonly ProgressJob<R>[], stderr: OutputStream): Promise<PromiseSettledResult<R>[]> {
  const results: Array<Promise<R>> = [];
  const tasks: ListrTask[] = [];
  for (const job of jobs) {
    const tracker = new ActionTracker(job.actions);
    const result = job.run((event) => tracker.record(event));
    results.push(result);
    void result.then(() => tracker.finish(), () => tracker.finish());

    // An environment without changes still runs (its bindings are saved) but shows no task.
    if (job.actions.length === 0) continue;
    tasks.push({
      title: job.title,
      task: (_context, task) => {
        const shown = job.actions.map((action) => actionTask(job.environment, action, tracker));
        const verdict = verdictTask(job, result, tracker, shown, task);
        // exitOnError must be set here: a subtask list inherits false from the list above it.
        return task.newListr([...shown.map((entry) => entry.task), verdict], { concurrent: true, exitOnError: true });
      },
    });
  }
  if (tasks.length === 0) return Promise.allSettled(results);

  const logger = progressLogger(stderr);
  const listr = new Listr(tasks, {
    concurrent: true,
    exitOnError: false,
    registerSignalListeners: false,
    renderer: stderr.isTTY === true ? 'default' : 'simple',
    fallbackRenderer: 'simple',
    rendererOptions: { logger, collapseSubtasks: false },
    fallbackRendererOptions: { logger },
  });

  // The display's own failures mirror the jobs' failures, which the caller reports from `results`.
  await listr.run().catch(() => undefined);
  return Promise.allSettled(results);
}

/** A task shown for one planned action, and a promise that settles once the display has updated it. */
interface ShownAction {
  readonly task: ListrTask;
  readonly shown: Promise<void>;
}

function actionTask(environment: string, action: PlannedAction, tracker: ActionTracker): ShownAction {
  let markShown!: () => void;
  const shown = new Promise<void>((resolve) => (markShown = resolve));

  const task: ListrTask = {
    title: `${environment}: ${describe(action, action.uuid)}`,
    // A failed action fails only its own line; the verdict task fails the environment's task.
    exitOnError: false,
    task: async (_context, wrapper) => {
      try {
        const outcome = await tracker.outcome(action);
        if (outcome.phase === 'failed') throw new Error(`${environment}: ${describe(action, action.uuid)} failed`);
        if (outcome.phase === 'not-started') {
          wrapper.skip(`${environment}: ${describe(action, action.uuid)} not started`);
          return;
        }
        wrapper.title = `${environment}: ${describe(action, outcome.uuid ?? action.uuid)}`;
      } finally {
        // Lets the verdict run after this line's state change, so the environment's line comes last.
        setImmediate(markShown);
      }
    },
  };
  return { task, shown };
}

/**
 * Builds an untitled task that waits for the job and every action line, then fails the
 * environment's task when any action failed or the job itself failed. Without it the
 * environment's line would read as a success after failed actions.
 */
function verdictTask<R>(job: ProgressJob<R>, result: Promise<R>, tracker: ActionTracker, shown: readonly ShownAction[], parent: ListrTaskWrapper<unknown, never, never>): ListrTask {
  return {
    task: async () => {
      const [settled] = await Promise.allSettled([result, ...shown.map((entry) => entry.shown)]);

      const failed = tracker.failedCount();
      let reason: string | undefined;
      if (failed > 0) reason = `${failed} of ${job.actions.length} ${job.actions.length === 1 ? 'action' : 'actions'} failed`;
      else if (settled.status === 'rejected') reason = 'stopped by an error';
      if (reason === undefined) return;

      parent.report(new Error(reason), ListrErrorTypes.HAS_FAILED_WITHOUT_ERROR);
      // An empty message keeps the untitled task off the display; its failure still fails the parent.
      throw new Error('');
    },
  };
}

/** Describes an action for a task title, such as "create orders" or "update orders (uuid)". */
function describe(action: PlannedAction, uuid: string | undefined): string {
  const verb = action.kind === 'set-secret' ? 'set secret of' : action.kind;
  return uuid === undefined || uuid === action.name ? `${verb} ${action.name}` : `${verb} ${action.name} (${uuid})`;
}

/** Turns the core's apply events into one promise per planned action. */
class ActionTracker {
  private readonly waiters = new Map<PlannedAction, { promise: Promise<ActionOutcome>; resolve: (outcome: ActionOutcome) => void }>();

  constructor(actions: readonly PlannedAction[]) {
    for (const action of actions) {
      let resolve!: (outcome: ActionOutcome) => void;
      const promise = new Promise<ActionOutcome>((done) => (resolve = done));
      this.waiters.set(action, { promise, resolve });
    }
  }

  private failed = 0;

  record(event: ApplyEvent): void {
    const waiter = this.waiters.get(event.action);
    if (event.phase === 'done') waiter?.resolve({ phase: 'done', ...(event.uuid !== undefined ? { uuid: event.uuid } : {}) });
    else if (event.phase === 'failed') {
      this.failed++;
      waiter?.resolve({ phase: 'failed' });
    }
  }

  /** Number of actions the core reported as failed. */
  failedCount(): number {
    return this.failed;
  }

  /** Settles every action that got no event as not started (a promise settles only once). */
  finish(): void {
    for (const waiter of this.waiters.values()) waiter.resolve({ phase: 'not-started' });
  }

  outcome(action: PlannedAction): Promise<ActionOutcome> {
    return this.waiters.get(action)?.promise ?? Promise.resolve({ phase: 'not-started' });
  }
}

function progressLogger(stderr: OutputStream): ListrLogger {
  const stream = createWritable((chunk) => stderr.write(chunk)) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY: stderr.isTTY === true, columns: process.stderr.columns || 80, rows: process.stderr.rows || 24 });
  return new ListrLogger({ useIcons: true, processOutput: new ProcessOutput(stream, stream) });
}
