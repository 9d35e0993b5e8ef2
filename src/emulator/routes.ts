import type { RouteName } from './types';

/** Prefix of the webhook API routes. */
export const API_PREFIX = '/v1/account/settings';

/** Path of the token endpoint, relative to the emulator's base URL. */
export const TOKEN_PATH = '/oauth/token';

/** Path prefix of the emulator's own admin endpoint. */
export const ADMIN_PREFIX = '/_emulator';

interface RouteDefinition {
  readonly name: RouteName;
  readonly method: string;
  /** Path pattern; the group, when present, captures the webhook uuid. */
  readonly pattern: RegExp;
}

/** The route table: every emulated endpoint, in one place. */
const ROUTES: readonly RouteDefinition[] = [
  { name: 'token', method: 'POST', pattern: /^\/oauth\/token$/ },
  { name: 'add', method: 'POST', pattern: /^\/v1\/account\/settings\/webhook$/ },
  { name: 'list', method: 'GET', pattern: /^\/v1\/account\/settings\/webhooks$/ },
  { name: 'retrieve', method: 'GET', pattern: /^\/v1\/account\/settings\/webhook\/([^/]+)$/ },
  { name: 'update', method: 'POST', pattern: /^\/v1\/account\/settings\/webhook\/([^/]+)\/update$/ },
  { name: 'delete', method: 'DELETE', pattern: /^\/v1\/account\/settings\/webhook\/([^/]+)\/delete$/ },
  { name: 'events', method: 'GET', pattern: /^\/v1\/account\/settings\/webhook\/([^/]+)\/events$/ },
  { name: 'test', method: 'POST', pattern: /^\/v1\/account\/settings\/webhook\/([^/]+)\/test$/ },
  { name: 'rotate-secret', method: 'POST', pattern: /^\/v1\/account\/settings\/webhook\/([^/]+)\/rotate-secret$/ },
];

/** A matched route and the webhook uuid in its path, if any. */
export interface RouteMatch {
  readonly name: RouteName;
  readonly uuid?: string;
}

/** Finds the route of a method and path (trailing slash tolerated); undefined for unknown endpoints. */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;

  for (const route of ROUTES) {
    const match = route.pattern.exec(trimmed);
    if (match !== null && route.method === method.toUpperCase()) {
      return match[1] === undefined ? { name: route.name } : { name: route.name, uuid: safeDecode(match[1]) };
    }
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
