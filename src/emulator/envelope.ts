import type { EmulatorVariants } from './types';

/** A response ready to be sent: HTTP status, extra headers and a JSON body. */
export interface Reply {
  readonly httpStatus: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Options of an error reply. */
export interface ErrorReplyOptions {
  /** Send the error's status as the HTTP status even under errorTransport 'envelope-200'. */
  readonly realHttpStatus?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Builds the success envelope `{status, message: "OK", response}`. */
export function successReply(variants: EmulatorVariants, response: unknown): Reply {
  return { httpStatus: 200, body: { status: envelopeStatus(variants, 200), message: 'OK', response } };
}

/**
 * Builds the error envelope `{status, code, message, response: null, meta: {status, code, msg}}`,
 * sent with the error's HTTP status, or with HTTP 200 under errorTransport 'envelope-200'.
 */
export function errorReply(variants: EmulatorVariants, status: number, code: number, message: string, options: ErrorReplyOptions = {}): Reply {
  const shown = envelopeStatus(variants, status);
  const httpStatus = variants.errorTransport === 'envelope-200' && options.realHttpStatus !== true ? 200 : status;

  return {
    httpStatus,
    body: { status: shown, code, message, response: null, meta: { status: shown, code, msg: message } },
    headers: options.headers,
  };
}

function envelopeStatus(variants: EmulatorVariants, status: number): number | string {
  return variants.statusType === 'string' ? String(status) : status;
}
