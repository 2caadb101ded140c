import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions, type MenuState } from '../../../src-main/app/menu-template.js';
import { STRINGS } from '../../../src-main/app/strings.js';
import { fitToDisplays, loadWindowState, saveWindowState } from '../../../src-main/app/window-state.js';
import { DEFAULT_SETTINGS } from '../../../src-main/core/service/config-store.js';
import { useTempDir } from '../../helpers/tmp.js';

function actions(): MenuActions {
  return {
    newArchive: vi.fn(), openArchive: vi.fn(), openRecent: vi.fn(), importFolder: vi.fn(), importFiles: vi.fn(),
    cancelImport: vi.fn(), exportArchive: vi.fn(), setSettings: vi.fn(), about: vi.fn(), installCommandLineTool: vi.fn(),
  };
}

function state(changes: Partial<MenuState> = {}): MenuState {
  return { settings: { ...DEFAULT_SETTINGS }, recentArchives: ['/a.arshif', '/b.arshif'], currentArchive: '/a.arshif', importing: false, isMac: false, ...changes };
}

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [item.label ?? '', ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])]).filter(Boolean);
}

function find(items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = Array.isArray(item.submenu) ? find(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

describe('the native menu', () => {
  it('is all Arabic or all English, from the strings table', () => {
    const arabic = labels(buildMenuTemplate(state(), actions())).filter((l) => !l.startsWith('/'));
    const english = labels(buildMenuTemplate(state({ settings: { ...DEFAULT_SETTINGS, language: 'en' } }), actions())).filter((l) => !l.startsWith('/'));
    const arabicTable = new Set<string>(Object.values(STRINGS).map((s) => s.ar));
    const englishTable = new Set<string>(Object.values(STRINGS).map((s) => s.en));
    expect(arabic.every((l) => arabicTable.has(l))).toBe(true);
    expect(english.every((l) => englishTable.has(l))).toBe(true);
    expect(arabic).toContain('استيراد مجلد…');
    expect(english).toContain('Import Folder…');
  });

  it('has File (new/open/recent, import, export), View (theme, font size, language) and Help', () => {
    const template = buildMenuTemplate(state({ settings: { ...DEFAULT_SETTINGS, language: 'en' } }), actions());
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    for (const id of ['new-archive', 'open-archive', 'recent-archives', 'import-folder', 'export', 'theme', 'font-size', 'language', 'about']) {
      expect(find(template, id), id).toBeDefined();
    }
    const recent = find(template, 'recent-archives')!.submenu as MenuItemConstructorOptions[];
    expect(recent.map((r) => [r.label, r.checked])).toEqual([['/a.arshif', true], ['/b.arshif', false]]);
  });

  it('wires items to actions: recent archive, theme, font size', () => {
    const spy = actions();
    const template = buildMenuTemplate(state({ settings: { ...DEFAULT_SETTINGS, fontSize: 20 } }), spy);
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();
    click((find(template, 'recent-archives')!.submenu as MenuItemConstructorOptions[])[1]);
    expect(spy.openRecent).toHaveBeenCalledWith('/b.arshif');
    click((find(template, 'theme')!.submenu as MenuItemConstructorOptions[])[3]);
    expect(spy.setSettings).toHaveBeenCalledWith({ theme: 'dark' });
    click((find(template, 'font-size')!.submenu as MenuItemConstructorOptions[])[0]);
    expect(spy.setSettings).toHaveBeenCalledWith({ fontSize: 22 });
  });

  it('disables archive switching and importing while an import runs, and offers cancel', () => {
    const template = buildMenuTemplate(state({ importing: true }), actions());
    expect(find(template, 'import-folder')?.enabled).toBe(false);
    expect(find(template, 'open-archive')?.enabled).toBe(false);
    expect(find(template, 'cancel-import')?.enabled).toBe(true);
  });

  it('offers "Install Command Line Tool…" in the macOS app menu only (Linux packages put arshif on the PATH)', () => {
    const spy = actions();
    const mac = buildMenuTemplate(state({ isMac: true, settings: { ...DEFAULT_SETTINGS, language: 'en' } }), spy);
    const item = find(mac, 'install-command-line-tool');
    expect(item?.label).toBe('Install Command Line Tool…');
    expect((mac[0]!.submenu as MenuItemConstructorOptions[]).includes(item!)).toBe(true);
    (item?.click as () => void)();
    expect(spy.installCommandLineTool).toHaveBeenCalledOnce();
    expect(find(buildMenuTemplate(state({ isMac: false }), spy), 'install-command-line-tool')).toBeUndefined();
    expect(find(buildMenuTemplate(state({ isMac: true }), spy), 'install-command-line-tool')?.label).toBe('تثبيت أداة سطر الأوامر…');
  });
});

describe('window state', () => {
  const tmp = useTempDir();
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it('round-trips through a file, and ignores a damaged one', () => {
    saveWindowState(tmp(), { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true });
    expect(loadWindowState(tmp())).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true });
    fs.writeFileSync(path.join(tmp(), 'window-state.json'), '{"bounds": "big"}');
    expect(loadWindowState(tmp())).toBeNull();
  });

  it('is never restored off-screen or larger than the display', () => {
    expect(fitToDisplays({ bounds: { x: 5000, y: 0, width: 1000, height: 700 }, maximized: false }, screen)).toBeNull();
    expect(fitToDisplays({ bounds: { x: 100, y: 100, width: 4000, height: 3000 }, maximized: false }, screen)).toEqual({
      bounds: { x: 100, y: 100, width: 1920, height: 1080 },
      maximized: false,
    });
    expect(fitToDisplays({ bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false }, screen)).toBeNull();
  });
});
