import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Returns the absolute path of docs/emulator.md in the installed ocrolus-webhooks package, found
 * by walking up from this file, or undefined when the guide is not there.
 */
export function emulatorGuidePath(): string | undefined {
  let directory = __dirname;
  for (;;) {
    const manifest = path.join(directory, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === 'ocrolus-webhooks') {
      const guide = path.join(directory, 'docs', 'emulator.md');
      return existsSync(guide) ? guide : undefined;
    }

    const parent = path.dirname(directory);
    if (parent === directory) {
      return undefined;
    }
    directory = parent;
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
