/**
 * Origins from URLs, validated with the WHATWG URL parser (what browsers use): an origin that
 * goes into the Content-Security-Policy or is compared for an <iframe> is rebuilt from the
 * parsed scheme, host and port, never copied from the author's string.
 */

/** A DNS name (ASCII after the URL parser's IDNA step), an IPv4 address or a bracketed IPv6 address. */
const HOST = /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|\[[0-9a-f:.]+\])$/;

/**
 * `http(s)://host[:port]` of an absolute http(s) URL, or null when the value is not one, has
 * user info, or a host that is not a plain name or address (e.g. `a;script-src`, which the
 * URL parser accepts but a CSP would read as a new directive).
 */
export function httpOrigin(value: string, base?: string): string | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  if (!HOST.test(url.hostname)) return null;
  return `${url.protocol}//${url.host}`;
}

/** True when `value` is an absolute http(s) URL with a valid origin (see httpOrigin). */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value.trim()) && httpOrigin(value.trim()) !== null;
}
