import { isIP } from 'node:net';

/**
 * Rules for webhook URLs: the comparison form, the secrets a URL may carry, and which hosts may
 * be reached over plain http.
 */

/**
 * Returns the form used to compare URLs: scheme and host lower-cased, the default port dropped
 * (the WHATWG parser does both), and a trailing slash of the path removed, because the API may
 * store `https://h/in/` as `https://h/in`. Unparseable input is returned trimmed.
 */
export function normalizeUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }

  let text = parsed.href;
  if (parsed.search === '' && parsed.hash === '' && text.endsWith('/')) text = text.slice(0, -1);
  return text;
}

/** Query parameters whose values are treated as credentials, matched case-insensitively. */
const SECRET_QUERY_PARAMETER = /^(access[_-]?token|api[_-]?key|auth|key|password|secret|sig|signature|token)$/i;

/**
 * Replaces the password (or a lone username) embedded in a URL with `***`, and the values of
 * query parameters named like credentials (`token`, `api_key`, `signature`, ...).
 */
export function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//***@');
  }

  if (parsed.password) parsed.password = '***';
  else if (parsed.username) parsed.username = '***';

  const secretKeys = [...parsed.searchParams.keys()].filter((key) => SECRET_QUERY_PARAMETER.test(key));
  let text = parsed.href;
  for (const key of new Set(secretKeys)) {
    const pattern = new RegExp(`([?&]${escapeRegExp(encodeURIComponent(key))}=)[^&#]*`, 'g');
    text = text.replace(pattern, '$1***');
  }
  return text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when a URL embeds credentials, which makes the URL itself a secret. */
export function hasUrlCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return /\/\/[^/@\s]+@/.test(url);
  }
}

/**
 * True for hosts where plain http is acceptable: loopback, private networks and `.localhost`
 * names, which is where a local receiver or the emulator's test deliveries go.
 */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;

  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (isIP(host) === 6) return host === '::1' || host.startsWith('fc') || host.startsWith('fd');
  return false;
}

/** True when the host is an IP address, `localhost`, or a name ending in an alphabetic top-level domain. */
export function hasTopLevelDomain(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(host) !== 0 || host === 'localhost' || host.endsWith('.localhost')) return true;

  const labels = host.split('.');
  return labels.length >= 2 && /^[a-z][a-z0-9-]*[a-z0-9]$|^xn--[a-z0-9-]+$/.test(labels[labels.length - 1]);
}
