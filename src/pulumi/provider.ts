import type * as pulumi from '@pulumi/pulumi';

import type { ProviderRuntime } from './runtime';
import type { ProviderSettings } from './settings';

/**
 * Module that contains the provider's implementation, required by package name when the serialized
 * provider runs. It resolves from the program's folder or one of its parents: through
 * `node_modules/ocrolus-webhooks` in a program that depends on the package, or through the
 * package's own name from a folder inside it (as the repository's example does).
 */
const RUNTIME_MODULE = 'ocrolus-webhooks/pulumi';

/**
 * The dynamic provider as the engine stores it. The closure serializer turns this object into
 * JavaScript text kept in state under `__provider`, so it must capture nothing but the methods
 * below and `loadRuntime`: no client, no credential, no module instance. `settings` is filled in
 * by `configure` in the provider process only.
 */
export interface WebhookProvider extends pulumi.dynamic.ResourceProvider {
  settings?: ProviderSettings;
}

// NOTE: RUNTIME_MODULE and loadRuntime stay unexported, because TypeScript compiles a use of an
// exported name to `exports.NAME` and the serializer would then capture the module's exports.
/**
 * Loads the implementation, starting from the working folder, which is the program's folder
 * because the engine starts the provider host there. The search goes up one folder at a time so
 * that a program in a nested package (with a package.json of its own) still finds the package it
 * sits in. `require` is resolved at run time, never captured: the serializer leaves it as it is.
 */
function loadRuntime(): ProviderRuntime {
  const { createRequire } = require('node:module') as typeof import('node:module');
  const { dirname, join } = require('node:path') as typeof import('node:path');

  const start = process.cwd();
  for (let folder = start; ; folder = dirname(folder)) {
    try {
      return (createRequire(join(folder, 'index.js'))(RUNTIME_MODULE) as { providerRuntime: ProviderRuntime }).providerRuntime;
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      const runtimeMissing = code === 'MODULE_NOT_FOUND' && String(message).includes(`'${RUNTIME_MODULE}'`);
      if (!runtimeMissing) throw error;
      if (dirname(folder) === folder) {
        throw new Error(`The Ocrolus webhook provider cannot load ${RUNTIME_MODULE} from ${start} or any folder above it. Add ocrolus-webhooks to the dependencies of the Pulumi program and run npm install.`);
      }
    }
  }
}

export const webhookProvider: WebhookProvider = {
  async configure(request) {
    this.settings = loadRuntime().readSettings(request.config);
  },

  async check(_olds, news) {
    return loadRuntime().check(news);
  },

  async diff(_id, olds, news) {
    return loadRuntime().diff(olds, news);
  },

  async create(inputs) {
    return loadRuntime().create(this.settings ?? {}, inputs);
  },

  async read(id, props) {
    return loadRuntime().read(this.settings ?? {}, id, props ?? {});
  },

  async update(id, olds, news) {
    return loadRuntime().update(this.settings ?? {}, id, olds, news);
  },

  async delete(id, props) {
    return loadRuntime().delete(this.settings ?? {}, id, props);
  },
};
