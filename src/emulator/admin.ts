import type { IncomingMessage, ServerResponse } from 'node:http';

import { editWebhook, removeWebhook, seedWebhook } from './dashboard';
import { EmulatorInputError } from './errors';
import { readBody, sendJson } from './http-io';
import { sortByCreation } from './webhook-handlers';
import { ADMIN_PREFIX } from './routes';
import { maskUrlPassword } from './urls';
import type { EmulatorRuntime } from './runtime';
import type { OrganizationRecord } from './store';
import type { EmulatorWebhook, OrganizationSeed } from './types';

/** A webhook as the admin endpoint shows it: never the secret, never a URL password. */
export interface AdminWebhookView {
  organization: string;
  uuid: string;
  url: string;
  description: string | null;
  isActive: boolean;
  events: string[];
  hasSecret: boolean;
  createdOn: string;
  lastModifiedDate: string;
}

type AdminAnswer = { status: number; body: unknown };

/**
 * Handles a request to the admin endpoint under /_emulator: JSON in and out, no authentication
 * (the emulator listens on loopback by default). Returns the HTTP status sent.
 */
export async function handleAdminRequest(runtime: EmulatorRuntime, request: IncomingMessage, response: ServerResponse, url: URL): Promise<number> {
  let answer: AdminAnswer;
  try {
    const body = await readBody(request);
    answer = route(runtime, request.method ?? 'GET', url, body);
  } catch (error) {
    if (!(error instanceof EmulatorInputError)) {
      throw error;
    }
    answer = { status: error.status, body: { error: error.message } };
  }

  sendJson(response, answer.status, answer.body);
  return answer.status;
}

function route(runtime: EmulatorRuntime, method: string, url: URL, body: string): AdminAnswer {
  const path = url.pathname.slice(ADMIN_PREFIX.length).replace(/\/$/, '');
  const organizationFilter = url.searchParams.get('organization') ?? undefined;
  const ok = (value: unknown, status = 200): AdminAnswer => ({ status, body: value });

  const webhookPath = /^\/organizations\/([^/]+)\/webhooks(?:\/([^/]+))?$/.exec(path);
  if (webhookPath !== null) {
    const organization = decodeURIComponent(webhookPath[1]);
    const uuid = webhookPath[2] === undefined ? undefined : decodeURIComponent(webhookPath[2]);
    return routeWebhook(runtime, method, organization, uuid, body);
  }

  switch (`${method} ${path}`) {
    case 'GET ':
    case 'GET /health':
      return ok({ status: 'ok', organizations: runtime.store.organizations().map((organization) => organization.id) });
    case 'GET /requests':
      return ok({ requests: runtime.requestLog.filter((entry) => matches(entry.organization, organizationFilter)) });
    case 'DELETE /requests':
      runtime.requestLog.length = 0;
      return ok({ cleared: true });
    case 'GET /deliveries':
      return ok({ deliveries: runtime.deliveryLog.filter((entry) => matches(entry.organization, organizationFilter)) });
    case 'GET /faults':
      return ok({ faults: runtime.faults.list() });
    case 'POST /faults':
      return ok({ fault: runtime.faults.add(parseJson(body)) }, 201);
    case 'DELETE /faults':
      runtime.faults.clear();
      return ok({ cleared: true });
    case 'GET /variants':
      return ok({ variants: runtime.store.variants });
    case 'PUT /variants':
    case 'PATCH /variants':
      runtime.store.setVariants(parseJson(body));
      return ok({ variants: runtime.store.variants });
    case 'GET /organizations':
      return ok({ organizations: runtime.store.organizations().map(viewOrganization) });
    case 'POST /organizations':
      return ok({ organization: viewOrganization(addOrganization(runtime, parseJson(body))) }, 201);
    case 'GET /webhooks':
      return ok({ webhooks: listWebhooks(runtime, organizationFilter) });
    default:
      throw new EmulatorInputError(`Unknown admin endpoint: ${method} ${url.pathname}`, 404);
  }
}

function routeWebhook(runtime: EmulatorRuntime, method: string, organization: string, uuid: string | undefined, body: string): AdminAnswer {
  const { store, clock } = runtime;

  if (uuid === undefined && method === 'GET') {
    store.requireOrganization(organization);
    return { status: 200, body: { webhooks: listWebhooks(runtime, organization) } };
  }
  if (uuid === undefined && method === 'POST') {
    const webhook = seedWebhook(store, clock, organization, parseJson(body) as never);
    return { status: 201, body: { webhook: viewWebhook(organization, webhook) } };
  }
  if (uuid !== undefined && method === 'PATCH') {
    const webhook = editWebhook(store, clock, organization, uuid, parseJson(body) as never);
    return { status: 200, body: { webhook: viewWebhook(organization, webhook) } };
  }
  if (uuid !== undefined && method === 'DELETE') {
    removeWebhook(store, organization, uuid);
    return { status: 200, body: { deleted: uuid } };
  }
  throw new EmulatorInputError(`Unknown admin endpoint: ${method} ${ADMIN_PREFIX}/organizations/${organization}/webhooks${uuid === undefined ? '' : `/${uuid}`}`, 404);
}

/**
 * Adds an organization. An existing id is a conflict unless the body sets `replace: true`, so that
 * a typo in a setup script never silently changes another organization's credentials.
 */
function addOrganization(runtime: EmulatorRuntime, body: unknown): OrganizationRecord {
  if (typeof body !== 'object' || body === null) {
    // Not an object: the store's own check rejects it with the expected fields.
    return runtime.store.upsertOrganization(body as OrganizationSeed);
  }

  const { replace, ...seed } = body as OrganizationSeed & { replace?: unknown };
  if (replace !== undefined && typeof replace !== 'boolean') {
    throw new EmulatorInputError('Field "replace" must be true or false when set.');
  }
  if (typeof seed.id === 'string' && runtime.store.organization(seed.id) !== undefined && replace !== true) {
    throw new EmulatorInputError(`Organization "${seed.id}" already exists; send "replace": true to replace its credentials, name and role (its webhooks are kept).`, 409);
  }
  return runtime.store.upsertOrganization(seed);
}

function listWebhooks(runtime: EmulatorRuntime, organizationFilter: string | undefined): AdminWebhookView[] {
  if (organizationFilter !== undefined) {
    runtime.store.requireOrganization(organizationFilter);
  }

  return runtime.store
    .organizations()
    .filter((organization) => matches(organization.id, organizationFilter))
    .flatMap((organization) => sortByCreation(organization.webhooks).map((webhook) => viewWebhook(organization.id, webhook)));
}

function viewWebhook(organization: string, webhook: EmulatorWebhook): AdminWebhookView {
  return {
    organization,
    uuid: webhook.uuid,
    url: maskUrlPassword(webhook.url),
    description: webhook.description,
    isActive: webhook.isActive,
    events: [...webhook.events],
    hasSecret: webhook.secret !== undefined,
    createdOn: webhook.createdOn,
    lastModifiedDate: webhook.lastModifiedDate,
  };
}

/** Converts an organization to its admin view, without the client secret. */
function viewOrganization(organization: OrganizationRecord): Record<string, unknown> {
  return { id: organization.id, name: organization.name ?? null, clientId: organization.clientId, manager: organization.manager, webhookCount: organization.webhooks.length };
}

function matches(value: string | undefined, filter: string | undefined): boolean {
  return filter === undefined || value === filter;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new EmulatorInputError('The request body must be valid JSON.');
  }
}
