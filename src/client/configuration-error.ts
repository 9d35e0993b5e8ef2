/**
 * Invalid or missing client settings, found before any request is sent. The message names the
 * setting or environment variable, never its value.
 */
export class ClientConfigurationError extends Error {
  override readonly name = 'ClientConfigurationError';

  constructor(
    /** The option or environment variable at fault, such as `OCROLUS_CLIENT_SECRET`. */
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}
