import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ArshifError } from '../common/result.js';

/**
 * Set by the desktop app's launcher (resources/bin/arshif): the better-sqlite3 addon built for the app's
 * Electron, which runs this CLI with ELECTRON_RUN_AS_NODE=1.
 */
export const NATIVE_BINDING_ENV = 'ARSHIF_NATIVE_BINDING';

const NODE_BUILD = path.join('build', 'Release', 'better_sqlite3.node');

/**
 * The better-sqlite3 addon this CLI loads, by path. The built CLI (out/cli) carries better-sqlite3's
 * JavaScript but not its addon, so it always names the file: the launcher's, else the Node build
 * installed with the package (node_modules/better-sqlite3), found from this module like an import.
 */
export function nativeBinding(): string {
  const fromLauncher = process.env[NATIVE_BINDING_ENV];
  if (fromLauncher) {
    if (!fs.existsSync(fromLauncher)) throw new ArshifError('internal', `${NATIVE_BINDING_ENV} names ${fromLauncher}, which does not exist: reinstall Arshif.`);
    return fromLauncher;
  }
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
  } catch {
    throw new ArshifError('internal', 'better-sqlite3 is not installed beside arshif: run `npm install` in the arshif folder (or use the arshif command of the desktop app).');
  }
  const addon = path.join(path.dirname(packageJson), NODE_BUILD);
  if (!fs.existsSync(addon)) {
    throw new ArshifError('internal', `better-sqlite3 is installed but not built for this Node (${addon} is missing): run \`npm rebuild better-sqlite3\`.`);
  }
  return addon;
}

/** For openArchive and the archive worker: `{ nativeBinding }`. */
export function nativeBindingOption(): { nativeBinding: string } {
  return { nativeBinding: nativeBinding() };
}
