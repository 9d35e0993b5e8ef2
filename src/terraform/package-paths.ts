import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Name in package.json that marks this package's root. */
const PACKAGE_NAME = 'ocrolus-webhooks';

/** Root folder of this package, found above this file (dist/src/terraform or src/terraform). */
export function packageRoot(): string {
  let directory = __dirname;
  for (;;) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return directory;

    const parent = dirname(directory);
    if (parent === directory) throw new Error(`The ${PACKAGE_NAME} package root was not found above ${__dirname}.`);
    directory = parent;
  }
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Returns the path of the provider executable this package ships. */
export function providerExecutable(): string {
  return join(packageRoot(), 'bin', 'terraform-provider-ocrolus.js');
}
