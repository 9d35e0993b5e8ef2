export { conformValue, ValueTypeError } from './conform';
export { decodeDynamicValue, decodeJson, decodeMsgpack, encodeDynamicValue, encodeMsgpack } from './dynamic-value';
export type { DynamicValue } from './dynamic-value';
export type { TfObject, TfValue } from './types';
export { isUnknown, UNKNOWN, UnknownValue } from './unknown';
