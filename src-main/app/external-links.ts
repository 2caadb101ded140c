import { BrowserWindow, dialog, shell } from 'electron';
import type { Language } from '../common/types.js';
import { externalLinkTarget } from './policy.js';
import { text } from './strings.js';

/**
 * A link the user clicked that leaves the app: only http(s), only after the user confirms, and then
 * in the system browser — never inside Arshif.
 */
export async function confirmAndOpenExternal(url: string, owner: BrowserWindow | null, language: Language): Promise<void> {
  const target = externalLinkTarget(url);
  if (!target) return;
  const options = {
    type: 'question' as const,
    title: text(language, 'openLinkTitle'),
    message: text(language, 'openLinkMessage'),
    detail: target,
    buttons: [text(language, 'openLinkConfirm'), text(language, 'cancel')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(target);
}
