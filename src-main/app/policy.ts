/**
 * The shell's security decisions as pure functions (no Electron import), so they are unit-tested.
 */
import { APP_HOST, APP_SCHEME } from '../common/bridge.js';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A URL of the app's own renderer: `app://arshif/...` (or the dev server while developing). */
export function isAppUrl(url: string | undefined, devServerOrigin: string | null = null): boolean {
  if (!url) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  return devServerOrigin !== null && parsed.origin === devServerOrigin;
}

/**
 * The network policy: the app is offline by design, so every request is refused except the app's
 * own files, DevTools and inline data.
 */
export function isAllowedRequest(url: string, devServerOrigin: string | null = null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:') return true;
  if (isAppUrl(url, devServerOrigin)) return true;
  // Vite's dev server talks to its own origin over WebSocket for hot reload.
  return devServerOrigin !== null && parsed.protocol === 'ws:' && `http://${parsed.host}` === devServerOrigin;
}

/** A link that may be handed to the system browser (after the user confirms): http(s) only. */
export function externalLinkTarget(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}
