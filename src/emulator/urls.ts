import { isIP } from 'node:net';

/**
 * Checks a webhook URL the way the emulated API does and returns the error message, or undefined
 * when the URL is acceptable. Messages show the URL with any embedded password masked.
 */
export function checkWebhookUrl(raw: string): string | undefined {
  const masked = maskUrlPassword(raw);

  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim())) {
    return `Invalid URL ${masked}: the scheme is missing (expected https:// or http://)`;
  }

  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return `Invalid URL ${masked}: it cannot be parsed`;
  }

  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `Invalid URL ${masked}: the scheme must be https or http`;
  }
  if (!hasTopLevelDomain(parsed.hostname)) {
    return `Invalid URL ${masked}: the host has no top-level domain`;
  }
  if ((parsed.username === '') !== (parsed.password === '') || /^[a-z][a-z0-9+.-]*:\/\/:?@/i.test(raw.trim())) {
    return `Invalid URL ${masked}: basic authentication credentials must include both a username and a password`;
  }
  return undefined;
}

/**
 * Checks whether a host name has a top-level domain. IP literals and `localhost` pass so that
 * webhooks can point at local receivers.
 */
function hasTopLevelDomain(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0 || bare.toLowerCase() === 'localhost') {
    return true;
  }

  const labels = bare.split('.');
  const tld = labels[labels.length - 1];
  return labels.length >= 2 && labels.every((label) => label.length > 0) && /^[a-z][a-z0-9-]*$/i.test(tld);
}

/**
 * Normalizes a URL: scheme and host lower-cased, the scheme's default port dropped and one trailing
 * slash of the path removed. Userinfo, query and fragment are kept. Unparseable input is returned
 * unchanged.
 */
export function normalizeUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return raw;
  }

  const userinfo = parsed.username === '' && parsed.password === '' ? '' : `${parsed.username}:${parsed.password}@`;
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  const path = parsed.pathname.endsWith('/') ? parsed.pathname.slice(0, -1) : parsed.pathname;
  return `${parsed.protocol}//${userinfo}${parsed.hostname.toLowerCase()}${port}${path}${parsed.search}${parsed.hash}`;
}

/** Replaces the password embedded in a URL with `***`; other strings are returned unchanged. */
export function maskUrlPassword(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#]*@/i, '$1:***@');
}

/** Checks whether a host name is the local machine: localhost, 127.0.0.0/8, ::1 or 127.0.0.0/8 mapped to IPv6. */
export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') {
    return true;
  }
  if (isIP(bare) === 4) {
    return bare.startsWith('127.');
  }

  // WHATWG URLs write ::ffff:127.0.0.1 as ::ffff:7f00:1.
  const mapped = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(bare);
  return mapped !== null && parseInt(mapped[1], 16) >> 8 === 127;
}
