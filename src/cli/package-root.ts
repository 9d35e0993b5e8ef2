import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Returns the directory of this package's package.json, found by walking up from this file (the
 * depth differs between the TypeScript sources and the compiled dist/ files).
 */
export function packageRoot(): string {
  let directory = __dirname;
  for (;;) {
    const manifest = path.join(directory, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ocrolus-webhooks') return directory;

    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`Cannot find the ocrolus-webhooks package.json above ${__dirname}.`);
    directory = parent;
  }
}
