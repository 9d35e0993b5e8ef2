import type { Diagnostic as CoreDiagnostic, DiagnosticPath } from '../core/diagnostics';
import type { AttributePath, Diagnostic } from './protocol';

/** Core field names that differ from the Terraform attribute names. */
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  secretVersion: 'secret_version',
  testOnApply: 'test_on_apply',
  failOnError: 'fail_on_error',
};

/** Returns the Terraform attribute name of a core spec field, such as `secret_version` for `secretVersion`. */
export function attributeName(field: string): string {
  return ATTRIBUTE_NAMES[field] ?? field;
}

export function errorDiagnostic(summary: string, detail: string, path?: DiagnosticPath): Diagnostic {
  return { severity: 'ERROR', summary, detail, ...(path ? { attribute: attributePath(path) } : {}) };
}

export function warningDiagnostic(summary: string, detail: string, path?: DiagnosticPath): Diagnostic {
  return { severity: 'WARNING', summary, detail, ...(path ? { attribute: attributePath(path) } : {}) };
}

export function hasErrorDiagnostics(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'ERROR');
}

/** Converts a core validation finding, mapping its path to a Terraform attribute path. */
export function fromCoreDiagnostic(diagnostic: CoreDiagnostic): Diagnostic {
  const convert = diagnostic.severity === 'error' ? errorDiagnostic : warningDiagnostic;
  return convert(diagnostic.summary, diagnostic.detail, diagnostic.path);
}

/**
 * Converts a core path such as `["events", 2]` to attribute steps. Numeric steps are dropped,
 * because `events` is a set and set elements have no index in Terraform paths, so the
 * diagnostic points at the whole attribute.
 */
export function attributePath(path: DiagnosticPath): AttributePath {
  const steps = path
    .filter((step): step is string => typeof step === 'string')
    .map((step) => ({ attribute_name: attributeName(step) }));
  return { steps };
}
