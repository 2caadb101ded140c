/** Display settings: applied to the document at once, persisted through the API (getSettings/setSettings). */
import type { Calendar, DigitStyle, Language, Settings, Theme } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';

export const DEFAULT_SETTINGS: Settings = { theme: 'system', language: 'ar', digits: 'arabic', calendar: 'gregorian', fontSize: 18 };
export const FONT_MIN = 12;
export const FONT_MAX = 40;

class SettingsState {
  theme = $state<Theme>(DEFAULT_SETTINGS.theme);
  language = $state<Language>(DEFAULT_SETTINGS.language);
  digits = $state<DigitStyle>(DEFAULT_SETTINGS.digits);
  calendar = $state<Calendar>(DEFAULT_SETTINGS.calendar);
  fontSize = $state<number>(DEFAULT_SETTINGS.fontSize);
  loaded = $state(false);

  get dir(): 'rtl' | 'ltr' {
    return this.language === 'ar' ? 'rtl' : 'ltr';
  }

  get value(): Settings {
    return { theme: this.theme, language: this.language, digits: this.digits, calendar: this.calendar, fontSize: this.fontSize };
  }

  private assign(s: Partial<Settings>): void {
    if (s.theme) this.theme = s.theme;
    if (s.language) this.language = s.language;
    if (s.digits) this.digits = s.digits;
    if (s.calendar) this.calendar = s.calendar;
    if (typeof s.fontSize === 'number') this.fontSize = Math.min(FONT_MAX, Math.max(FONT_MIN, Math.round(s.fontSize)));
  }

  /** Loads the saved settings; on failure keeps the defaults and says why. */
  async load(): Promise<string | null> {
    const result = await api.call('getSettings', {});
    this.loaded = true;
    if (result.ok) {
      this.assign(result.value);
      return null;
    }
    return result.error.message;
  }

  /** Follows changes made elsewhere (another window, the desktop menu). */
  listen(): () => void {
    return api.on('settingsChanged', (s) => this.assign(s));
  }

  /** Applies at once, then saves; a refused save puts the previous values back. */
  async update(patch: Partial<Settings>): Promise<string | null> {
    const before = this.value;
    this.assign(patch);
    const result = await api.call('setSettings', patch);
    if (result.ok) {
      this.assign(result.value);
      return null;
    }
    this.assign(before);
    return result.error.message;
  }

  /** Mirrors the settings onto <html>: lang, dir, theme and reading size. */
  apply(root: HTMLElement = document.documentElement): void {
    root.lang = this.language;
    root.dir = this.dir;
    root.dataset.theme = this.theme;
    root.dataset.digits = this.digits;
    root.style.setProperty('--reading-size', `${this.fontSize}px`);
  }
}

export const settings = new SettingsState();
