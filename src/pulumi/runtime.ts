import type * as pulumi from '@pulumi/pulumi';

import { checkWebhook } from './check';
import { connect } from './connect';
import { createResource } from './create';
import { deleteResource } from './delete';
import { diffWebhook } from './diff';
import type { WebhookInputs, WebhookOutputs } from './properties';
import { readResource } from './read';
import { readSettings } from './settings';
import type { ConfigSource, ProviderSettings } from './settings';
import { updateResource } from './update';

/**
 * The provider's implementation. The serialized provider stored in state contains only small
 * methods that require this module by package name and call it. So an upgrade of the package
 * changes the behaviour of existing resources at once, and state never contains library code.
 * Each lifecycle call receives the settings that `configure` read.
 */
export const providerRuntime = {
  readSettings(config: ConfigSource | undefined): ProviderSettings {
    return readSettings(config);
  },

  async check(news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return checkWebhook(news);
  },

  async diff(olds: Partial<WebhookOutputs>, news: WebhookInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffWebhook(olds, news);
  },

  async create(settings: ProviderSettings, inputs: WebhookInputs): Promise<pulumi.dynamic.CreateResult> {
    return createResource(connect(settings), inputs);
  },

  async read(settings: ProviderSettings, id: string, props: Partial<WebhookOutputs>): Promise<pulumi.dynamic.ReadResult> {
    return readResource(connect(settings), id, props);
  },

  async update(settings: ProviderSettings, id: string, olds: Partial<WebhookOutputs>, news: WebhookInputs): Promise<pulumi.dynamic.UpdateResult> {
    return updateResource(connect(settings), id, olds, news);
  },

  async delete(settings: ProviderSettings, id: string): Promise<void> {
    return deleteResource(connect(settings), id);
  },
};

export type ProviderRuntime = typeof providerRuntime;
