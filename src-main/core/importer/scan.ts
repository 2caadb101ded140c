import fs from 'node:fs';
import path from 'node:path';
import type { Rejection } from '../../common/types.js';
import { fileKind } from './file-kinds.js';
import { countZipMembers } from './zip.js';

export type PlannedItem =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'zip'; path: string; size: number; members: number }
  | { kind: 'rejected'; rejection: Rejection };

export interface ImportPlan {
  items: PlannedItem[];
  /** Files the import will account for: plain files, zip members and rejected entries. */
  filesTotal: number;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Walks the given paths (folders recursively, in name order) into a plan. Symbolic links are never
 * followed — a link that points back up the tree cannot loop — and each real folder is walked once even
 * when the given paths overlap.
 */
export async function planImport(paths: string[], signal?: AbortSignal): Promise<ImportPlan> {
  const items: PlannedItem[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  let filesTotal = 0;
  const reject = (p: string, reason: Rejection['reason'], message: string) => {
    items.push({ kind: 'rejected', rejection: { path: p, reason, message } });
    filesTotal++;
  };

  const visit = async (p: string, isRoot: boolean): Promise<void> => {
    if (signal?.aborted) return;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      reject(p, 'unreadable', code === 'ENOENT' ? 'No such file or folder.' : `Cannot read it: ${(error as Error).message}`);
      return;
    }
    if (stat.isSymbolicLink()) {
      if (!isRoot) {
        reject(p, 'link', 'Symbolic links are not followed (they can loop back up the tree or leave it).');
        return;
      }
      try {
        stat = fs.statSync(p); // a link the user named explicitly is what they meant
      } catch (error) {
        reject(p, 'unreadable', `Broken link: ${(error as Error).message}`);
        return;
      }
    }
    const key = `${stat.dev}:${stat.ino}`;
    if (stat.isDirectory()) {
      if (seenDirs.has(key)) return;
      seenDirs.add(key);
      let names: string[];
      try {
        names = fs.readdirSync(p).sort(compareNames);
      } catch (error) {
        reject(p, 'unreadable', `Cannot list the folder: ${(error as Error).message}`);
        return;
      }
      for (const name of names) await visit(path.join(p, name), false);
      return;
    }
    if (!stat.isFile()) {
      reject(p, 'unsupported-type', 'Not a regular file (device, socket or pipe).');
      return;
    }
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    if (fileKind(p) !== 'zip') {
      items.push({ kind: 'file', path: p, size: stat.size });
      filesTotal++;
      return;
    }
    try {
      const members = await countZipMembers(p);
      items.push({ kind: 'zip', path: p, size: stat.size, members });
      filesTotal += members;
    } catch (error) {
      reject(p, 'bad-zip', `Not a readable zip file: ${(error as Error).message}`);
    }
  };

  for (const p of paths) await visit(path.resolve(p), true);
  return { items, filesTotal };
}
