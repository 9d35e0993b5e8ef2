import { executeCall, rejectBeforeSending } from '../call';
import type { ClientContext } from '../context';
import { OcrolusValidationError } from '../errors';
import type { CallOptions } from '../types';
import { ignoreResponse } from './update-webhook';

/** Shortest and longest signing secret the API accepts, in characters. */
export const SECRET_KEY_MIN_LENGTH = 16;
export const SECRET_KEY_MAX_LENGTH = 128;

/**
 * `POST /webhook/{uuid}/rotate-secret` with `{"secret_key"}`: sets or replaces the signing secret.
 * The key is registered for redaction before it is sent, and its length is checked here so that a
 * bad key never leaves the process.
 */
export async function rotateSecret(context: ClientContext, uuid: string, secretKey: string, options?: CallOptions): Promise<void> {
  context.redactor.addSecret(secretKey);

  if (secretKey.length < SECRET_KEY_MIN_LENGTH || secretKey.length > SECRET_KEY_MAX_LENGTH) {
    const summary = `the signing secret has ${secretKey.length} characters, but it must have ${SECRET_KEY_MIN_LENGTH} to ${SECRET_KEY_MAX_LENGTH}`;
    throw rejectBeforeSending(context, new OcrolusValidationError('OCR_VALIDATION', summary, { operation: 'rotateSecret', organization: context.organization, uuid }));
  }

  await executeCall(context, { operation: 'rotateSecret', uuid, body: { secret_key: secretKey }, parse: ignoreResponse }, options);
}
