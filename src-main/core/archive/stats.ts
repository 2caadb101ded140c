import fs from 'node:fs';
import path from 'node:path';
import type { ArchiveInfo, ArchiveStats, CountBucket } from '../../common/types.js';
import type { Archive } from './archive.js';

function count(archive: Archive, sql: string): number {
  return (archive.db.prepare(sql).get() as { n: number }).n;
}

export function getStats(archive: Archive): ArchiveStats {
  const db = archive.db;
  return {
    articles: count(archive, 'SELECT count(*) AS n FROM articles'),
    snapshots: count(archive, 'SELECT count(*) AS n FROM snapshots'),
    tickerDays: count(archive, 'SELECT count(*) AS n FROM ticker_days'),
    imports: count(archive, 'SELECT count(*) AS n FROM imports'),
    sites: db.prepare('SELECT site AS value, count(*) AS count FROM articles GROUP BY site ORDER BY count DESC, site').all() as CountBucket[],
    sections: db
      .prepare(
        `SELECT site, coalesce(section, '') AS value, count(*) AS count FROM articles
         GROUP BY site, section ORDER BY site, count DESC, value`,
      )
      .all() as Array<CountBucket & { site: string }>,
    years: db
      .prepare(
        `SELECT coalesce(substr(published_at, 1, 4), '') AS value, count(*) AS count FROM articles
         GROUP BY value ORDER BY value`,
      )
      .all() as CountBucket[],
    foldedCopies: count(archive, 'SELECT count(*) - count(DISTINCT group_id) AS n FROM articles WHERE group_id IS NOT NULL'),
  };
}

function mayWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether an import could write this archive here: the file and its folder writable, not a copy in memory. */
export function isArchiveWritable(archive: Archive): boolean {
  return !archive.inMemory && mayWrite(archive.path) && mayWrite(path.dirname(archive.path));
}

export function getArchiveInfo(archive: Archive): ArchiveInfo {
  let sizeBytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      sizeBytes += fs.statSync(archive.path + suffix).size;
    } catch {
      // no WAL file yet
    }
  }
  return {
    path: archive.path,
    articles: count(archive, 'SELECT count(*) AS n FROM articles'),
    sites: count(archive, 'SELECT count(DISTINCT site) AS n FROM articles'),
    schemaVersion: archive.db.pragma('user_version', { simple: true }) as number,
    sizeBytes,
    readonly: !isArchiveWritable(archive),
  };
}
