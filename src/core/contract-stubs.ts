// Temporary signatures of the core API, replaced file by file by the real implementations.
import type { WebhookApi, CallOptions } from '../client/types';
import type { Diagnostic, DiagnosticPath } from './diagnostics';
import type { FieldChange, Plan, PlannedAction } from './plan-types';
import type { NormalizedSpec, ObservedWebhook, WebhookBinding, WebhookSpec } from './spec';

const todo = (): never => {
  throw new Error('not implemented yet');
};

/** Predicate for values not known yet (Pulumi outputs, CDKTF tokens); validation skips them. */
export type IsUnknown = (value: unknown) => boolean;

export interface ValidateOptions {
  readonly path?: DiagnosticPath;
  readonly isUnknown?: IsUnknown;
}

/** Field-level checks of one webhook spec (input may be partially unknown or of the wrong type). */
export function validateWebhook(spec: Record<string, unknown>, options?: ValidateOptions): Diagnostic[] { return todo(); }
/** Checks across one organization: at most 5 webhooks, unique URLs, unique names. Runs validateWebhook on each. */
export function validateOrganization(specs: readonly WebhookSpec[], options?: ValidateOptions): Diagnostic[] { return todo(); }
/** Throws ValidationError when validation finds errors, otherwise returns the normalized spec. */
export function normalizeSpec(spec: WebhookSpec): NormalizedSpec { return todo(); }
export function normalizeUrl(url: string): string { return todo(); }
export function normalizeEvents(events: readonly string[]): string[] { return todo(); }
/** Event names organization-level webhooks accept. */
export const EVENT_NAMES: readonly string[] = [];
export function suggestEvent(name: string): string | undefined { return todo(); }

/** Reads one webhook and its events; `undefined` only when the API says not found. */
export function observeWebhook(api: WebhookApi, uuid: string, options?: CallOptions): Promise<ObservedWebhook | undefined> { return todo(); }
export function observeOrganization(api: WebhookApi, options?: CallOptions): Promise<ObservedWebhook[]> { return todo(); }

/** Actions that turn `observed` into `desired` for one webhook (either may be absent). */
export function planWebhook(desired: NormalizedSpec | undefined, observed: ObservedWebhook | undefined, binding?: WebhookBinding): PlannedAction[] { return todo(); }
/** Semantic field changes between two specs (used by engines that diff inputs against inputs). */
export function diffSpecs(before: NormalizedSpec, after: NormalizedSpec, beforeSecretVersion?: string): FieldChange[] { return todo(); }
export interface PlanOrganizationInput {
  readonly organization: string;
  readonly desired: readonly WebhookSpec[];
  readonly observed: readonly ObservedWebhook[];
  readonly bindings: readonly WebhookBinding[];
  /** Delete webhooks on the server that no declared webhook matches. */
  readonly prune?: boolean;
}
export function planOrganization(input: PlanOrganizationInput): Plan { return todo(); }

export interface ApplyEvent { readonly phase: 'start' | 'done' | 'failed'; readonly action: PlannedAction; readonly error?: Error }
export interface ApplyOptions extends CallOptions { readonly onEvent?: (event: ApplyEvent) => void }
export interface ApplyResult {
  readonly completed: readonly PlannedAction[];
  /** Bindings after the apply: created webhooks added, deleted ones removed, secret versions recorded. */
  readonly bindings: readonly WebhookBinding[];
  /** Webhooks as read back after their last write, by logical name. */
  readonly webhooks: Readonly<Record<string, ObservedWebhook>>;
}
/** Runs the plan's actions, verifies each write by reading back, throws ApplyError with partial results. */
export function applyPlan(api: WebhookApi, plan: Plan, bindings: readonly WebhookBinding[], options?: ApplyOptions): Promise<ApplyResult> { return todo(); }

/** Single-webhook lifecycle for engines that manage one resource at a time (Pulumi, Terraform). */
export interface AdoptTarget { readonly uuid?: string; readonly url?: string }
export function createWebhook(api: WebhookApi, desired: NormalizedSpec, options?: CallOptions & { adopt?: AdoptTarget }): Promise<{ observed: ObservedWebhook; binding: WebhookBinding }> { return todo(); }
export function updateWebhook(api: WebhookApi, uuid: string, desired: NormalizedSpec, previousSecretVersion?: string, options?: CallOptions): Promise<{ observed: ObservedWebhook; binding: WebhookBinding }> { return todo(); }
/** Not found counts as success: `deleted` is false then. */
export function deleteWebhook(api: WebhookApi, uuid: string, options?: CallOptions): Promise<{ deleted: boolean }> { return todo(); }

export interface TestDelivery {
  readonly eventName: string;
  readonly eventUuid: string;
  readonly requestUuid?: string;
  readonly payload?: unknown;
  /** Present when the API reports the delivery (the emulator does): status, masked headers, body. */
  readonly delivery?: { readonly status?: number; readonly headers?: Record<string, string>; readonly body?: string; readonly error?: string };
}
/** Sends a test delivery for one of the webhook's subscribed events (the first one by default). */
export function sendTestDelivery(api: WebhookApi, uuid: string, eventName?: string, options?: CallOptions): Promise<TestDelivery> { return todo(); }

/** Checks a `Webhook-Signature` header: HMAC-SHA256 over `<timestamp>.<request id>.<raw body>`. */
export function verifySignature(input: { secret: string; body: string | Buffer; timestamp: string; requestId: string; signature: string; toleranceSeconds?: number; now?: Date }): boolean { return todo(); }
