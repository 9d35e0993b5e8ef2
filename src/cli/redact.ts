import type { CliIo, OutputStream } from './io';

export { maskUrl } from './core';

/**
 * Shortest value scrubbed from output. A shorter one (a client secret such as `create`) would
 * also blank ordinary words of the output. Real client and signing secrets are far longer (Ocrolus
 * signing secrets have 16 to 128 characters), and rendering masks secrets by field whatever their
 * length, so scrubbing is only the second line of defence.
 */
export const MIN_SCRUBBED_LENGTH = 8;

/**
 * The secret values of one CLI run (client secrets, webhook secrets, URL passwords), collected as
 * they are read so every line written to stdout or stderr can be scrubbed of them. This is a second
 * line of defence: rendering masks secrets on its own, and the client redacts its errors.
 */
export class SecretScrubber {
  private readonly secrets = new Set<string>();

  /** Registers a secret value; values shorter than MIN_SCRUBBED_LENGTH characters are ignored. */
  add(value: string | undefined): void {
    if (value !== undefined && value.length >= MIN_SCRUBBED_LENGTH) this.secrets.add(value);
  }

  /** Registers the password embedded in a URL, if any. */
  addUrlPassword(url: string): void {
    const match = /^[a-z][a-z0-9+.-]*:\/\/[^:/@?#]*:([^@/?#]*)@/i.exec(url);
    if (match === null) return;

    this.add(match[1]);
    try {
      this.add(decodeURIComponent(match[1]));
    } catch {
      // A malformed escape leaves only the raw form to scrub.
    }
  }

  /** Returns the text with every registered secret replaced by `***`. */
  scrub(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('***');
    return result;
  }

  /** Wraps a stream so that everything written through it is scrubbed first. */
  wrap(stream: OutputStream): OutputStream {
    return { isTTY: stream.isTTY, write: (chunk: string) => stream.write(this.scrub(String(chunk))) };
  }

  /** Returns an io whose stdout and stderr are scrubbed. */
  wrapIo(io: CliIo): CliIo {
    return { ...io, stdout: this.wrap(io.stdout), stderr: this.wrap(io.stderr) };
  }
}
