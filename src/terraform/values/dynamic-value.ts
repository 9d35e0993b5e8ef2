import { decode, encode, ExtensionCodec } from '@msgpack/msgpack';

import type { ValueType } from '../schema';
import { conformValue } from './conform';
import type { TfValue } from './types';
import { isUnknown, UnknownValue } from './unknown';

/** The protocol's DynamicValue message as @grpc/proto-loader hands it over (bytes as Buffer). */
export interface DynamicValue {
  readonly msgpack?: Uint8Array | null;
  readonly json?: Uint8Array | null;
}

/** Extension type go-cty writes for a plain unknown value. */
const UNKNOWN_EXTENSION = 0;
/** Extension type of an unknown value with refinements (OpenTofu 1.6, Terraform 1.6 and later). */
const REFINED_UNKNOWN_EXTENSION = 12;

const extensionCodec = new ExtensionCodec();

extensionCodec.register({
  type: UNKNOWN_EXTENSION,
  // go-cty writes a single zero byte as the payload of a plain unknown, giving `d4 00 00`.
  encode: (value: unknown) => (isUnknown(value) ? new Uint8Array([0]) : null),
  decode: () => new UnknownValue(UNKNOWN_EXTENSION),
});

extensionCodec.register({
  type: REFINED_UNKNOWN_EXTENSION,
  encode: () => null,
  decode: (data: Uint8Array) => new UnknownValue(REFINED_UNKNOWN_EXTENSION, data.slice()),
});

/**
 * Decodes a DynamicValue against the schema type. msgpack wins when both encodings are present; an
 * empty message is null. JSON cannot carry unknowns, so JSON values are always wholly known.
 */
export function decodeDynamicValue(value: DynamicValue | null | undefined, type: ValueType): TfValue {
  if (value?.msgpack && value.msgpack.length > 0) return decodeMsgpack(value.msgpack, type);
  if (value?.json && value.json.length > 0) return decodeJson(value.json, type);
  return null;
}

export function decodeMsgpack(bytes: Uint8Array, type: ValueType): TfValue {
  return conformValue(decode(bytes, { extensionCodec }), type);
}

export function decodeJson(bytes: Uint8Array | string, type: ValueType): TfValue {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  return conformValue(JSON.parse(text), type);
}

/** Encodes a value as the msgpack DynamicValue the engine expects for the schema type. */
export function encodeDynamicValue(value: TfValue, type: ValueType): { msgpack: Buffer } {
  return { msgpack: encodeMsgpack(value, type) };
}

export function encodeMsgpack(value: TfValue, type: ValueType): Buffer {
  const conformed = conformValue(value, type);
  const bytes = encode(conformed, { extensionCodec, ignoreUndefined: true });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
