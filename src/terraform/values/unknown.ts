/**
 * A value the engine does not know yet, such as an attribute computed during apply. On the wire it
 * is a msgpack extension: type 0 for a plain unknown, type 12 for an unknown with refinements
 * (known prefix, bounds, nullness) that newer engines send. Refinements are kept as raw bytes and
 * not interpreted, because this provider only needs to know that the value is unknown.
 */
export class UnknownValue {
  /** msgpack extension type the value arrived as (0 or 12; any other type is read as unknown too). */
  readonly extensionType: number;
  /** Raw refinement payload of a type 12 extension, empty otherwise. */
  readonly refinements: Uint8Array;

  constructor(extensionType = 0, refinements: Uint8Array = new Uint8Array(0)) {
    this.extensionType = extensionType;
    this.refinements = refinements;
  }
}

/** The plain unknown, which is what this provider always writes. */
export const UNKNOWN = new UnknownValue();

export function isUnknown(value: unknown): value is UnknownValue {
  return value instanceof UnknownValue;
}
