import { app, BrowserWindow, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../common/security.js';
import type { Language } from '../common/types.js';
import { confirmAndOpenExternal } from './external-links.js';
import { isAllowedRequest, isAppUrl } from './policy.js';

/** Response headers without any Content-Security-Policy header, whatever its letter case. */
function withoutCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
}

/**
 * Session policy: every permission denied, every network request that is not the app's own
 * (app:, devtools:, data:) cancelled, downloads refused, and the app's CSP on every response.
 */
export function lockDownSession(session: Session, devServerOrigin: string | null): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, devServerOrigin) }));
  // Defence in depth: the app:// handler and the renderer's meta tag already carry the CSP; this
  // puts the same policy, as a header, on every response the session sees (the dev server's too),
  // replacing any other. DevTools pages keep their own policy, which they need to work.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools:')) {
      callback({});
      return;
    }
    callback({ responseHeaders: { ...withoutCsp(details.responseHeaders), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.on('will-download', (event) => event.preventDefault());
}

/**
 * Every web contents: no navigation away from the app, no new windows, no <webview>. An http(s)
 * link the user clicks is offered to the system browser after confirmation.
 */
export function lockDownWebContents(devServerOrigin: string | null, language: () => Language): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => {
      if (isAppUrl(event.url, devServerOrigin)) return;
      event.preventDefault();
      void confirmAndOpenExternal(event.url, BrowserWindow.fromWebContents(contents), language());
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url, devServerOrigin)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      void confirmAndOpenExternal(url, BrowserWindow.fromWebContents(contents), language());
      return { action: 'deny' };
    });
  });
}
