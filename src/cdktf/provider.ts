import * as cdktf from 'cdktf';
import type { Construct } from 'constructs';

import { hclAttributes, stringHcl } from './hcl';
import { GENERATOR_METADATA, PROVIDER_NAME, PROVIDER_SOURCE } from './provider-metadata';
import { warnOnLiteralSecret } from './validation';

// =============
// CONFIGURATION
// =============

/** Settings of the `ocrolus` provider block: the API credentials of one Ocrolus organization. */
export interface OcrolusProviderConfig {
  /**
   * OAuth client ID of the organization's API credentials.
   *
   * @default the provider reads the OCROLUS_CLIENT_ID environment variable when it runs
   */
  readonly clientId?: string;

  /**
   * OAuth client secret of the organization's API credentials. Sensitive: pass a token (a
   * sensitive `TerraformVariable`, for example), because a literal string is written in plain
   * text into the synthesized JSON.
   *
   * @default the provider reads the OCROLUS_CLIENT_SECRET environment variable when it runs
   */
  readonly clientSecret?: string;

  /**
   * Base URL of the Ocrolus API, without the `/v1/account/settings` path. Point it at the local
   * emulator to rehearse a deployment.
   *
   * @default the OCROLUS_API_URL environment variable, else https://api.ocrolus.com
   */
  readonly apiUrl?: string;

  /**
   * OAuth 2.0 token endpoint that issues access tokens for the client credentials.
   *
   * @default the OCROLUS_AUTH_URL environment variable, else https://auth.ocrolus.com/oauth/token
   */
  readonly authUrl?: string;

  /**
   * Alias of this provider configuration, for a second organization in the same stack. Pass the
   * provider as `provider` to the webhooks of that organization.
   *
   * @default no alias: the default `ocrolus` provider configuration
   */
  readonly alias?: string;
}

// ========
// PROVIDER
// ========

/**
 * The `ocrolus` provider (source `ocrolus/ocrolus`), which manages the organization-level
 * webhooks of one Ocrolus organization.
 */
export class OcrolusProvider extends cdktf.TerraformProvider {
  /** Terraform type name of the provider. */
  public static readonly tfResourceType = PROVIDER_NAME;

  private _clientId?: string;
  private _clientSecret?: string;
  private _apiUrl?: string;
  private _authUrl?: string;
  private _alias?: string;

  /**
   * Declares the provider configuration in `scope`.
   *
   * @param scope the stack, or a construct inside it
   * @param id construct id, unique among its siblings
   * @param config credentials and endpoints; each falls back to its environment variable
   */
  public constructor(scope: Construct, id: string, config: OcrolusProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: PROVIDER_NAME,
      terraformGeneratorMetadata: GENERATOR_METADATA,
      terraformProviderSource: PROVIDER_SOURCE,
    });

    this._clientId = config.clientId;
    this._apiUrl = config.apiUrl;
    this._authUrl = config.authUrl;
    this._alias = config.alias;
    this.clientSecret = config.clientSecret;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  /** OAuth client ID as configured, or undefined to use OCROLUS_CLIENT_ID. */
  public get clientId(): string | undefined {
    return this._clientId;
  }
  public set clientId(value: string | undefined) {
    this._clientId = value;
  }
  /** Clears `clientId`, so the provider reads OCROLUS_CLIENT_ID. */
  public resetClientId(): void {
    this._clientId = undefined;
  }

  /** OAuth client secret as configured, or undefined to use OCROLUS_CLIENT_SECRET. */
  public get clientSecret(): string | undefined {
    return this._clientSecret;
  }
  public set clientSecret(value: string | undefined) {
    this._clientSecret = value;
    warnOnLiteralSecret(this, 'clientSecret', value, 'OCROLUS_CLIENT_SECRET');
  }
  /** Clears `clientSecret`, so the provider reads OCROLUS_CLIENT_SECRET. */
  public resetClientSecret(): void {
    this._clientSecret = undefined;
  }

  /** API base URL as configured, or undefined for the default. */
  public get apiUrl(): string | undefined {
    return this._apiUrl;
  }
  public set apiUrl(value: string | undefined) {
    this._apiUrl = value;
  }
  /** Clears `apiUrl`, so the provider uses OCROLUS_API_URL or the production API. */
  public resetApiUrl(): void {
    this._apiUrl = undefined;
  }

  /** Token endpoint as configured, or undefined for the default. */
  public get authUrl(): string | undefined {
    return this._authUrl;
  }
  public set authUrl(value: string | undefined) {
    this._authUrl = value;
  }
  /** Clears `authUrl`, so the provider uses OCROLUS_AUTH_URL or the production endpoint. */
  public resetAuthUrl(): void {
    this._authUrl = undefined;
  }

  /** Alias of this provider configuration, or undefined for the default one. */
  public override get alias(): string | undefined {
    return this._alias;
  }
  public override set alias(value: string | undefined) {
    this._alias = value;
  }
  /** Clears `alias`, which makes this the default provider configuration. */
  public resetAlias(): void {
    this._alias = undefined;
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: unknown } {
    return {
      client_id: cdktf.stringToTerraform(this._clientId),
      client_secret: cdktf.stringToTerraform(this._clientSecret),
      api_url: cdktf.stringToTerraform(this._apiUrl),
      auth_url: cdktf.stringToTerraform(this._authUrl),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: unknown } {
    return hclAttributes({
      client_id: stringHcl(this._clientId),
      client_secret: stringHcl(this._clientSecret),
      api_url: stringHcl(this._apiUrl),
      auth_url: stringHcl(this._authUrl),
      alias: stringHcl(this._alias),
    });
  }
}
