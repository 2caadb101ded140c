import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfigDir } from '../../../src-main/core/service/config-dir.js';
import { ConfigStore, DEFAULT_SETTINGS, MAX_RECENT_ARCHIVES } from '../../../src-main/core/service/config-store.js';
import { useTempDir } from '../../helpers/tmp.js';

describe('ConfigStore', () => {
  const tmp = useTempDir();

  it('starts from defaults and persists changes across instances', () => {
    const store = new ConfigStore(tmp());
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    store.updateSettings({ theme: 'dark', fontSize: 24 });
    store.rememberArchive('/a.arshif');
    const reopened = new ConfigStore(tmp());
    expect(reopened.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', fontSize: 24 });
    expect(reopened.recentArchives).toEqual(['/a.arshif']);
  });

  it('writes atomically: no temporary files are left, the file is complete JSON', () => {
    const store = new ConfigStore(tmp());
    for (let i = 0; i < 20; i++) store.rememberArchive(`/archive-${i}.arshif`);
    expect(fs.readdirSync(tmp())).toEqual(['config.json']);
    expect(() => JSON.parse(fs.readFileSync(store.file, 'utf8'))).not.toThrow();
  });

  it('keeps the recent list most-recent-first, without duplicates, capped', () => {
    const store = new ConfigStore(tmp());
    for (let i = 0; i < MAX_RECENT_ARCHIVES + 5; i++) store.rememberArchive(`/a${i}`);
    store.rememberArchive('/a7');
    expect(store.recentArchives[0]).toBe('/a7');
    expect(store.recentArchives).toHaveLength(MAX_RECENT_ARCHIVES);
    expect(new Set(store.recentArchives).size).toBe(MAX_RECENT_ARCHIVES);
  });

  it('survives a damaged or hand-edited file: bad values fall back to defaults one by one', () => {
    fs.writeFileSync(path.join(tmp(), 'config.json'), '{"settings": {"theme": "neon", "language": "en", "fontSize": 400}, "recentArchives": ["/x"]}');
    const store = new ConfigStore(tmp());
    expect(store.settings).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(store.recentArchives).toEqual(['/x']);
    fs.writeFileSync(path.join(tmp(), 'config.json'), '{not json');
    expect(new ConfigStore(tmp()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('finds the CLI/host config folder from XDG_CONFIG_HOME or ~/.config', () => {
    expect(defaultConfigDir({ XDG_CONFIG_HOME: '/xdg' }, '/home/u')).toBe('/xdg/arshif');
    expect(defaultConfigDir({}, '/home/u')).toBe('/home/u/.config/arshif');
    expect(defaultConfigDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/arshif');
  });
});
