import type { EmulatorVariants } from '../../src/emulator';
import type { HttpResult } from './helpers';

/** Encodes an envelope status as the statusType variant does. */
export function statusValue(variants: EmulatorVariants, status: number): number | string {
  return variants.statusType === 'string' ? String(status) : status;
}

/** Asserts a success envelope with HTTP 200 and returns its `response`. */
export function expectSuccess(result: HttpResult, variants: EmulatorVariants): any {
  expect(result.status).toBe(200);
  expect(result.body.status).toBe(statusValue(variants, 200));
  expect(result.body.message).toBe('OK');
  expect(Object.keys(result.body).sort()).toEqual(['message', 'response', 'status']);
  return result.body.response;
}

/**
 * Asserts an error envelope: the HTTP status per errorTransport, the envelope status per
 * statusType, the code and the message (a string or a pattern).
 */
export function expectError(result: HttpResult, variants: EmulatorVariants, status: number, code: number, message?: string | RegExp): void {
  expect(result.status).toBe(variants.errorTransport === 'envelope-200' ? 200 : status);

  const encoded = statusValue(variants, status);
  expect(result.body).toEqual({
    status: encoded,
    code,
    message: expect.any(String),
    response: null,
    meta: { status: encoded, code, msg: result.body.message },
  });
  if (typeof message === 'string') {
    expect(result.body.message).toBe(message);
  } else if (message !== undefined) {
    expect(result.body.message).toMatch(message);
  }
}
