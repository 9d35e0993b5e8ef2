/**
 * An error the CLI reports as its message alone (no stack): bad input, missing credentials, an
 * unknown environment. Its message is complete and may span several lines.
 */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    /** Process exit code. @default 1 */
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** One finding in a declaration, located in its file. */
export interface DeclarationProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted path of the field, such as `webhooks.orders.events[2]`. */
  readonly field: string;
  /** Environment the finding applies to, when it comes from that environment's merged webhooks. */
  readonly environment?: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Formats a finding as `file:line:column: error: field: message`, the form editors can jump to. */
export function formatProblem(problem: DeclarationProblem): string {
  const where = problem.environment === undefined ? problem.field : `${problem.field} (environment ${problem.environment})`;
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${where}: ${problem.message}`;
}

/** Thrown when a declaration has errors; nothing has been sent to any API. The problems are in file order. */
export class DeclarationError extends CliError {
  readonly problems: readonly DeclarationProblem[];

  constructor(problems: readonly DeclarationProblem[]) {
    const sorted = sortProblems(problems);
    const errors = sorted.filter((problem) => problem.severity === 'error').length;
    super([...sorted.map(formatProblem), `The declaration is invalid (${errors} ${errors === 1 ? 'error' : 'errors'}); nothing was sent to the Ocrolus API.`].join('\n'));
    this.problems = sorted;
  }
}

/** Sorts problems by line, then column; problems at the same place keep their order. */
export function sortProblems(problems: readonly DeclarationProblem[]): DeclarationProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
