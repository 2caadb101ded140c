import { app } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the shell finds its pieces, packaged or from a build of the repo. */
export const appPaths = {
  /** The built renderer (inside app.asar when packaged). */
  rendererDir: (): string => path.join(app.getAppPath(), 'out', 'renderer'),
  /** The sandboxed preload, built as CommonJS next to the main bundle. */
  preload: (): string => fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
  /** The archive opened on first run: created in the user-data folder. */
  defaultArchive: (): string => path.join(app.getPath('userData'), 'Arshif.arshif'),
  /**
   * better-sqlite3 built for Electron's ABI, kept apart from node_modules (which holds the Node build
   * the CLI and tests use). Packaged: resources/native/; from a repo build: out/electron-native/.
   */
  nativeBinding: (): string | undefined => {
    const file = app.isPackaged
      ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
      : path.join(app.getAppPath(), 'out', 'electron-native', 'better_sqlite3.node');
    return fs.existsSync(file) ? file : undefined;
  },
  /** Vite's dev server while developing (`electron-vite dev`); never in a packaged app. */
  devServerOrigin: (): string | null => {
    const url = process.env.ELECTRON_RENDERER_URL;
    if (app.isPackaged || !url) return null;
    try {
      return new URL(url).origin;
    } catch {
      return null;
    }
  },
};
