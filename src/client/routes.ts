/**
 * The route table: every operation of the client with its HTTP method, path template (under
 * `/v1/account/settings`) and retry class. Paths are built here and nowhere else.
 */

/**
 * Retry behaviour of an operation:
 * - `idempotent`: repeating it leaves the same state, so any transient failure is retried;
 * - `create`: add is not idempotent, so an ambiguous failure is resolved by listing and matching the URL;
 * - `delivery`: test sends a delivery, so it is repeated only when the API surely did not act on it.
 */
export type RetryClass = 'idempotent' | 'create' | 'delivery';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface Route {
  readonly method: HttpMethod;
  readonly pathTemplate: string;
  readonly retryClass: RetryClass;
}

export const ROUTES = {
  listWebhooks: { method: 'GET', pathTemplate: '/webhooks', retryClass: 'idempotent' },
  getWebhook: { method: 'GET', pathTemplate: '/webhook/{uuid}', retryClass: 'idempotent' },
  addWebhook: { method: 'POST', pathTemplate: '/webhook', retryClass: 'create' },
  updateWebhook: { method: 'POST', pathTemplate: '/webhook/{uuid}/update', retryClass: 'idempotent' },
  activateWebhook: { method: 'POST', pathTemplate: '/webhook/{uuid}/update', retryClass: 'idempotent' },
  deactivateWebhook: { method: 'POST', pathTemplate: '/webhook/{uuid}/update', retryClass: 'idempotent' },
  deleteWebhook: { method: 'DELETE', pathTemplate: '/webhook/{uuid}/delete', retryClass: 'idempotent' },
  listWebhookEvents: { method: 'GET', pathTemplate: '/webhook/{uuid}/events', retryClass: 'idempotent' },
  testWebhook: { method: 'POST', pathTemplate: '/webhook/{uuid}/test', retryClass: 'delivery' },
  rotateSecret: { method: 'POST', pathTemplate: '/webhook/{uuid}/rotate-secret', retryClass: 'idempotent' },
} as const satisfies Record<string, Route>;

export type OperationName = keyof typeof ROUTES;

/** Fills the `{uuid}` placeholder of a route's template, percent-encoding the uuid. */
export function buildPath(route: Route, uuid?: string): string {
  if (!route.pathTemplate.includes('{uuid}')) return route.pathTemplate;
  if (uuid === undefined || uuid === '') {
    throw new TypeError(`The route ${route.pathTemplate} needs a webhook uuid, but none was given.`);
  }
  return route.pathTemplate.replace('{uuid}', encodeURIComponent(uuid));
}
