import fs from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { schemas } from '../../common/api.js';
import type { Settings } from '../../common/types.js';
import { writeFileAtomically } from './atomic-write.js';

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  theme: 'system',
  language: 'ar',
  digits: 'arabic',
  calendar: 'gregorian',
  monthNames: 'auto',
  fontSize: 18,
};

export const MAX_RECENT_ARCHIVES = 10;
export const CONFIG_FILE_NAME = 'config.json';

interface ConfigFile {
  settings: Settings;
  recentArchives: string[];
}

const storedShape = v.object({
  settings: v.optional(v.unknown()),
  recentArchives: v.optional(v.array(v.string())),
});

/** Keeps each stored setting that is still valid, and defaults for the rest. */
function sanitizeSettings(stored: unknown): Settings {
  const result: Settings = { ...DEFAULT_SETTINGS };
  if (typeof stored !== 'object' || stored === null) return result;
  for (const [key, value] of Object.entries(stored)) {
    const single = v.safeParse(schemas.settings, { [key]: value });
    if (single.success) Object.assign(result, single.output);
  }
  return result;
}

/**
 * Settings and the recent-archives list, persisted as one JSON file in a config folder and written
 * atomically. A missing or unreadable file means defaults; it is never a reason not to start.
 */
export class ConfigStore {
  private config: ConfigFile;
  readonly file: string;

  constructor(configDir: string) {
    this.file = path.join(configDir, CONFIG_FILE_NAME);
    this.config = this.load();
  }

  private load(): ConfigFile {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      return { settings: { ...DEFAULT_SETTINGS }, recentArchives: [] };
    }
    const parsed = v.safeParse(storedShape, raw);
    if (!parsed.success) return { settings: { ...DEFAULT_SETTINGS }, recentArchives: [] };
    return {
      settings: sanitizeSettings(parsed.output.settings),
      recentArchives: (parsed.output.recentArchives ?? []).slice(0, MAX_RECENT_ARCHIVES),
    };
  }

  private save(): void {
    writeFileAtomically(this.file, `${JSON.stringify(this.config, null, 2)}\n`);
  }

  get settings(): Settings {
    return { ...this.config.settings };
  }

  updateSettings(changes: Partial<Settings>): Settings {
    this.config.settings = { ...this.config.settings, ...changes };
    this.save();
    return this.settings;
  }

  get recentArchives(): string[] {
    return [...this.config.recentArchives];
  }

  /** Moves the archive to the front of the recent list. */
  rememberArchive(archivePath: string): void {
    const rest = this.config.recentArchives.filter((p) => p !== archivePath);
    this.config.recentArchives = [archivePath, ...rest].slice(0, MAX_RECENT_ARCHIVES);
    this.save();
  }
}
