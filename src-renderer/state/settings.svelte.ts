/** Display settings: applied to the document at once, persisted through the API (getSettings/setSettings). */
import type { Calendar, DigitStyle, Language, MonthNames, Settings, Theme } from '../../src-main/common/types.js';
import { api } from '../lib/api.js';

export const DEFAULT_SETTINGS: Settings = { theme: 'system', language: 'ar', digits: 'arabic', calendar: 'gregorian', monthNames: 'auto', fontSize: 18 };
export const FONT_MIN = 12;
export const FONT_MAX = 40;
/** How long after a save announcements of settings are taken as echoes of it. */
const QUIET_MS = 1000;
const SIZE_SETTLE_MS = 250;

class SettingsState {
  theme = $state<Theme>(DEFAULT_SETTINGS.theme);
  language = $state<Language>(DEFAULT_SETTINGS.language);
  digits = $state<DigitStyle>(DEFAULT_SETTINGS.digits);
  calendar = $state<Calendar>(DEFAULT_SETTINGS.calendar);
  monthNames = $state<MonthNames>(DEFAULT_SETTINGS.monthNames);
  fontSize = $state<number>(DEFAULT_SETTINGS.fontSize);
  loaded = $state(false);

  /** Saves go one after another, so the last change is the one the host keeps. */
  private queue: Promise<void> = Promise.resolve();
  private saving = 0;
  private inFlight = 0;
  private lastSaveEnd = 0;
  private sizeTimer: ReturnType<typeof setTimeout> | null = null;
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;

  get dir(): 'rtl' | 'ltr' {
    return this.language === 'ar' ? 'rtl' : 'ltr';
  }

  get value(): Settings {
    return {
      theme: this.theme,
      language: this.language,
      digits: this.digits,
      calendar: this.calendar,
      monthNames: this.monthNames,
      fontSize: this.fontSize,
    };
  }

  private assign(s: Partial<Settings>): void {
    if (s.theme) this.theme = s.theme;
    if (s.language) this.language = s.language;
    if (s.digits) this.digits = s.digits;
    if (s.calendar) this.calendar = s.calendar;
    if (s.monthNames) this.monthNames = s.monthNames;
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

  /**
   * Follows changes made elsewhere (another window, the desktop menu). The host also announces our
   * own saves, possibly late: while saves are going (and a moment after), announcements are not
   * applied one by one; the saved settings are read once things are quiet instead.
   */
  listen(): () => void {
    return api.on('settingsChanged', (s) => {
      if (this.busy()) this.resyncLater();
      else this.assign(s);
    });
  }

  private busy(): boolean {
    return this.inFlight > 0 || this.sizeTimer !== null || Date.now() - this.lastSaveEnd < QUIET_MS;
  }

  private resyncLater(): void {
    if (this.resyncTimer) return;
    this.resyncTimer = setTimeout(async () => {
      this.resyncTimer = null;
      if (this.busy()) return this.resyncLater();
      const result = await api.call('getSettings', {});
      if (result.ok && !this.busy()) this.assign(result.value);
    }, QUIET_MS);
  }

  /**
   * Applies at once, then saves (in order, after any earlier save). A refused save puts the previous
   * values back, unless a newer change was made meanwhile.
   */
  async update(patch: Partial<Settings>): Promise<string | null> {
    const ticket = ++this.saving;
    const before = this.value;
    this.assign(patch);
    this.inFlight++;
    const pending = this.queue.then(() => api.call('setSettings', patch));
    this.queue = pending.then(() => undefined);
    const result = await pending;
    this.inFlight--;
    this.lastSaveEnd = Date.now();
    // Success: the change is already shown (taking the whole answer could undo a newer local change).
    if (result.ok || ticket !== this.saving) return result.ok ? null : result.error.message;
    this.assign(before);
    return result.error.message;
  }

  /** The reading size follows a slider or repeated clicks: shown at once, saved once it settles. */
  setFontSizeSoon(size: number, onProblem: (message: string) => void): void {
    this.assign({ fontSize: size });
    if (this.sizeTimer) clearTimeout(this.sizeTimer);
    this.sizeTimer = setTimeout(() => {
      this.sizeTimer = null;
      void this.update({ fontSize: this.fontSize }).then((problem) => problem && onProblem(problem));
    }, SIZE_SETTLE_MS);
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
