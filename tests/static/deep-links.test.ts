/**
 * The shell's part of links and window titles, checked in its sources (Electron cannot run here; the
 * routing itself is unit-tested in tests/unit/app/deep-link.test.ts and in the browser tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/tmp.js';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const main = read('src-main/app/main.ts');
const appSources = fs
  .readdirSync(path.join(repoRoot, 'src-main/app'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => read(`src-main/app/${name}`));

describe('arshif:// links in the desktop shell', () => {
  it('registers the scheme with the system', () => {
    expect(main).toMatch(/setAsDefaultProtocolClient\(DEEP_LINK_SCHEME/);
    expect(read('src-main/app/deep-link.ts')).toMatch(/DEEP_LINK_SCHEME = 'arshif'/);
  });

  it('declares the scheme in the packages (macOS URL types, the Linux .desktop handler)', () => {
    expect(read('electron-builder.yml')).toMatch(/protocols:\s*\n\s*- name: [^\n]+\n\s*schemes:\s*\n\s*- arshif\b/);
  });

  it('opens links from the start arguments, a second instance and macOS open-url — through the one parser', () => {
    expect(main).toMatch(/deepLinkInArgv\(process\.argv\)/);
    expect(main).toMatch(/on\('second-instance', \(_event, argv\) => \{[\s\S]*?deepLinkInArgv\(argv\)/);
    expect(main).toMatch(/on\('open-url', \(event, url\) => \{[\s\S]*?hashRouteOfDeepLink\(url\)/);
    // A link only ever changes the hash of the app's own page.
    expect(main).toMatch(/webContents\.loadURL\(rendererUrl\(/);
    expect(main).not.toMatch(/executeJavaScript/);
  });

  it('lets the window title follow the page title (the article being read)', () => {
    for (const source of appSources) expect(source).not.toMatch(/['"]page-title-updated['"]/);
    expect(read('src-renderer/App.svelte')).toMatch(/document\.title = /);
  });
});
