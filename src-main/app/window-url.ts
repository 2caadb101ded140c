import { APP_ORIGIN } from '../common/bridge.js';

/** The renderer's address for a route: app://arshif/index.html#/… (or the dev server's). */
export function rendererUrl(devServerUrl: string | null, route: string | null = null): string {
  return `${(devServerUrl ?? `${APP_ORIGIN}/index.html`).split('#')[0]}${route ?? ''}`;
}
