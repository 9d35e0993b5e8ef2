/**
 * A Pulumi program that declares the example's Ocrolus webhooks, one stack per organization
 * (`pulumi stack select staging`, then `pulumi up`). Credentials come from the stack's
 * configuration (`ocrolus:clientId`, `ocrolus:clientSecret`, `ocrolus:apiUrl`, `ocrolus:authUrl`)
 * or the `OCROLUS_*` environment variables. In a project of your own, import from
 * `ocrolus-webhooks/pulumi` instead of the repository's sources.
 */
import * as pulumi from '@pulumi/pulumi';

import { Webhook } from '../../src/pulumi';
import { isStackName, STACKS, webhooksFor } from './declaration';
import type { ExampleWebhook } from './declaration';

const stack = pulumi.getStack();
if (!isStackName(stack)) {
  throw new Error(`This example declares the stacks ${STACKS.join(' and ')}, not "${stack}". Run pulumi stack select ${STACKS[0]}.`);
}

const config = new pulumi.Config();

/**
 * Returns the signing secret for signed webhooks: the stack's secret `ordersWebhookSecret` (set it with
 * `pulumi config set --secret ordersWebhookSecret ...`), or ORDERS_WEBHOOK_SECRET as the CLI reads it.
 */
function signingSecret(): pulumi.Output<string> {
  const fromStack = config.getSecret('ordersWebhookSecret');
  if (fromStack) return fromStack;

  const fromEnvironment = process.env.ORDERS_WEBHOOK_SECRET;
  if (fromEnvironment) return pulumi.secret(fromEnvironment);

  throw new Error(
    'The orders webhook is signed, but no signing secret is set. Run pulumi config set --secret ordersWebhookSecret "$(openssl rand -hex 32)", or set ORDERS_WEBHOOK_SECRET.',
  );
}

function declare(name: string, webhook: ExampleWebhook): Webhook {
  return new Webhook(name, {
    description: webhook.description,
    url: webhook.url,
    events: [...webhook.events],
    active: webhook.active,
    ...(webhook.signed ? { secret: signingSecret(), secretVersion: webhook.secretVersion } : {}),
  });
}

const declared = Object.entries(webhooksFor(stack)).map(([name, webhook]) => [name, declare(name, webhook)] as const);

/** Uuid, URL and observed state of each webhook, by name. */
export const webhooks = Object.fromEntries(declared.map(([name, webhook]) => [name, { uuid: webhook.uuid, url: webhook.url, isActive: webhook.isActive }]));
