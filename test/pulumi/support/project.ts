import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BuiltPackage } from './package';
import { REPO_ROOT } from './package';

const EXAMPLE_FILES = ['index.ts', 'declaration.ts', 'package.json', 'tsconfig.json'];

/**
 * Copies the repository's Pulumi project to a temporary folder: Pulumi.yaml, the example
 * program, and the stack file with `ocrolus:apiUrl` and `ocrolus:authUrl` pointed at `endpoints`.
 * The folder is laid out like the repository (package.json, src, node_modules) but its `dist`
 * is the compiled package copy, so the provider host loads the sources under test.
 */
export function copyProject(pkg: BuiltPackage, stack: string, endpoints: { apiUrl: string; authUrl: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'ocrolus-pulumi-project-'));

  copyFileSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
  copyFileSync(join(REPO_ROOT, 'Pulumi.yaml'), join(root, 'Pulumi.yaml'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  symlinkSync(join(REPO_ROOT, 'src'), join(root, 'src'), 'dir');
  symlinkSync(join(pkg.root, 'dist'), join(root, 'dist'), 'dir');

  const example = join(root, 'examples', 'pulumi');
  mkdirSync(example, { recursive: true });
  for (const file of EXAMPLE_FILES) copyFileSync(join(REPO_ROOT, 'examples', 'pulumi', file), join(example, file));

  const stackFile = readFileSync(join(REPO_ROOT, `Pulumi.${stack}.yaml`), 'utf8')
    .replace(/^(\s*ocrolus:apiUrl:).*$/m, `$1 ${endpoints.apiUrl}`)
    .replace(/^(\s*ocrolus:authUrl:).*$/m, `$1 ${endpoints.authUrl}`);
  writeFileSync(join(root, `Pulumi.${stack}.yaml`), stackFile);
  return root;
}
