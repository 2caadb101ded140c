/**
 * `arshif://` links: the app's own addresses, opened from outside (a note, a document, another app).
 * Pure functions (no Electron import), unit-tested: a link becomes the renderer's hash route, and
 * anything that is not one of the app's routes is ignored.
 *
 *   arshif://article/42            → #/article/42
 *   arshif://article/42?q=حلب       → #/article/42?q=…
 *   arshif://site/alazmenah.com    → #/site/alazmenah.com
 *   arshif://search?q=حلب          → #/search?q=…
 *   arshif://ticker/alazmenah.com?date=2018-07-21 → #/ticker/alazmenah.com?date=…
 *   arshif:///                     → #/
 */
export const DEEP_LINK_SCHEME = 'arshif';
const MAX_LINK_LENGTH = 4096;
const ALLOWED_PARAMS = new Set(['q', 'site', 'section', 'author', 'from', 'to', 'sort', 'year', 'month', 'edited', 'date', 'all']);

/** The hash route a link opens, or null when it is not an arshif:// link to a place in the app. */
export function hashRouteOfDeepLink(link: string): string | null {
  if (typeof link !== 'string' || link.length > MAX_LINK_LENGTH || !link.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.username || url.password || url.port) return null;
  // arshif://article/42 puts "article" in the host; arshif:///article/42 and arshif:article/42 in the path.
  const parts = [url.hostname, ...url.pathname.split('/')].filter((p) => p.length > 0);
  for (const key of url.searchParams.keys()) if (!ALLOWED_PARAMS.has(key)) return null;
  const query = url.searchParams.toString().replace(/\+/g, '%20');
  const suffix = query ? `?${query}` : '';
  const [head, ...rest] = parts;
  if (head === undefined) return `#/${suffix}`;
  if (head === 'article' && rest.length === 1 && /^[1-9]\d{0,15}$/.test(rest[0]!)) return `#/article/${rest[0]}${suffix}`;
  if (head === 'site' && rest.length === 1) return `#/site/${rest[0]}${suffix}`;
  if (head === 'search' && rest.length === 0) return `#/search${suffix}`;
  if (head === 'ticker' && rest.length === 1) return `#/ticker/${rest[0]}${suffix}`;
  return null;
}

/** The first arshif:// link among command-line arguments (how Windows and Linux hand a link to the app). */
export function deepLinkInArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const route = hashRouteOfDeepLink(arg);
    if (route !== null) return route;
  }
  return null;
}
