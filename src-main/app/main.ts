/**
 * The Electron main process: lifecycle, the window, the menu and the security policy. Thin on purpose:
 * all archive work happens in the archive worker; everything here is wiring.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import type { ApiEventMessage } from '../common/bridge.js';
import type { Settings } from '../common/types.js';
import { DEFAULT_SETTINGS } from '../core/service/config-store.js';
import { ArchiveWorkerClient } from '../worker/client.js';
import { broadcastEvent, serveApiOverIpc } from './ipc.js';
import { AppMenu } from './menu.js';
import { appPaths } from './paths.js';
import { registerAppScheme, serveRendererOverAppScheme } from './protocol.js';
import { lockDownSession, lockDownWebContents } from './security.js';
import { taskbarProgressOf } from './taskbar-progress.js';
import { DEEP_LINK_SCHEME, deepLinkInArgv, hashRouteOfDeepLink } from './deep-link.js';
import { upgradeWithConsent } from './upgrade-consent.js';
import { createMainWindow } from './window.js';
import { rendererUrl } from './window-url.js';

app.enableSandbox();
registerAppScheme();
// Tests (and careful users) can keep the app's data elsewhere.
if (process.env.ARSHIF_USER_DATA) app.setPath('userData', process.env.ARSHIF_USER_DATA);

let mainWindow: BrowserWindow | null = null;
let worker: ArchiveWorkerClient | null = null;
/** A link that arrived before the window existed (macOS open-url at launch, or the start arguments). */
let pendingRoute: string | null = deepLinkInArgv(process.argv);

function devServerUrl(): string | null {
  return appPaths.devServerOrigin() ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;
}

/**
 * Shows a place of the app from an arshif:// link. Loading the same page with another hash is a
 * same-document navigation: the renderer's router hears it (hashchange) and nothing reloads.
 */
function openRoute(route: string): void {
  if (!mainWindow) {
    pendingRoute = route;
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  void mainWindow.webContents.loadURL(rendererUrl(devServerUrl(), route));
}

function openMainWindow(): BrowserWindow {
  mainWindow = createMainWindow({ preload: appPaths.preload(), stateFolder: app.getPath('userData'), devServerUrl: devServerUrl(), initialRoute: pendingRoute });
  pendingRoute = null;
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  return mainWindow;
}

async function settingsOf(client: ArchiveWorkerClient): Promise<Settings> {
  const answer = await client.call('getSettings', {});
  return answer.ok ? answer.value : { ...DEFAULT_SETTINGS };
}

async function start(): Promise<void> {
  const devServerOrigin = appPaths.devServerOrigin();
  lockDownSession(session.defaultSession, devServerOrigin);
  serveRendererOverAppScheme(appPaths.rendererDir());

  const userData = app.getPath('userData');
  const nativeBinding = appPaths.nativeBinding();
  worker = await ArchiveWorkerClient.start({
    configDir: userData,
    initialArchive: { kind: 'last-used', defaultPath: appPaths.defaultArchive() },
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  const client = worker;
  const menu = new AppMenu(client, () => mainWindow, await settingsOf(client));
  lockDownWebContents(devServerOrigin, () => menu.language);
  serveApiOverIpc(client, devServerOrigin);

  const refreshArchives = async () => {
    const [recent, info] = await Promise.all([client.call('recentArchives', {}), client.call('archiveInfo', {})]);
    menu.update({ recentArchives: recent.ok ? recent.value : [], currentArchive: info.ok ? info.value.path : null });
  };
  client.onEvent((message: ApiEventMessage) => {
    broadcastEvent(message);
    if (message.event === 'importProgress') {
      menu.onImportProgress(message.payload);
      mainWindow?.setProgressBar(taskbarProgressOf(message.payload));
    } else if (message.event === 'archiveChanged') {
      void refreshArchives();
    } else if (message.event === 'settingsChanged') {
      menu.update({ settings: message.payload });
    }
  });
  await askToUpgradeLastArchive(client, menu.language);
  await refreshArchives();
  openMainWindow();
}

/** The last-used archive was made by an older Arshif: it stays as it is unless the user agrees to upgrade it. */
async function askToUpgradeLastArchive(client: ArchiveWorkerClient, language: Settings['language']): Promise<void> {
  const info = await client.call('archiveInfo', {});
  if (info.ok || info.error.code !== 'needs-upgrade') return;
  const recent = await client.call('recentArchives', {});
  const pending = recent.ok ? recent.value[0] : undefined;
  if (!pending) return;
  const outcome = await upgradeWithConsent(client, pending, language, null);
  if (outcome && !outcome.ok) dialog.showErrorBox(pending, outcome.error.message);
  if (outcome?.ok) return;
  // declined (or failed): start on the app's own archive rather than on nothing
  const fallback = appPaths.defaultArchive();
  if (fallback === pending) return;
  const opened = await client.call('openArchive', { path: fallback });
  if (!opened.ok && opened.error.code === 'not-found') await client.call('createArchive', { path: fallback });
}

function fail(error: unknown): void {
  dialog.showErrorBox('Arshif could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

// arshif:// links open this app (during development Electron is started with the app's folder as its argument).
app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, process.defaultApp && process.argv[1] ? [process.argv[1]] : []);

// macOS hands links to the running app (or the one starting) as open-url events.
app.on('open-url', (event, url) => {
  event.preventDefault();
  const route = hashRouteOfDeepLink(url);
  if (route) openRoute(route);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Windows and Linux start a second instance with the link in its arguments: the first one shows it.
  app.on('second-instance', (_event, argv) => {
    const route = deepLinkInArgv(argv);
    if (route) return openRoute(route);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (worker && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !worker) return;
    closing = true;
    event.preventDefault();
    void worker.close().finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fail);
}
