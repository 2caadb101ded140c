import os from 'node:os';
import path from 'node:path';

/** The CLI's and host's config folder: `$XDG_CONFIG_HOME/arshif`, else `~/.config/arshif`. (The app uses Electron's userData.) */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config');
  return path.join(base, 'arshif');
}
