/**
 * Opening an archive made by an older Arshif: the archive is never upgraded behind the user's back.
 * They are asked (a native dialog); on yes, the archive worker backs it up beside itself and upgrades it.
 */
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { Result } from '../common/result.js';
import type { ArchiveInfo, Language } from '../common/types.js';
import type { ArchiveWorkerClient } from '../worker/client.js';
import { text } from './strings.js';

async function ask(options: MessageBoxOptions, owner: BrowserWindow | null): Promise<number> {
  const answer = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  return answer.response;
}

/** Asks whether to back up and upgrade `archivePath`; if so, does it. Resolves with the outcome, or null when declined. */
export async function upgradeWithConsent(
  worker: ArchiveWorkerClient,
  archivePath: string,
  language: Language,
  owner: BrowserWindow | null,
): Promise<Result<unknown> | null> {
  const choice = await ask(
    {
      type: 'question',
      title: text(language, 'upgradeTitle'),
      message: text(language, 'upgradeMessage'),
      detail: archivePath,
      buttons: [text(language, 'upgradeConfirm'), text(language, 'cancel')],
      defaultId: 0,
      cancelId: 1,
    },
    owner,
  );
  if (choice !== 0) return null;
  const upgraded = await worker.call('upgradeArchive', { path: archivePath });
  if (upgraded.ok && upgraded.value.backup) {
    await ask({ type: 'info', title: text(language, 'upgradeTitle'), message: text(language, 'upgraded'), detail: upgraded.value.backup, buttons: ['OK'] }, owner);
  }
  return upgraded;
}

/** Opens an archive; one that needs upgrading is upgraded only if the user agrees. */
export async function openWithConsent(
  worker: ArchiveWorkerClient,
  archivePath: string,
  language: Language,
  owner: BrowserWindow | null,
): Promise<Result<ArchiveInfo | unknown> | null> {
  const opened = await worker.call('openArchive', { path: archivePath });
  if (opened.ok || opened.error.code !== 'needs-upgrade') return opened;
  return upgradeWithConsent(worker, archivePath, language, owner);
}
