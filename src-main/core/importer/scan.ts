import fs from 'node:fs';
import path from 'node:path';
import type { Rejection } from '../../common/types.js';
import { fileKind } from './file-kinds.js';
import { countZipMembers } from './zip.js';

export type PlannedItem =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'zip'; path: string; size: number; members: number }
  | { kind: 'rejected'; rejection: Rejection };

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Walks the given paths (folders recursively, in name order), yielding what to import. Symbolic links
 * are never followed — a link that points back up the tree cannot loop — and each real folder is
 * walked once even when the given paths overlap. Nothing per file is kept, so a walk of a million files
 * needs no more memory than a walk of ten; the walk is deterministic, so it can be run twice (count,
 * then import).
 */
export async function* walkImport(paths: string[], signal?: AbortSignal): AsyncGenerator<PlannedItem> {
  const roots = paths.map((p) => path.resolve(p));
  const seenDirs = new Set<string>();
  const namedFiles = new Set(roots.flatMap((root) => fileKey(root) ?? []));
  const namedFilesDone = new Set<string>();
  const rejected = (p: string, reason: Rejection['reason'], message: string): PlannedItem => ({
    kind: 'rejected',
    rejection: { path: p, reason, message },
  });

  async function* visit(p: string, isRoot: boolean): AsyncGenerator<PlannedItem> {
    if (signal?.aborted) return;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      yield rejected(p, 'unreadable', code === 'ENOENT' ? 'No such file or folder.' : `Cannot read it: ${(error as Error).message}`);
      return;
    }
    if (stat.isSymbolicLink()) {
      if (!isRoot) {
        yield rejected(p, 'link', 'Symbolic links are not followed (they can loop back up the tree or leave it).');
        return;
      }
      try {
        stat = fs.statSync(p); // a link the user named explicitly is what they meant
      } catch (error) {
        yield rejected(p, 'unreadable', `Broken link: ${(error as Error).message}`);
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
        yield rejected(p, 'unreadable', `Cannot list the folder: ${(error as Error).message}`);
        return;
      }
      for (const name of names) yield* visit(path.join(p, name), false);
      return;
    }
    if (!stat.isFile()) {
      yield rejected(p, 'unsupported-type', 'Not a regular file (device, socket or pipe).');
      return;
    }
    // A file named on its own and also inside a named folder is imported once, as the named file.
    if (namedFiles.has(key)) {
      if (!isRoot || namedFilesDone.has(key)) return;
      namedFilesDone.add(key);
    }
    if (fileKind(p) !== 'zip') {
      yield { kind: 'file', path: p, size: stat.size };
      return;
    }
    try {
      yield { kind: 'zip', path: p, size: stat.size, members: await countZipMembers(p) };
    } catch (error) {
      yield rejected(p, 'bad-zip', `Not a readable zip file: ${(error as Error).message}`);
    }
  }

  for (const root of roots) yield* visit(root, true);
}

function fileKey(p: string): string | null {
  try {
    const stat = fs.statSync(p);
    return stat.isFile() ? `${stat.dev}:${stat.ino}` : null;
  } catch {
    return null;
  }
}

/**
 * How many files an import of these paths will account for: plain files, zip members and rejected
 * entries. `onCounted` hears the count so far every `everyMs` (a long count is progress too); it may
 * return a promise, which is awaited (e.g. to let the thread hear a cancel).
 */
export async function countImport(
  paths: string[],
  signal?: AbortSignal,
  onCounted?: (soFar: number) => void | Promise<void>,
  everyMs = 200,
): Promise<number> {
  let total = 0;
  let last = Date.now();
  for await (const item of walkImport(paths, signal)) {
    total += item.kind === 'zip' ? item.members : 1;
    if (onCounted && Date.now() - last >= everyMs) {
      await onCounted(total);
      last = Date.now();
    }
  }
  return total;
}
