import { ExtData } from '@msgpack/msgpack';

import type { ValueType } from '../schema';
import type { TfValue } from './types';
import { isUnknown, UnknownValue } from './unknown';

/** A decoded value does not match the type the schema declares. */
export class ValueTypeError extends Error {
  override readonly name = 'ValueTypeError';
}

/**
 * Checks a raw decoded value against a schema type and returns it in the provider's value model.
 * Objects get every declared attribute: missing ones become null and undeclared ones are dropped.
 * Numbers sent as strings become numbers, and msgpack extensions become unknowns.
 */
export function conformValue(raw: unknown, type: ValueType, path = ''): TfValue {
  if (raw === null || raw === undefined) return null;
  if (isUnknown(raw)) return raw;
  // Extension types other than 0 and 12 are unknowns from engines newer than this provider.
  if (raw instanceof ExtData) return new UnknownValue(raw.type, raw.data instanceof Uint8Array ? raw.data : new Uint8Array(0));

  if (type === 'string') {
    if (typeof raw === 'string') return raw;
    if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
    throw mismatch(path, 'a string', raw);
  }

  if (type === 'number') {
    if (typeof raw === 'number') return raw;
    if (typeof raw === 'bigint') return Number(raw);
    if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
    throw mismatch(path, 'a number', raw);
  }

  if (type === 'bool') {
    if (typeof raw === 'boolean') return raw;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw mismatch(path, 'a bool', raw);
  }

  if ('set' in type || 'list' in type) {
    const element = 'set' in type ? type.set : type.list;
    if (!Array.isArray(raw)) throw mismatch(path, 'a list or set', raw);
    return raw.map((item, index) => conformValue(item, element, `${path}[${index}]`));
  }

  if (!isRecord(raw)) throw mismatch(path, 'an object or map', raw);

  if ('map' in type) {
    const map: Record<string, TfValue> = {};
    for (const [key, item] of Object.entries(raw)) map[key] = conformValue(item, type.map, `${path}[${JSON.stringify(key)}]`);
    return map;
  }

  const object: Record<string, TfValue> = {};
  for (const [name, attributeType] of Object.entries(type.object)) {
    object[name] = conformValue(raw[name], attributeType, path === '' ? name : `${path}.${name}`);
  }
  return object;
}

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !(raw instanceof Uint8Array);
}

function mismatch(path: string, expected: string, raw: unknown): ValueTypeError {
  const where = path === '' ? 'the value' : `attribute ${path}`;
  return new ValueTypeError(`Expected ${where} to be ${expected}, got ${Array.isArray(raw) ? 'a list' : typeof raw}.`);
}
