import { BrowserWindow, screen } from 'electron';
import { rendererUrl } from './window-url.js';
import { DEFAULT_SIZE, fitToDisplays, loadWindowState, MIN_SIZE, saveWindowState } from './window-state.js';

export interface MainWindowOptions {
  preload: string;
  stateFolder: string;
  /** Loads this instead of app://arshif/ (the dev server while developing). */
  devServerUrl: string | null;
  /** The route to open first (an arshif:// link the app was started with), e.g. "#/article/42". */
  initialRoute?: string | null;
}


/** The one main window: sandboxed, context-isolated, no Node; its size and place remembered. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = fitToDisplays(
    loadWindowState(options.stateFolder),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const bounds: { x?: number; y?: number; width: number; height: number } = saved ? saved.bounds : DEFAULT_SIZE;
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Arshif',
    backgroundColor: '#f7f3ea',
    webPreferences: {
      preload: options.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      saveWindowState(options.stateFolder, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    }, 500);
  };
  window.on('resize', remember);
  window.on('move', remember);
  window.on('maximize', remember);
  window.on('unmaximize', remember);
  window.on('close', () => {
    clearTimeout(timer);
    saveWindowState(options.stateFolder, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });

  // The window's title follows the page's <title> (the article being read): nothing here overrides it.
  void window.loadURL(rendererUrl(options.devServerUrl, options.initialRoute));
  return window;
}
