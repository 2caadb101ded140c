/**
 * What `window.arshif` is. In the desktop app the preload exposes the API plus a few capabilities
 * only a desktop shell can offer; in a browser (the loopback host) those are absent, so the renderer
 * must treat them as optional.
 */
import type { ApiEvents, ArshifApi, EventName } from './api.js';

export interface DesktopCapabilities {
  /**
   * The local file-system paths of files or folders dropped on the window (Electron's
   * `webUtils.getPathForFile`). Entries without a path (e.g. dragged from a web page) are left out.
   */
  pathsForFiles(files: readonly File[]): string[];
}

export type ArshifBridge = ArshifApi & Partial<DesktopCapabilities>;

/** The name under which the preload exposes the bridge: `window.arshif`. */
export const BRIDGE_GLOBAL = 'arshif';

/** IPC channels between the preload and the main process. */
export const IPC_CALL_CHANNEL = 'arshif:call';
export const IPC_EVENT_CHANNEL = 'arshif:event';

/** The origin the desktop renderer is served from (a privileged, standard, secure custom scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'arshif';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** One message on IPC_EVENT_CHANNEL / one server-sent event. */
export type ApiEventMessage = { [E in EventName]: { event: E; payload: ApiEvents[E] } }[EventName];
