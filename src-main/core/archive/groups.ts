// Near-duplicate groups: the same story stored more than once (a wire story on several sites, often
// behind a prefix such as «عام /» or with a word changed; a site posting a story twice). Search and
// browse show one row per group; the reader links the copies.
//
// Rule (measured on the 31k-article SaudiNewsNet corpus, docs/architecture.md "Near-duplicate
// groups"): two articles are copies when
//   - their SimHash fingerprints (core/arabic/fingerprint.ts) share one of the four 16-bit bands and
//     differ in at most CANDIDATE_BITS bits (unrelated texts differ in ≥ 20, median 32), and
//   - they were published at most MAX_DAYS apart (daily and weekly bulletins repeat their template), and
//   - the exact Jaccard similarity of their 3-word shingles is at least SAME_STORY (templates that
//     differ only in names, such as congratulation telegrams to two presidents, stay below it).
// A new article joins the group of its most similar copy only if it is at least GROUP_LINK similar
// to every member already there, so a chain of small edits never links two different stories.
// Groups are labelled by the id of their first article (articles.group_id; NULL: no copies).
//
// Work happens once per committed import batch, inside its transaction (a kill never leaves half a
// group): the new articles' bands are written to fingerprint_bands, and candidates are read back
// through that table's primary key; texts are compared only for the rare close fingerprints.

import type Database from 'better-sqlite3';
import { analyzeForIndex } from '../arabic/analyze.js';
import { FINGERPRINT_BYTES, MIN_SHINGLES, fingerprintBands, fingerprintDistance, jaccard, shingleSet } from '../arabic/fingerprint.js';

/** Fingerprints further apart than this are never compared by their texts. */
export const CANDIDATE_BITS = 12;
/** Shingle similarity at which two articles are the same story. */
export const SAME_STORY = 0.75;
/** Similarity a new copy needs with every member of the group it joins. */
export const GROUP_LINK = 0.6;
/** Largest gap between the publication times of two copies. */
export const MAX_DAYS = 3;

const DAY_MS = 86_400_000;
const TEXT_CACHE = 4096;

interface Candidate {
  id: number;
  fingerprint: Buffer | null;
  published_at: string | null;
  group_id: number | null;
}

interface NewArticle {
  id: number;
  fingerprint: Buffer | null;
  published_at: string | null;
}

function timeOf(published: string | null): number {
  if (!published) return NaN;
  return Date.parse(published.length === 10 ? `${published}T00:00:00Z` : `${published}Z`);
}

function closeInTime(a: string | null, b: string | null): boolean {
  const ta = timeOf(a);
  const tb = timeOf(b);
  return Number.isNaN(ta) || Number.isNaN(tb) || Math.abs(ta - tb) <= MAX_DAYS * DAY_MS;
}

/** The band keys of a fingerprint: band index in the high bits, so the four bands never collide. */
export function bandKeys(fingerprint: Uint8Array): number[] {
  return fingerprintBands(fingerprint).map((band, k) => k * 65_536 + band);
}

/** Jaccard similarity of two texts' shingles; 0 when either is too short to say. */
function similarity(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  return a.size < MIN_SHINGLES || b.size < MIN_SHINGLES ? 0 : jaccard(a, b);
}

function parseBody(paragraphs: string): string {
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
  private readonly texts = new Map<number, ReadonlySet<number>>();
  /** Articles grouped and texts compared so far (for the import's report and the benchmark). */
  grouped = 0;
  compared = 0;
  elapsedMs = 0;

  constructor(private readonly db: Database.Database) {
    this.s = {
      maxId: db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck(),
      newArticles: db.prepare('SELECT id, fingerprint, published_at FROM articles WHERE id > ? ORDER BY id'),
      candidates: db.prepare(
        `SELECT DISTINCT a.id, a.fingerprint, a.published_at, a.group_id FROM fingerprint_bands b JOIN articles a ON a.id = b.article_id
          WHERE b.band IN (?, ?, ?, ?) AND b.article_id != ?`,
      ),
      text: db.prepare('SELECT title, paragraphs FROM articles WHERE id = ?'),
      members: db.prepare('SELECT id FROM articles WHERE group_id = ?').pluck(),
      setGroup: db.prepare('UPDATE articles SET group_id = ? WHERE id = ?'),
      addBand: db.prepare('INSERT OR IGNORE INTO fingerprint_bands (band, article_id) VALUES (?, ?)'),
    };
    this.lastId = this.s.maxId.get() as number;
  }

  /** Starts over from the first article (the migration that groups an existing archive). */
  fromStart(): this {
    this.lastId = 0;
    return this;
  }

  /** Groups the articles stored since the last call (ids above those seen); call inside the batch transaction. */
  groupNew(): void {
    const started = performance.now();
    const rows = this.s.newArticles.all(this.lastId) as NewArticle[];
    for (const row of rows) {
      this.lastId = Math.max(this.lastId, row.id);
      this.place(row);
    }
    this.elapsedMs += performance.now() - started;
  }

  private place(article: NewArticle): void {
    const fp = article.fingerprint;
    if (!fp || fp.length !== FINGERPRINT_BYTES) return;
    const keys = bandKeys(fp);
    const close = (this.s.candidates.all(...keys, article.id) as Candidate[]).filter(
      (c) => fingerprintDistance(fp, c.fingerprint) <= CANDIDATE_BITS && closeInTime(article.published_at, c.published_at),
    );
    for (const key of keys) this.s.addBand.run(key, article.id);
    if (close.length === 0) return;
    const mine = this.shingles(article.id);
    const scored = close
      .map((c) => ({ c, similarity: similarity(mine, this.shingles(c.id)) }))
      .filter((x) => x.similarity >= SAME_STORY)
      .sort((a, b) => b.similarity - a.similarity || a.c.id - b.c.id);
    for (const { c } of scored) {
      const group = c.group_id ?? c.id;
      const members = c.group_id === null ? [c.id] : (this.s.members.all(group) as number[]);
      if (!members.every((m) => m === c.id || similarity(mine, this.shingles(m)) >= GROUP_LINK)) continue;
      if (c.group_id === null) this.s.setGroup.run(group, c.id);
      this.s.setGroup.run(group, article.id);
      this.grouped++;
      return;
    }
  }

  /** Shingles of an article's body (with its headline when the body alone is short), cached. */
  private shingles(id: number): ReadonlySet<number> {
    const hit = this.texts.get(id);
    if (hit) return hit;
    this.compared++;
    const row = this.s.text.get(id) as { title: string; paragraphs: string } | undefined;
    let set: ReadonlySet<number> = new Set<number>();
    if (row) {
      const body = analyzeForIndex(parseBody(row.paragraphs)).norm;
      set = shingleSet(body);
      if (set.size < MIN_SHINGLES) set = shingleSet(`${analyzeForIndex(row.title).norm} ${body}`);
    }
    if (this.texts.size >= TEXT_CACHE) this.texts.delete(this.texts.keys().next().value as number);
    this.texts.set(id, set);
    return set;
  }
}
