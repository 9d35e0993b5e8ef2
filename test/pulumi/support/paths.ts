import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Root of the repository: the nearest folder above this file with the package.json of
 * `ocrolus-webhooks`. Found by walking up, so the same code works from the TypeScript sources
 * and from the compiled copy under dist/ that the benchmarks run.
 */
export const REPO_ROOT = findRepositoryRoot(__dirname);

function findRepositoryRoot(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ocrolus-webhooks') return folder;
    if (dirname(folder) === folder) throw new Error(`No ocrolus-webhooks package.json above ${start}.`);
  }
}
