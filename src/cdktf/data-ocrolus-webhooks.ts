import * as cdktf from 'cdktf';
import type { Construct } from 'constructs';

import { GENERATOR_METADATA } from './provider-metadata';

// =============
// CONFIGURATION
// =============

/**
 * Settings of the `ocrolus_webhooks` data source. It takes no arguments of its own: the provider
 * configuration chooses the organization.
 */
export type DataOcrolusWebhooksConfig = cdktf.TerraformMetaArguments;

// ============
// LIST ENTRIES
// ============

/** One webhook of the organization, as listed by the data source. Every getter is a token. */
export class DataOcrolusWebhooksWebhooksOutputReference extends cdktf.ComplexObject {
  /**
   * @param terraformResource the data source this entry belongs to
   * @param terraformAttribute attribute that contains the list (`webhooks`)
   * @param complexObjectIndex position of this entry in the list
   * @param complexObjectIsFromSet true when the attribute is a set that needs `tolist()`
   */
  public constructor(
    terraformResource: cdktf.IInterpolatingParent,
    terraformAttribute: string,
    complexObjectIndex: number,
    complexObjectIsFromSet: boolean,
  ) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  /** Identifier of the webhook. */
  public get uuid(): string {
    return this.getStringAttribute('uuid');
  }

  /** Endpoint URL as the API stores it; a URL with credentials is masked and normalized. */
  public get url(): string {
    return this.getStringAttribute('url');
  }

  /** Description, or null. */
  public get description(): string {
    return this.getStringAttribute('description');
  }

  /** Whether Ocrolus delivers events to the webhook. */
  public get active(): cdktf.IResolvable {
    return this.getBooleanAttribute('active');
  }

  /** Subscribed event names. */
  public get events(): string[] {
    return cdktf.Fn.tolist(this.getListAttribute('events'));
  }

  /** Creation time in ISO 8601, when the API reports it. */
  public get createdOn(): string {
    return this.getStringAttribute('created_on');
  }

  /** Time of the last change in ISO 8601, when the API reports it. */
  public get lastModifiedDate(): string {
    return this.getStringAttribute('last_modified_date');
  }
}

/** The data source's `webhooks` list; `get(i)` refers to one entry. */
export class DataOcrolusWebhooksWebhooksList extends cdktf.ComplexList {
  /**
   * @param terraformResource the data source the list belongs to
   * @param terraformAttribute attribute that contains the list (`webhooks`)
   * @param wrapsSet true when the attribute is a set that needs `tolist()`
   */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet);
  }

  /**
   * Refers to one entry of the list.
   *
   * @param index position in the list, from 0
   */
  public get(index: number): DataOcrolusWebhooksWebhooksOutputReference {
    return new DataOcrolusWebhooksWebhooksOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

// ===========
// DATA SOURCE
// ===========

/**
 * Every webhook of the organization the provider is configured for (`ocrolus_webhooks`), managed
 * by code or not. Terraform reads it during each plan.
 */
export class DataOcrolusWebhooks extends cdktf.TerraformDataSource {
  /** Terraform type name of the data source. */
  public static readonly tfResourceType = 'ocrolus_webhooks';

  private readonly _webhooks = new DataOcrolusWebhooksWebhooksList(this, 'webhooks', false);

  /**
   * Declares the data source in `scope`.
   *
   * @param scope the stack, or a construct inside it
   * @param id construct id, unique among its siblings
   * @param config meta-arguments, such as the provider of another organization
   */
  public constructor(scope: Construct, id: string, config: DataOcrolusWebhooksConfig = {}) {
    super(scope, id, {
      terraformResourceType: DataOcrolusWebhooks.tfResourceType,
      terraformGeneratorMetadata: GENERATOR_METADATA,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      forEach: config.forEach,
    });
  }

  /** Label of the organization (its client id). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The organization's webhooks, in the order the API lists them. */
  public get webhooks(): DataOcrolusWebhooksWebhooksList {
    return this._webhooks;
  }

  protected override synthesizeAttributes(): { [name: string]: unknown } {
    return {};
  }

  protected override synthesizeHclAttributes(): { [name: string]: unknown } {
    return {};
  }
}
