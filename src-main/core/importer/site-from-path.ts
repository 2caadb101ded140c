const DOMAIN = /^(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})$/i;

/**
 * The site of a page that does not name one: the nearest enclosing folder (or zip) whose name is a
 * domain, else the top folder the user imported, else "unknown".
 */
export function siteFromPath(displayPath: string, root: string): string {
  const segments = displayPath.split(/[\\/]|!\//).slice(0, -1);
  for (let i = segments.length - 1; i >= 0; i--) {
    const name = (segments[i] ?? '').replace(/\.zip$/i, '');
    const match = DOMAIN.exec(name);
    if (match?.[1]) return match[1].toLowerCase();
  }
  const rootName = root.split(/[\\/]/).filter(Boolean).pop();
  return rootName ? rootName.replace(/\.(zip|txt|html?|warc(\.gz)?|wacz|jsonl|ndjson|json|csv|tsv)$/i, '').toLowerCase() : 'unknown';
}

/** The site of a page captured from a URL: its host, lower-cased, without "www."; null when it has none. */
export function siteFromUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\./u, '').replace(/\.$/u, '');
    return DOMAIN.test(host) ? host : null;
  } catch {
    return null;
  }
}
