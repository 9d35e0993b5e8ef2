import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as ts from 'typescript';

import { buildPackage, REPO_ROOT } from './support/package';

const PROGRAM = `
import { Webhook } from 'ocrolus-webhooks/pulumi';
import type { WebhookArgs } from 'ocrolus-webhooks/pulumi';

const args: WebhookArgs = { url: 'https://hooks.example.com/ocrolus/orders', events: ['book.verified'] };
export const orders = new Webhook('orders', args);
`;

interface PackageManifest {
  exports: Record<string, string>;
  typesVersions: Record<string, Record<string, string[]>>;
}

/** Type-checks PROGRAM in a folder whose node_modules contains the compiled package copy. */
function typeCheck(options: ts.CompilerOptions): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'ocrolus-pulumi-types-'));
  try {
    mkdirSync(join(folder, 'node_modules'));
    symlinkSync(buildPackage().root, join(folder, 'node_modules', 'ocrolus-webhooks'), 'dir');
    const file = join(folder, 'index.ts');
    writeFileSync(file, PROGRAM);

    const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(REPO_ROOT, 'node_modules', '@types')], ...options });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('package types', () => {
  test('pulumi subpath under node resolution', () => {
    expect(typeCheck({ module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 })).toEqual([]);
  });

  test('pulumi subpath under node16 resolution', () => {
    expect(typeCheck({ module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 })).toEqual([]);
  });

  test('typesVersions covers every export', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageManifest;
    const subpaths = Object.keys(manifest.exports).filter((key) => key !== '.' && key !== './package.json');

    const expected = Object.fromEntries(subpaths.map((key) => [key.slice(2), [manifest.exports[key].replace(/^\.\//, '').replace(/\.js$/, '.d.ts')]]));
    expect(manifest.typesVersions).toEqual({ '*': expected });
  });
});
