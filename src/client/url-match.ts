/**
 * URL comparison for finding the webhook an ambiguous add may have created: scheme and host
 * compare case-insensitively, default ports and a trailing slash are ignored, and the path, query
 * and credentials compare exactly.
 */

/** Returns true when two webhook URLs name the same endpoint under the rules above. */
export function sameWebhookUrl(left: string, right: string): boolean {
  return comparableUrl(left) === comparableUrl(right);
}

function comparableUrl(raw: string): string {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed.replace(/\/+$/, '');
  }

  // `URL` already lower-cases the scheme and host and drops the scheme's default port.
  const path = url.pathname.replace(/\/+$/, '');
  const credentials = url.username || url.password ? `${url.username}:${url.password}@` : '';
  return `${url.protocol}//${credentials}${url.host}${path}${url.search}`;
}
