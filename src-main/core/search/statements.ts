// Prepared statements cached per connection (preparing costs more than running most of them).
import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const MAX = 64;

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    if (cache.size >= MAX) cache.delete(cache.keys().next().value as string);
    cache.set(sql, s);
  }
  return s;
}

/** Parses SQLite's group_concat(rowid) ("3,17,42") into ids. */
export function parseIdList(text: string | null): Int32Array {
  if (!text) return new Int32Array(0);
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const ids = new Int32Array(count);
  let n = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      ids[n++] = value;
      value = 0;
    } else {
      value = value * 10 + (c - 48);
    }
  }
  ids[n++] = value;
  return ids;
}
