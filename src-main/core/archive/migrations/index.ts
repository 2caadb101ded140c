import type Database from 'better-sqlite3';
import { sql as initial } from './001-initial.js';
import { run as indexTitles, sql as titleIndex } from './002-title-index.js';
import { run as fingerprintArticles, sql as urlsAndFingerprints } from './003-urls-and-fingerprints.js';
import { sql as importRecords } from './004-import-records.js';
import { sql as versions } from './005-versions.js';
import { run as reindexAndGroup, sql as stemsAndGroups } from './006-stems-and-groups.js';
import { run as decodeReferences, sql as characterReferences } from './007-character-references.js';
import { sql as groupIndexCoversLists } from './008-group-index-covers-lists.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data work after the SQL (e.g. re-indexing existing articles), inside the same transaction. */
  run?: (db: Database.Database) => void;
}

/** Numbered, append-only. Never edit a released migration: add the next one. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'title-index', sql: titleIndex, run: indexTitles },
  { version: 3, name: 'urls-and-fingerprints', sql: urlsAndFingerprints, run: fingerprintArticles },
  { version: 4, name: 'import-records', sql: importRecords },
  { version: 5, name: 'versions', sql: versions },
  { version: 6, name: 'stems-and-groups', sql: stemsAndGroups, run: reindexAndGroup },
  { version: 7, name: 'character-references', sql: characterReferences, run: decodeReferences },
  { version: 8, name: 'group-index-covers-lists', sql: groupIndexCoversLists },
];

export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
