import { encode } from '@msgpack/msgpack';

import { blockType, WEBHOOK_SCHEMA } from '../../src/terraform/schema';
import type { ValueType } from '../../src/terraform/schema';
import { decodeDynamicValue, decodeMsgpack, encodeMsgpack, isUnknown, UNKNOWN, UnknownValue, ValueTypeError } from '../../src/terraform/values';
import type { TfObject } from '../../src/terraform/values';

const WEBHOOK = blockType(WEBHOOK_SCHEMA);

function fullWebhook(overrides: Partial<TfObject> = {}): TfObject {
  return {
    id: 'c6a7c3a2-0d3f-4d8e-9c59-2f6b7f1e0a11',
    uuid: 'c6a7c3a2-0d3f-4d8e-9c59-2f6b7f1e0a11',
    url: 'https://hooks.example.com/ocrolus',
    events: ['book.completed', 'book.verified'],
    description: 'Orders',
    active: true,
    secret: null,
    secret_version: null,
    test_on_apply: { event: 'book.verified', fail_on_error: true },
    created_on: '2025-01-01T00:00:00Z',
    last_modified_date: null,
    ...overrides,
  };
}

describe('msgpack codec', () => {
  test('plain unknown encodes as d4 00 00', () => {
    expect([...encodeMsgpack(UNKNOWN, 'string')]).toEqual([0xd4, 0x00, 0x00]);
  });

  test('round trip keeps every attribute', () => {
    const value = fullWebhook();

    expect(decodeMsgpack(encodeMsgpack(value, WEBHOOK), WEBHOOK)).toEqual(value);
  });

  test('round trip keeps unknowns where they were', () => {
    const value = fullWebhook({ uuid: UNKNOWN, events: ['book.verified', UNKNOWN], test_on_apply: UNKNOWN });
    const decoded = decodeMsgpack(encodeMsgpack(value, WEBHOOK), WEBHOOK) as TfObject;

    expect(isUnknown(decoded.uuid)).toBe(true);
    expect((decoded.events as unknown[])[0]).toBe('book.verified');
    expect(isUnknown((decoded.events as unknown[])[1])).toBe(true);
    expect(isUnknown(decoded.test_on_apply)).toBe(true);
    expect(decoded.url).toBe('https://hooks.example.com/ocrolus');
  });

  test('refined unknown (extension 12) decodes as unknown', () => {
    // A string known to be non-null with the prefix "https://": {1: false, 2: "https://"}.
    const refinements = encode(new Map<number, unknown>([[1, false], [2, 'https://']]));
    const bytes = Buffer.concat([Buffer.from([0xc7, refinements.length, 12]), Buffer.from(refinements)]);
    const decoded = decodeMsgpack(bytes, 'string');

    expect(decoded).toBeInstanceOf(UnknownValue);
    expect((decoded as UnknownValue).extensionType).toBe(12);
    expect([...(decoded as UnknownValue).refinements]).toEqual([...refinements]);
  });

  test('other extension types are unknown', () => {
    expect(isUnknown(decodeMsgpack(Buffer.from([0xd4, 0x05, 0x00]), 'bool'))).toBe(true);
  });

  test('missing object attributes become null and extra ones are dropped', () => {
    const bytes = encode({ url: 'https://hooks.example.com/a', events: ['book.verified'], unexpected: 1 });
    const decoded = decodeMsgpack(bytes, WEBHOOK) as TfObject;

    expect(Object.keys(decoded).sort()).toEqual(WEBHOOK_SCHEMA.attributes.map((attribute) => attribute.name).sort());
    expect(decoded.description).toBeNull();
    expect(decoded).not.toHaveProperty('unexpected');
  });

  test('encoder writes every declared attribute', () => {
    const decoded = decodeMsgpack(encodeMsgpack({ url: 'https://hooks.example.com/a' }, WEBHOOK), WEBHOOK) as TfObject;

    expect(decoded.url).toBe('https://hooks.example.com/a');
    expect(decoded.events).toBeNull();
    expect(decoded.test_on_apply).toBeNull();
  });

  test('numbers arrive as integers, floats or strings', () => {
    const number: ValueType = 'number';

    expect(decodeMsgpack(encode(42), number)).toBe(42);
    expect(decodeMsgpack(encode(1.5), number)).toBe(1.5);
    expect(decodeMsgpack(encode('12345678901234'), number)).toBe(12345678901234);
  });

  test('null object decodes as null', () => {
    expect(decodeMsgpack(Buffer.from([0xc0]), WEBHOOK)).toBeNull();
  });

  test('wrong type names the attribute', () => {
    expect(() => decodeMsgpack(encode({ events: 'book.verified' }), WEBHOOK)).toThrow(ValueTypeError);
    expect(() => decodeMsgpack(encode({ events: 'book.verified' }), WEBHOOK)).toThrow('attribute events');
  });

  test('nested list of objects round trips', () => {
    const type: ValueType = { list: { object: { uuid: 'string', events: { set: 'string' }, active: 'bool' } } };
    const value = [{ uuid: 'a', events: ['book.verified'], active: false }];

    expect(decodeMsgpack(encodeMsgpack(value, type), type)).toEqual(value);
  });
});

describe('DynamicValue', () => {
  test('json encoding is accepted', () => {
    const json = Buffer.from(JSON.stringify({ url: 'https://hooks.example.com/a', events: ['book.verified'], active: false }));
    const decoded = decodeDynamicValue({ json }, WEBHOOK) as TfObject;

    expect(decoded.url).toBe('https://hooks.example.com/a');
    expect(decoded.active).toBe(false);
    expect(decoded.uuid).toBeNull();
  });

  test('msgpack wins over json when both are present', () => {
    const msgpack = encodeMsgpack(fullWebhook({ url: 'https://from-msgpack.example.com' }), WEBHOOK);
    const json = Buffer.from(JSON.stringify({ url: 'https://from-json.example.com' }));

    expect((decodeDynamicValue({ msgpack, json }, WEBHOOK) as TfObject).url).toBe('https://from-msgpack.example.com');
  });

  test('empty message is null', () => {
    expect(decodeDynamicValue({ msgpack: Buffer.alloc(0), json: Buffer.alloc(0) }, WEBHOOK)).toBeNull();
    expect(decodeDynamicValue(undefined, WEBHOOK)).toBeNull();
  });
});
