import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { administratorScript, existingCommand, launcherPath, linkCommand, linkShellCommand } from '../../../src-main/app/command-line-tool.js';
import { useTempDir } from '../../helpers/tmp.js';

const isRoot = process.getuid?.() === 0;

describe('Install Command Line Tool (macOS menu)', () => {
  const tmp = useTempDir();

  function launcher(): string {
    const file = launcherPath(path.join(tmp(), 'Arshif.app', 'Contents', 'Resources'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
    return file;
  }

  it('points at the launcher the app ships in Resources/bin', () => {
    expect(launcherPath('/Applications/Arshif.app/Contents/Resources')).toBe('/Applications/Arshif.app/Contents/Resources/bin/arshif');
  });

  it('tells nothing, our own link and anything else apart', () => {
    const ours = launcher();
    const link = path.join(tmp(), 'bin', 'arshif');
    expect(existingCommand(link, ours)).toEqual({ kind: 'none' });
    fs.mkdirSync(path.dirname(link));
    fs.symlinkSync(ours, link);
    expect(existingCommand(link, ours)).toEqual({ kind: 'ours' });
    fs.rmSync(link);
    fs.symlinkSync('/usr/lib/node_modules/arshif/out/cli/arshif.mjs', link);
    expect(existingCommand(link, ours)).toEqual({ kind: 'other', description: `${link} → /usr/lib/node_modules/arshif/out/cli/arshif.mjs` });
    fs.rmSync(link);
    fs.writeFileSync(link, 'someone else’s script');
    expect(existingCommand(link, ours)).toMatchObject({ kind: 'other' });
  });

  it('links the command, replacing the old link in one rename, with nothing left behind', async () => {
    const ours = launcher();
    const link = path.join(tmp(), 'usr', 'local', 'bin', 'arshif');
    await linkCommand(ours, link, () => Promise.reject(new Error('no administrator needed')));
    expect(fs.readlinkSync(link)).toBe(ours);
    fs.rmSync(link);
    fs.symlinkSync('/elsewhere/arshif', link);
    await linkCommand(ours, link);
    expect(fs.readlinkSync(link)).toBe(ours);
    expect(fs.readdirSync(path.dirname(link))).toEqual(['arshif']);
  });

  it.skipIf(isRoot)('asks for an administrator when the folder is not writable (skipped as root: root may write anywhere)', async () => {
    const ours = launcher();
    const folder = path.join(tmp(), 'locked');
    fs.mkdirSync(folder, { mode: 0o555 });
    const asAdministrator = vi.fn(() => Promise.resolve());
    await linkCommand(ours, path.join(folder, 'arshif'), asAdministrator);
    expect(asAdministrator).toHaveBeenCalledWith(linkShellCommand(ours, path.join(folder, 'arshif')));
  });

  it('quotes paths for the shell, whatever they contain', () => {
    const folder = path.join(tmp(), `it's "odd" $HOME \`x\``);
    fs.mkdirSync(folder);
    const ours = path.join(folder, 'arshif launcher');
    fs.writeFileSync(ours, '');
    const link = path.join(folder, 'bin dir', 'arshif');
    execFileSync('/bin/sh', ['-c', linkShellCommand(ours, link)]);
    expect(fs.readlinkSync(link)).toBe(ours);
  });

  it('escapes the command inside the AppleScript string', () => {
    const script = administratorScript(String.raw`ln -sfn '/A "b"\c' '/usr/local/bin/arshif'`);
    expect(script).toBe(String.raw`do shell script "ln -sfn '/A \"b\"\\c' '/usr/local/bin/arshif'" with administrator privileges`);
  });
});
