/**
 * Shapes of the tfplugin6 messages this provider reads and writes, as @grpc/proto-loader hands
 * them over with `keepCase`, `bytes: Buffer`, `longs: Number`, `enums: String` and `defaults`.
 * Field names and numbers are in proto/tfplugin6.proto.
 */
import type { DynamicValue } from './values';

export type { DynamicValue };

export type Severity = 'ERROR' | 'WARNING';

export interface AttributePathStep {
  readonly attribute_name?: string;
  readonly element_key_string?: string;
  readonly element_key_int?: number;
}

export interface AttributePath {
  readonly steps: readonly AttributePathStep[];
}

export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail: string;
  readonly attribute?: AttributePath;
}

export interface WithDiagnostics {
  diagnostics: Diagnostic[];
}

export interface SchemaAttribute {
  readonly name: string;
  readonly type?: Buffer;
  readonly nested_type?: { readonly attributes: readonly SchemaAttribute[]; readonly nesting: 'SINGLE' | 'LIST' | 'SET' | 'MAP' };
  readonly description: string;
  readonly description_kind: 'PLAIN' | 'MARKDOWN';
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly sensitive: boolean;
}

export interface Schema {
  readonly version: number;
  readonly block: {
    readonly version: number;
    readonly attributes: readonly SchemaAttribute[];
    readonly block_types: readonly never[];
    readonly description: string;
    readonly description_kind: 'PLAIN' | 'MARKDOWN';
  };
}

export type GetProviderSchemaRequest = Record<string, never>;
export interface GetProviderSchemaResponse extends WithDiagnostics {
  provider?: Schema;
  resource_schemas?: Record<string, Schema>;
  data_source_schemas?: Record<string, Schema>;
  server_capabilities?: { plan_destroy: boolean; get_provider_schema_optional: boolean };
}

export interface ValidateProviderConfigRequest {
  readonly config?: DynamicValue;
}
export type ValidateProviderConfigResponse = WithDiagnostics;

export interface ValidateResourceConfigRequest {
  readonly type_name: string;
  readonly config?: DynamicValue;
}
export type ValidateResourceConfigResponse = WithDiagnostics;

export type ValidateDataResourceConfigRequest = ValidateResourceConfigRequest;
export type ValidateDataResourceConfigResponse = WithDiagnostics;

export interface UpgradeResourceStateRequest {
  readonly type_name: string;
  readonly version: number;
  readonly raw_state?: { readonly json?: Buffer; readonly flatmap?: Record<string, string> };
}
export interface UpgradeResourceStateResponse extends WithDiagnostics {
  upgraded_state?: DynamicValue;
}

export interface ConfigureProviderRequest {
  readonly terraform_version: string;
  readonly config?: DynamicValue;
}
export type ConfigureProviderResponse = WithDiagnostics;

export interface ReadResourceRequest {
  readonly type_name: string;
  readonly current_state?: DynamicValue;
  readonly private?: Buffer;
}
export interface ReadResourceResponse extends WithDiagnostics {
  new_state?: DynamicValue;
  private?: Buffer;
}

export interface PlanResourceChangeRequest {
  readonly type_name: string;
  readonly prior_state?: DynamicValue;
  readonly proposed_new_state?: DynamicValue;
  readonly config?: DynamicValue;
  readonly prior_private?: Buffer;
}
export interface PlanResourceChangeResponse extends WithDiagnostics {
  planned_state?: DynamicValue;
  requires_replace?: AttributePath[];
  planned_private?: Buffer;
}

export interface ApplyResourceChangeRequest {
  readonly type_name: string;
  readonly prior_state?: DynamicValue;
  readonly planned_state?: DynamicValue;
  readonly config?: DynamicValue;
  readonly planned_private?: Buffer;
}
export interface ApplyResourceChangeResponse extends WithDiagnostics {
  new_state?: DynamicValue;
  private?: Buffer;
}

export interface ImportResourceStateRequest {
  readonly type_name: string;
  readonly id: string;
}
export interface ImportResourceStateResponse extends WithDiagnostics {
  imported_resources?: Array<{ type_name: string; state: DynamicValue; private?: Buffer }>;
}

export interface ReadDataSourceRequest {
  readonly type_name: string;
  readonly config?: DynamicValue;
}
export interface ReadDataSourceResponse extends WithDiagnostics {
  state?: DynamicValue;
}

export type StopProviderRequest = Record<string, never>;
export interface StopProviderResponse {
  Error: string;
}
