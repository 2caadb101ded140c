/**
 * The native menu as data: a pure function of the language, the state and the actions, so it can be
 * checked without Electron. Labels come from strings.ts only.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Language, Settings, Theme } from '../common/types.js';
import { text, type StringKey } from './strings.js';

export interface MenuActions {
  newArchive(): void;
  openArchive(): void;
  openRecent(archivePath: string): void;
  importFolder(): void;
  importFiles(): void;
  cancelImport(): void;
  exportArchive(): void;
  setSettings(changes: Partial<Settings>): void;
  about(): void;
  /** macOS only: link /usr/local/bin/arshif to the app's command-line launcher. */
  installCommandLineTool(): void;
}

export interface MenuState {
  settings: Settings;
  recentArchives: string[];
  currentArchive: string | null;
  importing: boolean;
  isMac: boolean;
}

export const FONT_STEP = 2;
export const FONT_MIN = 12;
export const FONT_MAX = 40;
export const FONT_DEFAULT = 18;

const THEMES: Array<[Theme, StringKey]> = [
  ['system', 'themeSystem'],
  ['light', 'themeLight'],
  ['sepia', 'themeSepia'],
  ['dark', 'themeDark'],
];

const LANGUAGES: Array<[Language, StringKey]> = [
  ['ar', 'arabic'],
  ['en', 'english'],
];

function fileMenu(t: (key: StringKey) => string, state: MenuState, actions: MenuActions): MenuItemConstructorOptions {
  const recent: MenuItemConstructorOptions[] = state.recentArchives.length
    ? state.recentArchives.map((p) => ({ label: p, type: 'checkbox', checked: p === state.currentArchive, click: () => actions.openRecent(p) }))
    : [{ label: t('noRecentArchives'), enabled: false }];
  return {
    label: t('file'),
    submenu: [
      { id: 'new-archive', label: t('newArchive'), accelerator: 'CmdOrCtrl+N', enabled: !state.importing, click: () => actions.newArchive() },
      { id: 'open-archive', label: t('openArchive'), accelerator: 'CmdOrCtrl+O', enabled: !state.importing, click: () => actions.openArchive() },
      { id: 'recent-archives', label: t('recentArchives'), enabled: !state.importing, submenu: recent },
      { type: 'separator' },
      { id: 'import-folder', label: t('importFolder'), accelerator: 'CmdOrCtrl+I', enabled: !state.importing, click: () => actions.importFolder() },
      { id: 'import-files', label: t('importFiles'), enabled: !state.importing, click: () => actions.importFiles() },
      { id: 'cancel-import', label: t('cancelImport'), enabled: state.importing, click: () => actions.cancelImport() },
      { type: 'separator' },
      { id: 'export', label: t('exportArchive'), accelerator: 'CmdOrCtrl+E', click: () => actions.exportArchive() },
      ...(state.isMac ? [] : [{ type: 'separator' } as const, { label: t('quit'), role: 'quit' } as const]),
    ],
  };
}

function viewMenu(t: (key: StringKey) => string, state: MenuState, actions: MenuActions): MenuItemConstructorOptions {
  const size = state.settings.fontSize;
  return {
    label: t('view'),
    submenu: [
      {
        id: 'theme',
        label: t('theme'),
        submenu: THEMES.map(([theme, key]) => ({
          label: t(key),
          type: 'radio',
          checked: state.settings.theme === theme,
          click: () => actions.setSettings({ theme }),
        })),
      },
      {
        id: 'font-size',
        label: t('fontSize'),
        submenu: [
          { label: t('fontLarger'), accelerator: 'CmdOrCtrl+=', enabled: size < FONT_MAX, click: () => actions.setSettings({ fontSize: Math.min(FONT_MAX, size + FONT_STEP) }) },
          { label: t('fontSmaller'), accelerator: 'CmdOrCtrl+-', enabled: size > FONT_MIN, click: () => actions.setSettings({ fontSize: Math.max(FONT_MIN, size - FONT_STEP) }) },
          { label: t('fontReset'), accelerator: 'CmdOrCtrl+0', click: () => actions.setSettings({ fontSize: FONT_DEFAULT }) },
        ],
      },
      {
        id: 'language',
        label: t('language'),
        submenu: LANGUAGES.map(([language, key]) => ({
          label: t(key),
          type: 'radio',
          checked: state.settings.language === language,
          click: () => actions.setSettings({ language }),
        })),
      },
      { type: 'separator' },
      { label: t('fullScreen'), role: 'togglefullscreen' },
    ],
  };
}

/** The whole application menu. */
export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = (key: StringKey) => text(state.settings.language, key);
  const appMenu: MenuItemConstructorOptions[] = state.isMac
    ? [
        {
          label: t('appName'),
          submenu: [
            { label: t('about'), click: () => actions.about() },
            { type: 'separator' },
            { id: 'install-command-line-tool', label: t('installCommandLineTool'), click: () => actions.installCommandLineTool() },
            { type: 'separator' },
            { label: t('quit'), role: 'quit' },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    fileMenu(t, state, actions),
    {
      label: t('edit'),
      submenu: [
        { label: t('undo'), role: 'undo' },
        { label: t('redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('cut'), role: 'cut' },
        { label: t('copy'), role: 'copy' },
        { label: t('paste'), role: 'paste' },
        { label: t('selectAll'), role: 'selectAll' },
      ],
    },
    viewMenu(t, state, actions),
    { label: t('help'), role: 'help', submenu: [{ id: 'about', label: t('about'), click: () => actions.about() }] },
  ];
}
