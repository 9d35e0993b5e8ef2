import type * as pulumi from '@pulumi/pulumi';

import { checkWebhook } from './check';
import { connect } from './connect';
import { createResource } from './create';
import { deleteResource } from './delete';
import { diffWebhook } from './diff';
import type { WebhookInputs, WebhookOutputs } from './properties';
import { readResource } from './read';
import { revealWireSecrets, withSecretCredentialUrls, withSecretErrorProperties } from './secret-values';
import { readSettings } from './settings';
import type { ConfigSource, ProviderSettings } from './settings';
import { updateResource } from './update';

/**
 * The provider's implementation. The serialized provider stored in state contains only small
 * methods that require this module by package name and call it. So an upgrade of the package
 * changes the behaviour of existing resources at once, and state never contains library code.
 * Each lifecycle call receives the settings that `configure` read. Here, at the boundary with the
 * host, URLs with credentials in results are marked secret.
 */
export const providerRuntime = {
  readSettings(config: ConfigSource | undefined): ProviderSettings {
    return readSettings(config);
  },

  async check(news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return checkWebhook(revealWireSecrets(news));
  },

  async diff(olds: Partial<WebhookOutputs>, news: WebhookInputs): Promise<pulumi.dynamic.DiffResult> {
    return diffWebhook(revealWireSecrets(olds), revealWireSecrets(news));
  },

  async create(settings: ProviderSettings, inputs: WebhookInputs): Promise<pulumi.dynamic.CreateResult> {
    try {
      const result = await createResource(connect(settings, 'create'), revealWireSecrets(inputs));
      return { id: result.id, outs: withSecretCredentialUrls(result.outs ?? {}) };
    } catch (error) {
      throw withSecretErrorProperties(error);
    }
  },

  async read(settings: ProviderSettings, id: string, props: Partial<WebhookOutputs>): Promise<pulumi.dynamic.ReadResult> {
    const result = await readResource(connect(settings, 'read'), id, revealWireSecrets(props));
    return { id: result.id, props: withSecretCredentialUrls(result.props ?? {}), ...(result.inputs ? { inputs: withSecretCredentialUrls(result.inputs) } : {}) };
  },

  async update(settings: ProviderSettings, id: string, olds: Partial<WebhookOutputs>, news: WebhookInputs): Promise<pulumi.dynamic.UpdateResult> {
    try {
      const result = await updateResource(connect(settings, 'update'), id, revealWireSecrets(olds), revealWireSecrets(news));
      return { outs: withSecretCredentialUrls(result.outs ?? {}) };
    } catch (error) {
      throw withSecretErrorProperties(error);
    }
  },

  // `props` is undefined when the provider text in state predates this argument: state keeps the text of the last update.
  async delete(settings: ProviderSettings, id: string, props?: Partial<WebhookOutputs>): Promise<void> {
    return deleteResource(connect(settings, 'delete'), id, props?.name);
  },
};

export type ProviderRuntime = typeof providerRuntime;
