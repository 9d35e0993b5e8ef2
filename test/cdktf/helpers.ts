import { Testing, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';

import { OcrolusProvider } from '../../src/cdktf';

/** Synthesized Terraform JSON, parsed. */
export type SynthesizedStack = {
  readonly terraform?: { readonly required_providers?: Record<string, unknown> };
  readonly provider?: Record<string, unknown[]>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, { readonly value: unknown; readonly sensitive?: boolean }>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly moved?: ReadonlyArray<Record<string, string>>;
};

/** A fresh stack in a test app (stubbed version, no output directory of its own). */
export function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'test');
}

/**
 * A fresh stack with a default `ocrolus` provider: cdktf's own validation rejects resources whose
 * provider construct is missing.
 */
export function newProviderStack(): TerraformStack {
  const stack = newStack();
  new OcrolusProvider(stack, 'ocrolus');
  return stack;
}

/** Synthesizes the stack without running validations and parses the JSON. */
export function synthJson(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

/** Synthesizes the stack with validations, as `cdktf synth` does; throws their messages. */
export function synthValidated(stack: TerraformStack): SynthesizedStack {
  return JSON.parse(Testing.synth(stack, true)) as SynthesizedStack;
}

/** Runs the validations and returns the error they throw, or undefined when there is none. */
export function validationError(stack: TerraformStack): Error | undefined {
  try {
    Testing.synth(stack, true);
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

/** Messages of the warning annotations on one construct. */
export function warningsOf(construct: IConstruct): string[] {
  return construct.node.metadata.filter((entry) => entry.type === '@cdktf/warn').map((entry) => String(entry.data));
}
