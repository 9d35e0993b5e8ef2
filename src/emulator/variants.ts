import { EmulatorInputError } from './errors';
import type { EmulatorVariants } from './types';

/** The behaviour of the emulator when no variant is chosen. */
export const DEFAULT_VARIANTS: EmulatorVariants = Object.freeze({
  errorTransport: 'http-status',
  statusType: 'integer',
  addResponse: 'uuid',
  testResponse: 'uuid',
  notFound: 'http-404',
  timestamps: 'included',
  urlStorage: 'as-sent',
  duplicateUrls: 'exact',
  activeOnAdd: 'honoured',
  ignoreActiveFlip: false,
  retryAfterHeader: false,
});

/** Every value of each variant switch, for tests that loop over them. */
export const VARIANT_CHOICES: { readonly [K in keyof EmulatorVariants]: readonly EmulatorVariants[K][] } = Object.freeze({
  errorTransport: ['http-status', 'envelope-200'],
  statusType: ['integer', 'string'],
  addResponse: ['uuid', 'webhook'],
  testResponse: ['uuid', 'payload'],
  notFound: ['http-404', 'code-1000'],
  timestamps: ['included', 'omitted'],
  urlStorage: ['as-sent', 'normalized'],
  duplicateUrls: ['exact', 'normalized'],
  activeOnAdd: ['honoured', 'ignored'],
  ignoreActiveFlip: [false, true],
  retryAfterHeader: [false, true],
});

/**
 * Returns `base` with the switches of `patch` applied. Throws EmulatorInputError for an unknown
 * switch or value, so that a typo in a test or an admin call fails instead of being ignored.
 */
export function mergeVariants(base: EmulatorVariants, patch: unknown): EmulatorVariants {
  if (patch === undefined || patch === null) {
    return { ...base };
  }
  if (typeof patch !== 'object' || Array.isArray(patch)) {
    throw new EmulatorInputError('Variants must be a JSON object of switch names to values.');
  }

  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) {
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(VARIANT_CHOICES, name)) {
      const known = Object.keys(VARIANT_CHOICES).join(', ');
      throw new EmulatorInputError(`Unknown variant switch "${name}"; known switches: ${known}.`);
    }
    const choices = VARIANT_CHOICES[name as keyof EmulatorVariants] as readonly unknown[];
    if (!choices.includes(value)) {
      throw new EmulatorInputError(`Invalid value ${JSON.stringify(value)} for variant "${name}"; expected one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}.`);
    }
    merged[name] = value;
  }
  return merged as unknown as EmulatorVariants;
}
