/** URLs as page fields: an article's own address (never a home page) and the site a host names. */

/** An absolute http(s) URL of an article, resolved against `base`; null for other schemes and for a site's home page. */
export function articleUrl(value: string | null | undefined, base: string | null = null): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length === 0 || text.length > 2000) return null;
  let url: URL;
  try {
    url = base !== null ? new URL(text, base) : new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname.length === 0) return null;
  if ((url.pathname === '/' || url.pathname === '') && url.search === '') return null;
  url.hash = '';
  return url.href;
}

/** The host of a URL as a site name: lower-cased, without "www."; null when it has none. */
export function siteOfUrl(url: string | null | undefined): string | null {
  if (url === null || url === undefined) return null;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\./u, '');
    return /^[a-z0-9.-]+$/u.test(host) && host.includes('.') && !host.startsWith('.') ? host : null;
  } catch {
    return null;
  }
}
