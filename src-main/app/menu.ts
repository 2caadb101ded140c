import { app, BrowserWindow, dialog, Menu, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { Result } from '../common/result.js';
import type { ImportProgress, Language, Settings } from '../common/types.js';
import type { ArchiveWorkerClient } from '../worker/client.js';
import { CancelledByUser, COMMAND_LINK, existingCommand, launcherPath, linkCommand } from './command-line-tool.js';
import { buildMenuTemplate, type MenuActions, type MenuState } from './menu-template.js';
import { text } from './strings.js';
import { openWithConsent } from './upgrade-consent.js';

const ARCHIVE_EXTENSIONS = ['arshif', 'sqlite', 'db'];
const PAGE_EXTENSIONS = ['txt', 'html', 'htm', 'zip'];

/**
 * The native menu and what its items do: dialogs in this process, the work in the archive worker.
 * Rebuilt whenever the language, settings, recent archives or import state change.
 */
export class AppMenu {
  private state: MenuState;
  private lastImportId: number | null = null;

  constructor(
    private readonly worker: ArchiveWorkerClient,
    private readonly window: () => BrowserWindow | null,
    settings: Settings,
  ) {
    this.state = { settings, recentArchives: [], currentArchive: null, importing: false, isMac: process.platform === 'darwin' };
  }

  get language(): Language {
    return this.state.settings.language;
  }

  update(changes: Partial<MenuState>): void {
    this.state = { ...this.state, ...changes };
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(this.state, this.actions)));
  }

  onImportProgress(progress: ImportProgress): void {
    this.lastImportId = progress.importId;
    const importing = progress.phase === 'scanning' || progress.phase === 'importing';
    if (importing !== this.state.importing) this.update({ importing });
  }

  private async report<T>(result: Promise<Result<T>>): Promise<T | null> {
    const answer = await result;
    if (answer.ok) return answer.value;
    dialog.showErrorBox(text(this.language, 'errorTitle'), answer.error.message);
    return null;
  }

  /** Opens an archive, asking first when it needs upgrading. */
  private async open(archivePath: string): Promise<void> {
    const outcome = await openWithConsent(this.worker, archivePath, this.language, this.window());
    if (outcome) await this.report(Promise.resolve(outcome));
  }

  /** The macOS menu item: asks before replacing another `arshif`, then says how to use it. */
  private async installCommandLineTool(): Promise<void> {
    const t = (key: Parameters<typeof text>[1]) => text(this.language, key);
    const launcher = launcherPath(process.resourcesPath);
    if (!app.isPackaged || !fs.existsSync(launcher)) {
      dialog.showErrorBox(t('errorTitle'), t('commandLineToolMissing'));
      return;
    }
    try {
      const existing = existingCommand(COMMAND_LINK, launcher);
      if (existing.kind === 'other') {
        const answer = await dialog.showMessageBox({
          type: 'question',
          message: t('commandLineToolReplace'),
          detail: existing.description,
          buttons: [t('replace'), t('cancel')],
          defaultId: 1,
          cancelId: 1,
        });
        if (answer.response !== 0) return;
      }
      await linkCommand(launcher, COMMAND_LINK);
    } catch (error) {
      if (!(error instanceof CancelledByUser)) dialog.showErrorBox(t('errorTitle'), (error as Error).message);
      return;
    }
    await dialog.showMessageBox({ type: 'info', message: t('commandLineToolInstalled'), detail: `${COMMAND_LINK}\n${t('commandLineToolHowTo')}` });
  }

  private async pickPaths(options: OpenDialogOptions): Promise<string[]> {
    const owner = this.window();
    const picked = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return picked.canceled ? [] : picked.filePaths;
  }

  private async pickSavePath(options: SaveDialogOptions): Promise<string | null> {
    const owner = this.window();
    const picked = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return picked.canceled || !picked.filePath ? null : picked.filePath;
  }

  private readonly actions: MenuActions = {
    newArchive: () => {
      void (async () => {
        const file = await this.pickSavePath({
          defaultPath: path.join(app.getPath('documents'), 'Arshif.arshif'),
          filters: [{ name: text(this.language, 'archiveFilter'), extensions: ['arshif'] }],
        });
        if (file) await this.report(this.worker.call('createArchive', { path: file }));
      })();
    },
    openArchive: () => {
      void (async () => {
        const [file] = await this.pickPaths({ properties: ['openFile'], filters: [{ name: text(this.language, 'archiveFilter'), extensions: ARCHIVE_EXTENSIONS }] });
        if (file) await this.open(file);
      })();
    },
    openRecent: (archivePath) => void this.open(archivePath),
    importFolder: () => {
      void (async () => {
        const paths = await this.pickPaths({ properties: ['openDirectory', 'multiSelections'] });
        if (paths.length) await this.report(this.worker.call('import', { paths }));
      })();
    },
    importFiles: () => {
      void (async () => {
        const paths = await this.pickPaths({ properties: ['openFile', 'multiSelections'], filters: [{ name: text(this.language, 'pagesFilter'), extensions: PAGE_EXTENSIONS }] });
        if (paths.length) await this.report(this.worker.call('import', { paths }));
      })();
    },
    cancelImport: () => {
      if (this.lastImportId !== null) void this.report(this.worker.call('cancelImport', { importId: this.lastImportId }));
    },
    exportArchive: () => {
      void (async () => {
        const out = await this.pickSavePath({
          defaultPath: path.join(app.getPath('documents'), 'arshif-export.jsonl'),
          filters: [{ name: text(this.language, 'jsonLinesFilter'), extensions: ['jsonl'] }],
        });
        if (!out) return;
        // the save dialog has already asked before replacing a file
        const result = await this.report(this.worker.call('export', { out, force: true }));
        if (result) void dialog.showMessageBox({ type: 'info', message: text(this.language, 'exported'), detail: `${result.articles} → ${result.path}` });
      })();
    },
    setSettings: (changes) => void this.report(this.worker.call('setSettings', changes)),
    installCommandLineTool: () => void this.installCommandLineTool(),
    about: () => {
      void dialog.showMessageBox({
        type: 'info',
        title: text(this.language, 'about'),
        message: `${text(this.language, 'appName')} ${app.getVersion()}`,
        detail: text(this.language, 'aboutDetail'),
      });
    },
  };
}
