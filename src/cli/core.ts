// The core functions the CLI calls, imported in one place.
export {
  ApplyError,
  applyPlan,
  maskUrl,
  normalizeUrl,
  observeOrganization,
  observeWebhook,
  planOrganization,
  sendTestDelivery,
  validateOrganization,
  ValidationError,
} from '../core';
export type { ApplyEvent, ApplyResult, Diagnostic, FieldChange, ObservedWebhook, Plan, PlannedAction, TestDelivery, WebhookBinding, WebhookSpec } from '../core';
