import { protocol } from 'electron';
import fs from 'node:fs';
import { APP_HOST, APP_SCHEME } from '../common/bridge.js';
import { SECURITY_HEADERS } from '../common/security.js';
import { contentTypeOf, resolveStaticPath } from '../core/web/static-path.js';

/** Must run before `app.whenReady()`: app:// behaves like https (standard, secure origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

function plain(status: number, body: string): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Serves the built renderer at app://arshif/ with the CSP and security headers; nothing else. */
export function serveRendererOverAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return plain(404, 'Not found.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Only GET is allowed.');
    const lookup = resolveStaticPath(rendererDir, url.pathname, { spaFallback: true });
    if (!lookup.ok) return plain(lookup.status, lookup.reason);
    try {
      const body = await fs.promises.readFile(lookup.file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(lookup.file), 'Cache-Control': 'no-cache' },
      });
    } catch {
      return plain(404, 'Not found.');
    }
  });
}
