/** Path to the value a diagnostic is about, such as `["webhooks", "orders", "events", 2]`. */
export type DiagnosticPath = ReadonlyArray<string | number>;

/**
 * A validation finding. `summary` is a short Title Case phrase; `detail` states what is wrong with
 * which value and how to fix it. Front ends map `path` to their own notion of a field.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail: string;
  readonly path: DiagnosticPath;
}

/** Thrown when a declaration has error diagnostics; nothing was sent to the API. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(errors.map((d) => `${formatPath(d.path)}: ${d.detail}`).join('\n'));
    this.diagnostics = diagnostics;
  }
}

export function formatPath(path: DiagnosticPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? part : `.${part}`;
  }
  return text;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
