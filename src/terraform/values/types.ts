import type { UnknownValue } from './unknown';

/**
 * A value of the engine's type system in JavaScript: null, a primitive, an array for lists and
 * sets, a record for objects and maps, or an unknown anywhere.
 */
export type TfValue = null | string | number | boolean | UnknownValue | TfValue[] | { [key: string]: TfValue };

/** An object value, such as the whole state of one resource. */
export type TfObject = { [key: string]: TfValue };
