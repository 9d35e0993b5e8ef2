import { Annotations, Token } from 'cdktf';
import type { IConstruct } from 'constructs';

import { formatPath, validateWebhook } from '../core';
import type { Diagnostic } from '../core';

/** Tokens are values Terraform resolves later (variables, other resources' attributes). */
export const isToken = (value: unknown): boolean => Token.isUnresolved(value);

/**
 * Adds a warning annotation when a secret is a literal string, because cdktf writes it in plain
 * text into `cdk.tf.json`, which is usually committed or kept as a pipeline artifact.
 */
export function warnOnLiteralSecret(scope: IConstruct, prop: string, value: string | undefined, environmentVariable?: string): void {
  if (value === undefined || isToken(value)) return;

  const fallback = environmentVariable ? `, or leave ${prop} unset so the provider reads ${environmentVariable}` : '';
  Annotations.of(scope).addWarning(
    `${prop} is a literal string, so it is written in plain text into the synthesized cdk.tf.json. ` +
      `Pass a token instead, such as a sensitive TerraformVariable or a RandomPassword result${fallback}.`,
  );
}

/** The webhook fields the shared core validates, in its camelCase spelling. */
export interface WebhookFields {
  readonly url?: unknown;
  readonly events?: unknown;
  readonly description?: unknown;
  readonly active?: unknown;
  readonly secret?: unknown;
  readonly secretVersion?: unknown;
}

/**
 * Runs the shared core's webhook checks, skipping tokens. Returns one message per error; warnings
 * go to `scope` as warning annotations, each at most once however often validation runs.
 */
export function validateWebhookFields(scope: IConstruct, fields: WebhookFields, reported: Set<string>): string[] {
  return reportDiagnostics(scope, validateWebhook({ ...fields }, { isUnknown: isToken }), reported);
}

/**
 * Returns one message per error diagnostic and adds each warning to `scope` as a warning
 * annotation, at most once however often validation runs.
 */
export function reportDiagnostics(scope: IConstruct, diagnostics: readonly Diagnostic[], reported: Set<string>): string[] {
  const errors: string[] = [];
  for (const diagnostic of diagnostics) {
    const message = formatDiagnostic(diagnostic);
    if (diagnostic.severity === 'error') {
      errors.push(message);
    } else if (!reported.has(message)) {
      reported.add(message);
      Annotations.of(scope).addWarning(message);
    }
  }
  return errors;
}

/** Formats a core diagnostic as `Summary (field): detail`, with the field in the props' spelling. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const field = formatPath(diagnostic.path);
  const where = field === '' ? '' : ` (${field})`;
  return `${diagnostic.summary}${where}: ${diagnostic.detail}`;
}
