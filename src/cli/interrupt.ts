/** Exit code of a command stopped by SIGINT or SIGTERM (128 + 2, the shell's code for an interrupt). */
export const EXIT_INTERRUPTED = 130;

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Turns the first SIGINT or SIGTERM during a command into an abort of its in-flight API calls, so
 * the command can stop, write the state it has and exit by itself. A second signal removes the
 * handlers and raises the signal again, which ends the process the default way.
 */
export class InterruptGuard {
  private readonly controller = new AbortController();
  private received: NodeJS.Signals | undefined;

  private readonly onSignal = (signal: NodeJS.Signals): void => {
    if (this.received !== undefined) {
      this.dispose();
      process.kill(process.pid, signal);
      return;
    }

    this.received = signal;
    this.controller.abort(new Error(`interrupted by ${signal}`));
  };

  constructor() {
    for (const signal of SIGNALS) process.on(signal, this.onSignal);
  }

  /** Aborted when the first signal arrives; pass it to every API call of the command. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The signal received, or undefined while none has arrived. */
  get interruptedBy(): NodeJS.Signals | undefined {
    return this.received;
  }

  /** Removes the signal handlers; call it when the command ends. */
  dispose(): void {
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
  }
}
