/**
 * How each command opens its archive. Reading commands open it read-only (a read-only file, folder or
 * disk is fine; nothing is created or changed); import opens it for writing and creates it; serve
 * creates a missing archive (the app's first run) and otherwise only reads. An archive made by an
 * older Arshif is upgraded only with --upgrade, after a backup beside it.
 */
import { ArshifError } from '../common/result.js';
import { openArchive, type Archive } from '../core/archive/archive.js';
import { backUpAndUpgrade } from '../core/archive/upgrade.js';
import { terminalSafe } from './output.js';

export type ArchiveUse = 'read' | 'write' | 'serve';

type Binding = { nativeBinding?: string };

function open(file: string, use: ArchiveUse, binding: Binding): Archive {
  if (use === 'write') return openArchive(file, { create: true, ...binding });
  if (use === 'serve') {
    try {
      return openArchive(file, { readonly: true, ...binding });
    } catch (error) {
      if (!(error instanceof ArshifError) || error.code !== 'not-found') throw error;
      return openArchive(file, { create: true, ...binding }); // a new archive, as the app's first run makes one
    }
  }
  return openArchive(file, { readonly: true, ...binding });
}

function withUpgradeHint(error: unknown): unknown {
  if (error instanceof ArshifError && error.code === 'needs-upgrade') {
    return new ArshifError('needs-upgrade', `${error.message.replace(/; Arshif backs it up first\.$/, '')}: run the command again with --upgrade (a backup copy is written beside it first).`);
  }
  return error;
}

export async function openForCommand(file: string, use: ArchiveUse, upgrade: boolean, binding: Binding = {}): Promise<Archive> {
  try {
    return open(file, use, binding);
  } catch (error) {
    if (!(error instanceof ArshifError) || error.code !== 'needs-upgrade') throw error;
    if (!upgrade) throw withUpgradeHint(error);
  }
  const outcome = await backUpAndUpgrade(file, binding);
  process.stderr.write(`${terminalSafe(`Upgraded ${outcome.path} (schema ${outcome.fromVersion} → ${outcome.toVersion}); the archive as it was is kept in ${outcome.backup}.`)}\n`);
  return open(file, use, binding);
}
