import fs from 'node:fs';
import path from 'node:path';
import type { Rejection } from '../../common/types.js';
import { fileKind, isSourceKind, type SourceFormat } from './file-kinds.js';
import { countZipMembers } from './zip.js';

export type PlannedItem =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'zip'; path: string; size: number; members: number }
  /** A crawl or an export: one file of many records or items, read as a stream. */
  | { kind: 'source'; path: string; size: number; format: SourceFormat }
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
    const kind = fileKind(p);
    if (isSourceKind(kind)) {
      yield { kind: 'source', path: p, size: stat.size, format: kind };
      return;
    }
    if (kind !== 'zip') {
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
 * What an import of these paths will account for: files (plain files, zip members, crawls and exports —
 * their records are not counted ahead, that would read them twice — and rejected entries), and the
 * bytes on disk it will read, by which its progress goes.
 */
export async function countImport(
  paths: string[],
  signal?: AbortSignal,
  onCounted?: (soFar: { files: number; bytes: number }) => void | Promise<void>,
  everyMs = 200,
): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  let last = Date.now();
  for await (const item of walkImport(paths, signal)) {
    files += item.kind === 'zip' ? item.members : 1;
    if (item.kind !== 'rejected') bytes += item.size;
    // A long count is progress too: heard every `everyMs` (awaited, so the caller can let a cancel in).
    if (onCounted && Date.now() - last >= everyMs) {
      await onCounted({ files, bytes });
      last = Date.now();
    }
  }
  return { files, bytes };
}
