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

/** Thrown when a declaration has errors; nothing has been sent to any API. */
export class DeclarationError extends CliError {
  constructor(readonly problems: readonly DeclarationProblem[]) {
    super(
      [
        ...problems.map(formatProblem),
        `The declaration is invalid (${countErrors(problems)} error(s)); nothing was sent to the Ocrolus API.`,
      ].join('\n'),
    );
  }
}

function countErrors(problems: readonly DeclarationProblem[]): number {
  return problems.filter((problem) => problem.severity === 'error').length;
}
