import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import * as ts from 'typescript';

import { REPO_ROOT } from './paths';

export { REPO_ROOT };

/** Source folders that the provider's implementation is compiled from. */
const SOURCE_DIRS = ['src/pulumi', 'src/core', 'src/client'];

/**
 * A compiled copy of this package, laid out as an installed `ocrolus-webhooks` would be: the
 * `package.json` with its exports map, `dist/src/...`, and a `node_modules` link to the
 * repository's dependencies. The provider host loads the implementation from it by package name,
 * exactly as it would from a program's `node_modules`.
 */
export interface BuiltPackage {
  /** Root folder of the package copy. */
  readonly root: string;
  /** A program folder inside the package, where the package resolves by its own name. */
  readonly insideProgram: string;
  /** A program folder inside the package with a package.json of its own, as examples/pulumi is. */
  readonly nestedProgram: string;
  /** A program folder outside the package that depends on it through `node_modules/ocrolus-webhooks`. */
  readonly dependentProgram: string;
}

/**
 * Compiles the Pulumi front end and what it imports into a temporary package copy, once per
 * source content: test files running in parallel reuse the same copy. The copy is built from the
 * sources under test, not from `dist/`, so a stale or half-written build of other folders cannot
 * change the result.
 */
export function buildPackage(): BuiltPackage {
  const key = sourceHash();
  const base = join(tmpdir(), `ocrolus-pulumi-package-${key}`);
  const paths = {
    root: join(base, 'package'),
    insideProgram: join(base, 'package', 'program'),
    nestedProgram: join(base, 'package', 'nested-program'),
    dependentProgram: join(base, 'dependent-program'),
  };
  if (existsSync(join(base, 'ready'))) return paths;

  const staging = `${base}.${process.pid}.${Date.now()}`;
  const packageRoot = join(staging, 'package');
  compile(join(packageRoot, 'dist'));

  cpSync(join(REPO_ROOT, 'package.json'), join(packageRoot, 'package.json'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(packageRoot, 'node_modules'), 'dir');
  mkdirSync(join(packageRoot, 'program'));
  mkdirSync(join(packageRoot, 'nested-program'));
  writeFileSync(join(packageRoot, 'nested-program', 'package.json'), JSON.stringify({ name: 'nested-program', private: true }));

  const dependentModules = join(staging, 'dependent-program', 'node_modules');
  mkdirSync(dependentModules, { recursive: true });
  // A relative link, so that the folder still works after the rename below.
  symlinkSync(join('..', '..', 'package'), join(dependentModules, 'ocrolus-webhooks'), 'dir');

  writeFileSync(join(staging, 'ready'), key);
  try {
    renameSync(staging, base);
  } catch {
    // Another test file finished the same build first; its copy is identical.
    rmSync(staging, { recursive: true, force: true });
  }
  return paths;
}

function compile(outDir: string): void {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    declaration: true,
    rootDir: REPO_ROOT,
    outDir,
    noEmitOnError: false,
  };
  const program = ts.createProgram([join(REPO_ROOT, 'src', 'pulumi', 'index.ts')], options);
  const result = program.emit();
  if (result.emitSkipped) throw new Error('TypeScript emitted nothing for src/pulumi');
}

function sourceHash(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(REPO_ROOT, 'package.json')));
  // This file decides the layout of the copy, so a change to it needs a new copy as well.
  hash.update(readFileSync(__filename));
  for (const dir of SOURCE_DIRS) {
    for (const file of listFiles(join(REPO_ROOT, dir))) {
      hash.update(relative(REPO_ROOT, file));
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}
