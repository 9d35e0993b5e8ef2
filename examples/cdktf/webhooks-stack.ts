import { Password as RandomPassword } from '@cdktf/provider-random/lib/password';
import { RandomProvider } from '@cdktf/provider-random/lib/provider';
import { TerraformOutput, TerraformStack, TerraformVariable, Token } from 'cdktf';
import type { Construct } from 'constructs';

// In your own app: import { OcrolusProvider, Webhook } from 'ocrolus-webhooks/cdktf';
import { OcrolusProvider, Webhook } from '../../src/cdktf';
import { webhooksFor } from './declaration';
import type { EnvironmentName, ExampleOverride } from './declaration';

/**
 * Source of the signing secrets. `random` generates each with a `random_password` resource.
 * `variable` reads each from a sensitive variable `<name>_webhook_secret`, for engines that
 * cannot install the hashicorp/random provider.
 */
export type SecretSource = 'random' | 'variable';

export interface OcrolusWebhooksStackProps {
  /** The environment whose webhooks the stack declares. */
  readonly environment: EnvironmentName;
  /** @default 'random' */
  readonly secretSource?: SecretSource;
  /**
   * The environment's changes to the base webhooks.
   *
   * @default OVERRIDES[environment] from declaration.ts
   */
  readonly overrides?: Readonly<Record<string, ExampleOverride>>;
}

/**
 * One environment's webhooks in one Ocrolus organization. The organization's credentials are
 * stack variables. A variable left unset makes the provider read its OCROLUS_* environment
 * variable instead, so no credential is written into the synthesized JSON.
 */
export class OcrolusWebhooksStack extends TerraformStack {
  /** The declared webhooks, by logical name. */
  public readonly webhooks: Readonly<Record<string, Webhook>>;

  public constructor(scope: Construct, id: string, props: OcrolusWebhooksStackProps) {
    super(scope, id);

    new OcrolusProvider(this, 'ocrolus', {
      clientId: optionalVariable(this, 'ocrolus_client_id', 'OAuth client ID of the organization; null reads OCROLUS_CLIENT_ID.'),
      clientSecret: optionalVariable(this, 'ocrolus_client_secret', 'OAuth client secret of the organization; null reads OCROLUS_CLIENT_SECRET.', true),
      apiUrl: optionalVariable(this, 'ocrolus_api_url', 'Ocrolus API base URL; null reads OCROLUS_API_URL, else the production API.'),
      authUrl: optionalVariable(this, 'ocrolus_auth_url', 'OAuth token endpoint; null reads OCROLUS_AUTH_URL, else the production endpoint.'),
    });

    const declared = webhooksFor(props.environment, props.overrides);
    const secretSource = props.secretSource ?? 'random';
    const needsRandom = Object.values(declared).some((webhook) => webhook.signed);
    if (secretSource === 'random' && needsRandom) new RandomProvider(this, 'random');

    const webhooks: Record<string, Webhook> = {};
    for (const [name, { signed, ...config }] of Object.entries(declared)) {
      const identifier = identifierFor(name);
      const webhook = new Webhook(this, name, {
        ...config,
        secret: signed ? signingSecret(this, identifier, secretSource) : undefined,
      });

      new TerraformOutput(this, `${identifier}_uuid`, { value: webhook.uuid, description: `Ocrolus uuid of the ${name} webhook.` });
      webhooks[name] = webhook;
    }
    this.webhooks = webhooks;
  }
}

/**
 * Returns the webhook's name as used in the names of its variables and outputs. Hyphens become
 * underscores, so that `TF_VAR_<identifier>_webhook_secret` is a valid shell variable name.
 */
export function identifierFor(name: string): string {
  return name.replace(/-/g, '_');
}

/** Declares a string variable that defaults to null, so the provider falls back to its environment variable. */
function optionalVariable(scope: Construct, name: string, description: string, sensitive = false): string {
  const variable = new TerraformVariable(scope, name, { type: 'string', default: Token.nullValue(), nullable: true, sensitive, description });
  return variable.stringValue;
}

/**
 * Declares the signing secret of one webhook and returns it as a token, so its value never
 * appears in cdk.tf.json. The receiver needs the same secret to check signatures. With `random`,
 * it reads the secret from the sensitive output `<name>_signing_secret`
 * (`tofu output -raw orders_signing_secret`).
 */
function signingSecret(scope: Construct, name: string, source: SecretSource): string {
  if (source === 'variable') {
    const variable = new TerraformVariable(scope, `${name}_webhook_secret`, {
      type: 'string',
      sensitive: true,
      description: `Signing secret of the ${name} webhook, 16 to 128 characters.`,
    });
    return variable.stringValue;
  }

  const password = new RandomPassword(scope, `${name}_secret`, { length: 32, special: false });
  new TerraformOutput(scope, `${name}_signing_secret`, {
    value: password.result,
    sensitive: true,
    description: `Signing secret of the ${name} webhook, for the receiver that checks signatures.`,
  });
  return password.result;
}
