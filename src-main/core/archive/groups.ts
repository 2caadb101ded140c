// Near-duplicate groups: the same story stored more than once (a wire story on several sites, often
// behind a prefix such as «عام /» or with a word changed; a site posting a story twice). Search and
// browse show one row per group; the reader links the copies.
//
// Rule (measured on the 31k-article SaudiNewsNet corpus; docs/architecture.md, "Near-duplicate
// groups"): two articles are copies when
//   - their MinHash sketches (minhash.ts) share a band — the candidates, found through the primary
//     key of fingerprint_bands, never by comparing all pairs;
//   - they were published at most MAX_DAYS apart (daily and weekly bulletins repeat their template);
//   - the exact Jaccard similarity of their 3-word shingles is at least SAME_STORY (templates that
//     differ only in names, such as congratulation telegrams to two presidents, stay below it).
// A new article joins the group of its most similar copy only if it is at least GROUP_LINK similar
// to, and published within MAX_DAYS of, the group's first and newest members, so a chain of small
// edits (or a bulletin repeated day after day) never links two different stories.
// Groups are labelled by the id of their first article (articles.group_id; NULL: no copies).
// The headline plays no part: copies often differ there, and a prefix changes nothing.
//
// Work happens once per committed import batch, inside its transaction (a kill never leaves half a
// group). The importer hands over the normalised text it already has (added), so the only text read
// back from the archive is that of the rare candidates.

import type Database from 'better-sqlite3';
import { scanWords } from '../arabic/scanWords.js';
import { MIN_SHINGLES, distinctShingles, sortedJaccard } from '../arabic/fingerprint.js';
import { BANDS, sketchBands } from './minhash.js';

/** Shingle similarity at which two articles are the same story. */
export const SAME_STORY = 0.75;
/** Similarity a new copy needs with every member of the group it joins. */
export const GROUP_LINK = 0.6;
/** Largest gap between the publication times of two copies. */
export const MAX_DAYS = 3;

const DAY_MS = 86_400_000;
/** Shingle lists kept (most recently used): the articles just added, and the first copies of stories. */
const SHINGLE_CACHE = 2048;
/**
 * Articles a band holds at most, and group members a new copy is checked against (the first and
 * the newest): a text repeated thousands of times (a site's boilerplate) costs the same as a story
 * with two copies.
 */
const PER_BAND = 8;
const CHECKED_MEMBERS = 8;
/** Candidates (the newest) whose texts a new article is compared with. */
const MAX_COMPARED = 16;

/** The normalised text of an article the importer has just analysed (process-page.ts: PageAnalysis). */
export interface AnalysedText {
  titleKey: string;
  title: { norm: string };
  body: { norm: string };
  /** sketchBands(comparedText(body, title)), when the parse worker computed it (null: no shingle). */
  bands?: number[] | null;
  /** The sorted distinct shingles of comparedText(body, title), when the parse worker computed them. */
  shingles?: Uint32Array | null;
}

interface Candidate {
  id: number;
  published_at: string | null;
  group_id: number | null;
}

interface NewRow {
  id: number;
  title_key: string;
  published_at: string | null;
}

function timeOf(published: string | null): number {
  if (!published) return NaN;
  return Date.parse(published.length === 10 ? `${published}T00:00:00Z` : `${published}Z`);
}

/**
 * Band keys carry the publication period (8-day buckets) in their high bits: copies are published at
 * most MAX_DAYS apart, so an article looks in its own bucket and the neighbour on its near side, and
 * the keys an import writes fall in a few narrow ranges of the index (a few pages per batch, not one
 * page per key). Undated articles share bucket 0.
 */
const BUCKET_DAYS = 8;

function bucketsOf(published: string | null): { own: number; near: number | null } {
  const t = timeOf(published);
  if (Number.isNaN(t)) return { own: 0, near: null };
  const day = Math.max(BUCKET_DAYS, Math.floor(t / DAY_MS));
  const own = Math.floor(day / BUCKET_DAYS);
  const at = day % BUCKET_DAYS;
  const near = at < MAX_DAYS ? own - 1 : at >= BUCKET_DAYS - MAX_DAYS ? own + 1 : null;
  return { own, near };
}

function bandKey(bucket: number, band: number, hash: number): number {
  return (bucket * BANDS + band) * 0x1_0000_0000 + hash;
}

function closeInTime(a: string | null, b: string | null): boolean {
  const ta = timeOf(a);
  const tb = timeOf(b);
  return Number.isNaN(ta) || Number.isNaN(tb) || Math.abs(ta - tb) <= MAX_DAYS * DAY_MS;
}

/** True when copies are compared on the body alone (comparedText): it has MIN_SHINGLES + 2 words or more. */
export function bodyIsCompared(bodyNorm: string): boolean {
  if (bodyNorm.length === 0) return false;
  let words = 1; // words of a normalised text are joined by single spaces; counting stops at enough
  for (let i = 0; i < bodyNorm.length && words < MIN_SHINGLES + 2; i++) if (bodyNorm.charCodeAt(i) === 0x20) words++;
  return words >= MIN_SHINGLES + 2;
}

/** The text two copies are compared on: the body, with the headline only when the body alone is too short. */
export function comparedText(bodyNorm: string, titleNorm: string): string {
  return bodyIsCompared(bodyNorm) ? bodyNorm : `${titleNorm} ${bodyNorm}`;
}

/** Jaccard similarity of two texts' shingles; 0 when either is too short to say. */
function similarity(a: Uint32Array, b: Uint32Array): number {
  return a.length < MIN_SHINGLES || b.length < MIN_SHINGLES ? 0 : sortedJaccard(a, b);
}

/** The sorted distinct shingles of a compared text (a copy: distinctShingles returns scratch space). */
function shinglesOf(text: string): Uint32Array {
  return distinctShingles(text).slice();
}

interface Placing {
  row: NewRow;
  /** The compared text, made only when its shingles were not handed over. */
  text: () => string;
  own: number[];
  near: number[];
  /** Handed over by the parse worker; computed when needed otherwise. */
  shingles: Uint32Array | null;
}

/** The body text of an article row (its paragraphs joined), '' when the row is damaged. */
export function bodyOf(paragraphs: string): string {
  try {
    const value: unknown = JSON.parse(paragraphs);
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string').join('\n') : '';
  } catch {
    return ''; // a damaged row is compared as empty: it joins no group
  }
}

/** Groups articles as they are stored; one per import (or migration), used inside write transactions. */
export class NearDuplicateGrouper {
  private readonly s;
  private lastId: number;
  private readonly shingleCache = new Map<number, Uint32Array>();
  private pending: AnalysedText[] = [];
  /** Articles that joined a group, texts read back, and time spent (for reports and benchmarks). */
  grouped = 0;
  readBack = 0;
  elapsedMs = 0;

  constructor(db: Database.Database) {
    this.s = {
      maxId: db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck(),
      newArticles: db.prepare('SELECT id, title_key, published_at FROM articles WHERE id > ? ORDER BY id'),
      // The bands of a whole batch are read in one statement and written in one, in key order.
      bands: db.prepare('SELECT band, article_id FROM fingerprint_bands WHERE band IN (SELECT value FROM json_each(?))').raw(),
      addBands: db.prepare(
        "INSERT OR IGNORE INTO fingerprint_bands (band, article_id) SELECT value ->> '$[0]', value ->> '$[1]' FROM json_each(?)",
      ),
      candidates: db.prepare('SELECT id, published_at, group_id FROM articles WHERE id IN (SELECT value FROM json_each(?))'),
      text: db.prepare('SELECT title, paragraphs FROM articles WHERE id = ?'),
      members: db.prepare(
        `SELECT id, published_at FROM (SELECT id, published_at FROM articles WHERE group_id = @group ORDER BY id LIMIT 1)
         UNION SELECT id, published_at FROM (SELECT id, published_at FROM articles WHERE group_id = @group ORDER BY id DESC LIMIT ${CHECKED_MEMBERS - 1})`,
      ),
      setGroup: db.prepare('UPDATE articles SET group_id = ? WHERE id = ?'),
    };
    this.lastId = this.s.maxId.get() as number;
  }

  /** Starts over from the first article (the migration that groups an existing archive). */
  fromStart(): this {
    this.lastId = 0;
    return this;
  }

  /** The text of an article the import has just added (in the order added), so it need not be read back. */
  added(article: AnalysedText): void {
    this.pending.push(article);
  }

  /** Groups the articles stored since the last call (ids above those seen); call inside the batch transaction. */
  groupNew(): void {
    const started = performance.now();
    const rows = this.s.newArticles.all(this.lastId) as NewRow[];
    let next = 0;
    const batch: Placing[] = [];
    for (const row of rows) {
      this.lastId = Math.max(this.lastId, row.id);
      this.shingleCache.delete(row.id); // an id SQLite gave again after the article that had it was deleted
      // New rows come in the order the importer added them; a text that does not line up is read back.
      const handed = this.pending[next];
      let text: () => string;
      let bands: number[] | null;
      let shingles: Uint32Array | null = null;
      if (handed && handed.titleKey === row.title_key) {
        text = () => comparedText(handed.body.norm, handed.title.norm);
        bands = handed.bands === undefined ? sketchBands(text()) : handed.bands;
        shingles = handed.shingles ?? null;
        next++;
      } else {
        const stored = this.readText(row.id);
        text = () => stored;
        bands = sketchBands(stored);
      }
      if (bands === null) continue;
      const buckets = bucketsOf(row.published_at);
      const own = bands.map((hash, b) => bandKey(buckets.own, b, hash));
      const near = buckets.near === null ? [] : bands.map((hash, b) => bandKey(buckets.near!, b, hash));
      batch.push({ row, text, own, near, shingles });
    }
    this.pending = [];
    if (batch.length > 0) this.placeBatch(batch);
    this.elapsedMs += performance.now() - started;
  }

  /**
   * Candidates of each new article: the articles in its bands (its bucket's and the near one's),
   * stored before it (earlier batches, or earlier in this one). A band that already holds PER_BAND
   * articles (a text repeated many times) takes no more, so an article's candidates are bounded.
   */
  private placeBatch(batch: Placing[]): void {
    const inBand = new Map<number, number[]>();
    const allKeys = [...new Set(batch.flatMap((b) => [...b.own, ...b.near]))].sort((x, y) => x - y);
    for (const [band, id] of this.s.bands.all(JSON.stringify(allKeys)) as Array<[number, number]>) {
      const list = inBand.get(band);
      if (list) list.push(id);
      else inBand.set(band, [id]);
    }
    const added: Array<[number, number]> = [];
    for (const placing of batch) {
      const { row, own, near } = placing;
      const ids = new Set<number>();
      for (const key of [...own, ...near]) for (const id of inBand.get(key) ?? []) if (id !== row.id) ids.add(id);
      for (const key of own) {
        let list = inBand.get(key);
        if (!list) inBand.set(key, (list = []));
        if (list.length < PER_BAND && !list.includes(row.id)) {
          list.push(row.id);
          added.push([key, row.id]);
        }
      }
      if (ids.size > 0) this.place(placing, [...ids]);
      // Copies of a story arrive close together: the article just added is the next one's likely candidate.
      if (placing.shingles !== null) this.remember(row.id, placing.shingles);
    }
    added.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    this.s.addBands.run(JSON.stringify(added));
  }

  private place(placing: Placing, candidateIds: number[]): void {
    const article = placing.row;
    // The newest candidates first, and not too many of them: copies of a story arrive close together.
    const newest = candidateIds.sort((a, b) => b - a).slice(0, MAX_COMPARED);
    const close = (this.s.candidates.all(JSON.stringify(newest)) as Candidate[]).filter((c) => closeInTime(article.published_at, c.published_at));
    if (close.length === 0) return;
    const mine = (placing.shingles ??= shinglesOf(placing.text()));
    if (mine.length < MIN_SHINGLES) return;
    const scored = close
      .map((c) => ({ c, similarity: similarity(mine, this.shingles(c.id)) }))
      .filter((x) => x.similarity >= SAME_STORY)
      .sort((a, b) => b.similarity - a.similarity || a.c.id - b.c.id);
    const tried = new Set<number>();
    for (const { c } of scored) {
      const group = c.group_id ?? c.id;
      if (tried.has(group)) continue;
      tried.add(group);
      const members = c.group_id === null ? [] : (this.s.members.all({ group }) as Array<{ id: number; published_at: string | null }>);
      // Every member checked must be close in time too: a text repeated day after day is not one story.
      if (!members.every((m) => m.id === c.id || (closeInTime(article.published_at, m.published_at) && similarity(mine, this.shingles(m.id)) >= GROUP_LINK))) continue;
      if (c.group_id === null) this.s.setGroup.run(group, c.id);
      this.s.setGroup.run(group, article.id);
      this.grouped++;
      return;
    }
  }

  private readText(id: number): string {
    const row = this.s.text.get(id) as { title: string; paragraphs: string } | undefined;
    if (!row) return '';
    this.readBack++;
    return comparedText(scanWords(bodyOf(row.paragraphs)).norm, scanWords(row.title).norm);
  }

  /** Shingles of a stored article, cached (a story's copies are compared with the same first copy). */
  private shingles(id: number): Uint32Array {
    const hit = this.shingleCache.get(id);
    if (hit) {
      this.remember(id, hit); // used again: kept longer
      return hit;
    }
    const shingles = shinglesOf(this.readText(id));
    this.remember(id, shingles);
    return shingles;
  }

  private remember(id: number, shingles: Uint32Array): void {
    this.shingleCache.delete(id);
    if (this.shingleCache.size >= SHINGLE_CACHE) this.shingleCache.delete(this.shingleCache.keys().next().value as number);
    this.shingleCache.set(id, shingles);
  }
}
