/**
 * The value the engine sends in place of an input that is not known yet (an output of a resource
 * still to be created), as `@pulumi/pulumi/runtime/rpc` defines it. Kept here as a literal so that
 * the provider does not load the SDK's runtime for one string.
 */
export const UNKNOWN_VALUE = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** True for the unknown marker itself. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN_VALUE;
}

/** True when the value or anything inside it is not known yet. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsUnknown);
  return false;
}
