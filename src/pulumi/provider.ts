import type * as pulumi from '@pulumi/pulumi';

import type { ProviderRuntime } from './runtime';
import type { ProviderSettings } from './settings';

/**
 * Module that holds the provider's implementation, required by package name when the serialized
 * provider runs. It resolves from the program's folder: through `node_modules/ocrolus-webhooks`
 * in a program that depends on the package, or through the package's own name from inside it.
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

/**
 * Loads the implementation from the program's folder (the engine starts the provider host there).
 * `require` is resolved at run time, never captured: the serializer leaves it as it is.
 */
// NOTE: RUNTIME_MODULE and loadRuntime stay unexported: TypeScript compiles a use of an exported
// name to `exports.NAME`, and the serializer would then capture the whole module's exports.
function loadRuntime(): ProviderRuntime {
  const { createRequire } = require('node:module') as typeof import('node:module');
  const { join } = require('node:path') as typeof import('node:path');
  const requireFromProgram = createRequire(join(process.cwd(), 'index.js'));
  return (requireFromProgram(RUNTIME_MODULE) as { providerRuntime: ProviderRuntime }).providerRuntime;
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

  async delete(id) {
    return loadRuntime().delete(this.settings ?? {}, id);
  },
};
