/**
 * "Install Command Line Tool…" (macOS app menu): links /usr/local/bin/arshif to the launcher the app
 * ships in Contents/Resources/bin/arshif (resources/packaging/cli/arshif), as VS Code does for `code`.
 * Linux packages put the command on the PATH themselves (deb: /usr/bin/arshif). No Electron here, so
 * it is checked in unit tests; the dialogs around it are in menu.ts.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** On the default PATH of every macOS terminal. */
export const COMMAND_LINK = '/usr/local/bin/arshif';

export function launcherPath(resourcesPath: string): string {
  return path.join(resourcesPath, 'bin', 'arshif');
}

export type ExistingCommand = { kind: 'none' } | { kind: 'ours' } | { kind: 'other'; description: string };

/** What is at `link` now: nothing, a link to this app's launcher, or something else (never replaced unasked). */
export function existingCommand(link: string, launcher: string): ExistingCommand {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(link);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  if (!stat.isSymbolicLink()) return { kind: 'other', description: `${link} is a file` };
  const target = path.resolve(path.dirname(link), fs.readlinkSync(link));
  return target === launcher ? { kind: 'ours' } : { kind: 'other', description: `${link} → ${target}` };
}

export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The shell command run with administrator rights when /usr/local/bin is not writable. */
export function linkShellCommand(launcher: string, link: string): string {
  return `mkdir -p ${shellQuote(path.dirname(link))} && ln -sfn ${shellQuote(launcher)} ${shellQuote(link)}`;
}

/** AppleScript that runs `command` after macOS asks for an administrator's password. */
export function administratorScript(command: string): string {
  const literal = `"${command.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  return `do shell script ${literal} with administrator privileges`;
}

/** The user dismissed macOS's password prompt (AppleScript error -128). */
export class CancelledByUser extends Error {}

export type AdministratorRunner = (command: string) => Promise<void>;

const runAsAdministrator: AdministratorRunner = (command) =>
  new Promise((resolve, reject) => {
    execFile('/usr/bin/osascript', ['-e', administratorScript(command)], (error, _stdout, stderr) => {
      if (!error) resolve();
      else if (/-128\b/.test(stderr)) reject(new CancelledByUser('cancelled'));
      else reject(new Error(stderr.trim() || error.message));
    });
  });

/**
 * Points `link` at `launcher`, replacing what is there (the caller has asked the user if it was not
 * ours). The new link is made beside the old one and renamed over it, so the command is never missing.
 * Without the right to write the folder, the same is done as administrator.
 */
export async function linkCommand(launcher: string, link: string, asAdministrator: AdministratorRunner = runAsAdministrator): Promise<void> {
  const staging = `${link}.arshif-new`;
  try {
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.rmSync(staging, { force: true });
    fs.symlinkSync(launcher, staging);
    fs.renameSync(staging, link);
  } catch (error) {
    fs.rmSync(staging, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    await asAdministrator(linkShellCommand(launcher, link));
  }
}
