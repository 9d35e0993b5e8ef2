import * as cdktf from 'cdktf';
import type { Construct } from 'constructs';

import { booleanHcl, hclAttributes, stringHcl, stringSetHcl } from './hcl';
import { GENERATOR_METADATA } from './provider-metadata';
import { validateTestOnApply, WebhookTestOnApply, webhookTestOnApplyToHclTerraform, webhookTestOnApplyToTerraform } from './test-on-apply';
import { joinOrganizationChecks } from './organization-validation';
import { validateWebhookFields, warnOnLiteralSecret } from './validation';
import type { WebhookFields } from './validation';

// =============
// CONFIGURATION
// =============

/** Settings of one `ocrolus_webhook` resource. */
export interface WebhookConfig extends cdktf.TerraformMetaArguments {
  /**
   * Endpoint that receives the deliveries: https, except for loopback and private hosts. A URL
   * that embeds credentials (`https://user:password@host/path`) is a secret: pass it as a token.
   */
  readonly url: string;

  /**
   * Names of the events Ocrolus delivers, such as `book.verified`. Order and duplicates do not
   * matter. Ocrolus has no wildcard, so list each event.
   */
  readonly events: string[];

  /**
   * Free text of 3 to 255 characters shown in the Ocrolus Dashboard.
   *
   * @default no description (null)
   */
  readonly description?: string;

  /**
   * Whether Ocrolus delivers events to this webhook. Flipping it activates or deactivates the
   * webhook in place.
   *
   * @default true
   */
  readonly active?: boolean | cdktf.IResolvable;

  /**
   * Signing secret of 16 to 128 characters. Ocrolus then signs each delivery with HMAC-SHA256 in
   * the `Webhook-Signature` header. Pass a token (a RandomPassword result or a sensitive
   * TerraformVariable): a literal string lands in plain text in the synthesized JSON.
   *
   * @default no secret: deliveries are not signed
   */
  readonly secret?: string;

  /**
   * Any label. Changing it sends the secret to Ocrolus again, which is how a secret is rotated.
   * Needs `secret`.
   *
   * @default no version: the secret is sent after create and whenever its value changes
   */
  readonly secretVersion?: string;

  /**
   * Sends a test delivery after create, after a change of url, events or secret, and when these
   * settings are added or changed. Needs an active webhook.
   *
   * @default no test delivery
   */
  readonly testOnApply?: WebhookTestOnApply;
}

// ========
// RESOURCE
// ========

/**
 * An Ocrolus organization-level webhook (`ocrolus_webhook`): the URL Ocrolus posts events to,
 * and the events it posts. The props are validated at synth time by the same rules as every
 * other front end, and values that are tokens are skipped until Terraform resolves them.
 */
export class Webhook extends cdktf.TerraformResource {
  /** Terraform type name of the resource. */
  public static readonly tfResourceType = 'ocrolus_webhook';

  /**
   * Generates the configuration that imports an existing webhook by uuid, for `cdktf plan`.
   *
   * @param scope scope of the generated import
   * @param importToId construct id of the webhook in the generated configuration
   * @param importFromId uuid of the existing webhook
   * @param provider provider configuration of the webhook's organization
   */
  public static generateConfigForImport(
    scope: Construct,
    importToId: string,
    importFromId: string,
    provider?: cdktf.TerraformProvider,
  ): cdktf.ImportableResource {
    return new cdktf.ImportableResource(scope, importToId, {
      terraformResourceType: Webhook.tfResourceType,
      importId: importFromId,
      provider,
    });
  }

  private _url: string;
  private _events: string[];
  private _description?: string;
  private _active?: boolean | cdktf.IResolvable;
  private _secret?: string;
  private _secretVersion?: string;
  private _testOnApply?: WebhookTestOnApply;
  private readonly reportedWarnings = new Set<string>();

  /**
   * Declares a webhook in `scope`.
   *
   * @param scope the stack, or a construct inside it
   * @param id construct id, unique among its siblings; it becomes part of the Terraform address
   * @param config the webhook's URL, events and settings
   */
  public constructor(scope: Construct, id: string, config: WebhookConfig) {
    super(scope, id, {
      terraformResourceType: Webhook.tfResourceType,
      terraformGeneratorMetadata: GENERATOR_METADATA,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });

    this._url = config.url;
    this._events = config.events;
    this._description = config.description;
    this._active = config.active;
    this._secretVersion = config.secretVersion;
    this._testOnApply = config.testOnApply;
    this.secret = config.secret;

    this.node.addValidation({
      validate: () => [...validateWebhookFields(this, this.fields(), this.reportedWarnings), ...validateTestOnApply(this._testOnApply, this._active, this._events)],
    });
    joinOrganizationChecks(this, () => this.fields());
  }

  // ==========
  // ATTRIBUTES
  // ==========

  /** Identifier of the webhook, the same as `uuid` (a token). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** Identifier Ocrolus assigned to the webhook (a token, known after apply). */
  public get uuid(): string {
    return this.getStringAttribute('uuid');
  }

  /** Creation time in ISO 8601 (a token), empty when the API does not report it. */
  public get createdOn(): string {
    return this.getStringAttribute('created_on');
  }

  /** Time of the last change in ISO 8601 (a token), empty when the API does not report it. */
  public get lastModifiedDate(): string {
    return this.getStringAttribute('last_modified_date');
  }

  /** The webhook's URL (a token referring to the resource attribute). */
  public get url(): string {
    return this.getStringAttribute('url');
  }
  public set url(value: string) {
    this._url = value;
  }
  /** URL as configured. */
  public get urlInput(): string | undefined {
    return this._url;
  }

  /** Subscribed event names (a token referring to the resource attribute). */
  public get events(): string[] {
    return cdktf.Fn.tolist(this.getListAttribute('events'));
  }
  public set events(value: string[]) {
    this._events = value;
  }
  /** Event names as configured. */
  public get eventsInput(): string[] | undefined {
    return this._events;
  }

  /** The description (a token referring to the resource attribute). */
  public get description(): string {
    return this.getStringAttribute('description');
  }
  public set description(value: string) {
    this._description = value;
  }
  /** Removes the description. */
  public resetDescription(): void {
    this._description = undefined;
  }
  /** Description as configured. */
  public get descriptionInput(): string | undefined {
    return this._description;
  }

  /** Whether the webhook is active (a token referring to the resource attribute). */
  public get active(): boolean | cdktf.IResolvable {
    return this.getBooleanAttribute('active');
  }
  public set active(value: boolean | cdktf.IResolvable) {
    this._active = value;
  }
  /** Restores the default, an active webhook. */
  public resetActive(): void {
    this._active = undefined;
  }
  /** Active flag as configured. */
  public get activeInput(): boolean | cdktf.IResolvable | undefined {
    return this._active;
  }

  /** The signing secret (a token referring to the sensitive resource attribute). */
  public get secret(): string {
    return this.getStringAttribute('secret');
  }
  public set secret(value: string | undefined) {
    this._secret = value;
    warnOnLiteralSecret(this, 'secret', value);
  }
  /** Removes the secret; Ocrolus keeps the last secret it was sent. */
  public resetSecret(): void {
    this._secret = undefined;
  }
  /** Signing secret as configured. */
  public get secretInput(): string | undefined {
    return this._secret;
  }

  /** The secret version label (a token referring to the resource attribute). */
  public get secretVersion(): string {
    return this.getStringAttribute('secret_version');
  }
  public set secretVersion(value: string) {
    this._secretVersion = value;
  }
  /** Removes the secret version label. */
  public resetSecretVersion(): void {
    this._secretVersion = undefined;
  }
  /** Secret version label as configured. */
  public get secretVersionInput(): string | undefined {
    return this._secretVersion;
  }

  /** Test delivery settings as configured. */
  public get testOnApplyInput(): WebhookTestOnApply | undefined {
    return this._testOnApply;
  }
  /** Sets the test delivery settings. */
  public putTestOnApply(value: WebhookTestOnApply): void {
    this._testOnApply = value;
  }
  /** Turns the test delivery after apply off. */
  public resetTestOnApply(): void {
    this._testOnApply = undefined;
  }

  // ==========
  // VALIDATION
  // ==========

  /** Returns the fields as configured, for the shared core's checks. */
  private fields(): WebhookFields {
    return {
      url: this._url,
      events: this._events,
      description: this._description,
      active: this._active,
      secret: this._secret,
      secretVersion: this._secretVersion,
    };
  }

  // =========
  // SYNTHESIS
  // =========

  protected override synthesizeAttributes(): { [name: string]: unknown } {
    return {
      url: cdktf.stringToTerraform(this._url),
      events: cdktf.listMapper(cdktf.stringToTerraform, false)(this._events),
      description: cdktf.stringToTerraform(this._description),
      active: cdktf.booleanToTerraform(this._active),
      secret: cdktf.stringToTerraform(this._secret),
      secret_version: cdktf.stringToTerraform(this._secretVersion),
      test_on_apply: webhookTestOnApplyToTerraform(this._testOnApply),
    };
  }

  protected override synthesizeHclAttributes(): { [name: string]: unknown } {
    return hclAttributes({
      url: stringHcl(this._url),
      events: stringSetHcl(this._events),
      description: stringHcl(this._description),
      active: booleanHcl(this._active),
      secret: stringHcl(this._secret),
      secret_version: stringHcl(this._secretVersion),
      test_on_apply: webhookTestOnApplyToHclTerraform(this._testOnApply),
    });
  }
}
