/**
 * Invalid input to the emulator's own interfaces (programmatic API, admin endpoint, data file),
 * as opposed to errors of the emulated Ocrolus API, which are sent as envelopes.
 */
export class EmulatorInputError extends Error {
  override readonly name = 'EmulatorInputError';

  /** @param status HTTP status of the admin endpoint's response (400 invalid, 404 not found, 409 conflict). */
  constructor(message: string, readonly status: 400 | 404 | 409 = 400) {
    super(message);
  }
}

/** An error of the emulated API: HTTP/envelope status, Ocrolus error code and message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(readonly status: number, readonly code: number, message: string) {
    super(message);
  }
}
