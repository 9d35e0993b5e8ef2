import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const PROVIDER_BIN = join(REPO_ROOT, 'bin/terraform-provider-ocrolus.js');
const PROVIDER_ENTRY = join(REPO_ROOT, 'dist/src/terraform/index.js');

/**
 * Compiles the project when dist/src/terraform is missing or older than a source file under src/,
 * because the provider executable runs from dist/. Test files in other workers may build at the
 * same time, so tsc runs under an exclusive lock (the same lock file the CDKTF tests use).
 */
export function ensureProviderBuilt(): void {
  if (isBuildCurrent()) return;

  mkdirSync(join(REPO_ROOT, 'dist'), { recursive: true });
  const tsc = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync('flock', [join(REPO_ROOT, 'dist/.build.lock'), process.execPath, tsc, '-p', 'tsconfig.json'], { cwd: REPO_ROOT, stdio: 'pipe' });
  } catch {
    // tsc still writes its output when other folders have type errors; the check below decides.
  }

  if (!existsSync(PROVIDER_ENTRY)) throw new Error(`${PROVIDER_ENTRY} is missing after the build. Run npm run build and read its errors.`);
}

function isBuildCurrent(): boolean {
  if (!existsSync(PROVIDER_ENTRY)) return false;
  return newestSource(join(REPO_ROOT, 'src')) <= statSync(PROVIDER_ENTRY).mtimeMs;
}

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
