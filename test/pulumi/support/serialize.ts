import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import type { BuiltPackage } from './package';

export interface SerializedProvider {
  /** JavaScript module text, as stored in state under `__provider`. */
  readonly text: string;
  readonly containsSecrets: boolean;
}

/**
 * Serializes the Webhook provider from the package copy in a separate Node process, exactly as
 * `pulumi.dynamic.Resource` does in a program. `env` is that process's environment, so a test can
 * plant credentials there and check that none reaches the text.
 */
export function serializeProvider(pkg: BuiltPackage, env: NodeJS.ProcessEnv = process.env): SerializedProvider {
  const stdout = execFileSync(process.execPath, [join(__dirname, 'serialize-provider.js'), pkg.root], { cwd: pkg.insideProgram, env, encoding: 'utf8' });
  return JSON.parse(stdout) as SerializedProvider;
}
