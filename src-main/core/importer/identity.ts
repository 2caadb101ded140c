// Which stored article a newly parsed page is, if any — the identity rule of the archive:
//
//  1. A canonical URL, when the page (or its crawl record) states one, is the strongest identity:
//     a stored article of the same site with that URL is this article — unless nothing else agrees
//     (another publication time, another headline in every version, an unrelated body), which is
//     what a site that gives every page its home page as "canonical" looks like.
//  2. Otherwise the same site and publication time, with the same headline (in any version) or a
//     near-identical body, is the same article: a re-scrape after the site edited its headline, a
//     figure or a paragraph. Two articles published the same minute with other headlines and other
//     bodies stay apart. Stored articles with another canonical URL never match.
//  3. A page without a publication time matches only a stored article of the same site and headline.

import type Database from 'better-sqlite3';
import { FINGERPRINT_BYTES, fingerprintDistance, shingleOverlap } from '../arabic/fingerprint.js';
import { analyzeForIndex } from '../arabic/index.js';
import { parseParagraphList } from '../archive/version-text.js';
import type { ParsedPage } from '../pages/types.js';
import type { PageAnalysis } from './process-page.js';

/**
 * Two bodies are one article's text when they share half their 3-word shingles (Jaccard), or when
 * most of the smaller one's are in the other (a paragraph removed or added). Unrelated articles
 * share next to none.
 */
export const SAME_BODY_SIMILARITY = 0.5;
export const SAME_BODY_CONTAINMENT = 0.8;
/**
 * Fingerprints further apart than this are not compared exactly: a body that shares half its
 * shingles with another, or is half of it, is ~16 bits away; unrelated texts are ~32 (rarely under 20).
 */
const FINGERPRINT_PREFILTER_BITS = 24;
/** Exact comparisons per page at most (a site whose pages give only a day can have many candidates). */
const MAX_BODY_COMPARISONS = 8;

interface Candidate {
  id: number;
  url: string | null;
  title_key: string;
  published_at: string | null;
  fingerprint: Buffer | null;
}

export class ArticleIdentity {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      byUrl: db.prepare('SELECT id, url, title_key, published_at, fingerprint FROM articles WHERE url = ? AND site = ? LIMIT 50'),
      byTime: db.prepare('SELECT id, url, title_key, published_at, fingerprint FROM articles WHERE published_at = ? AND site = ?'),
      byIdentity: db.prepare('SELECT id, url, title_key, published_at, fingerprint FROM articles WHERE identity = ?'),
      earlierTitle: db.prepare('SELECT 1 FROM versions WHERE article_id = ? AND title_key = ? LIMIT 1').pluck(),
      body: db.prepare('SELECT paragraphs FROM articles WHERE id = ?').pluck(),
    };
  }

  /** The identity key a new article is stored under (unique; see ArchiveWriter for collisions). */
  static naturalKey(site: string, page: ParsedPage, titleKey: string): string {
    return `${site}\u001f${page.publishedAt ?? ''}\u001f${titleKey}`;
  }

  /** The stored article this page is, or null for a new article. */
  find(site: string, page: ParsedPage, analysis: PageAnalysis): number | null {
    if (page.url) {
      for (const c of this.s.byUrl.all(page.url, site) as Candidate[]) {
        if (c.published_at === page.publishedAt || page.publishedAt === null || c.published_at === null) return c.id;
        if (this.sameTitle(c, analysis.titleKey) || this.sameBody(c, analysis)) return c.id;
      }
    }
    const compatible = (c: Candidate) => !(page.url && c.url && c.url !== page.url);
    if (page.publishedAt === null) {
      const c = this.s.byIdentity.get(ArticleIdentity.naturalKey(site, page, analysis.titleKey)) as Candidate | undefined;
      return c && compatible(c) ? c.id : null;
    }
    const candidates = (this.s.byTime.all(page.publishedAt, site) as Candidate[]).filter(compatible);
    if (candidates.length === 0) return null;
    for (const c of candidates) if (this.sameTitle(c, analysis.titleKey)) return c.id;
    return this.closestBody(candidates, analysis);
  }

  private sameTitle(c: Candidate, titleKey: string): boolean {
    return c.title_key === titleKey || this.s.earlierTitle.get(c.id, titleKey) !== undefined;
  }

  private sameBody(c: Candidate, analysis: PageAnalysis): boolean {
    return this.likeness(c, analysis) > 0;
  }

  private closestBody(candidates: Candidate[], analysis: PageAnalysis): number | null {
    if (!analysis.fingerprint) return null;
    const near = candidates
      .map((c) => ({ c, bits: fingerprintDistance(fingerprintBytes(c.fingerprint), analysis.fingerprint) }))
      .filter((x) => x.bits <= FINGERPRINT_PREFILTER_BITS)
      .sort((a, b) => a.bits - b.bits)
      .slice(0, MAX_BODY_COMPARISONS);
    let best: { id: number; likeness: number } | null = null;
    for (const { c } of near) {
      const likeness = this.likeness(c, analysis);
      if (likeness > 0 && (!best || likeness > best.likeness)) best = { id: c.id, likeness };
    }
    return best?.id ?? null;
  }

  /** How alike the stored body and the page's are (their Jaccard similarity), or 0 when they are not one text. */
  private likeness(c: Candidate, analysis: PageAnalysis): number {
    if (!analysis.fingerprint || !c.fingerprint) return 0; // too short to judge by the body
    const body = parseParagraphList(this.s.body.get(c.id) as string | null).join('\n');
    const { similarity, containment } = shingleOverlap(analyzeForIndex(body).norm, analysis.body.norm);
    return similarity >= SAME_BODY_SIMILARITY || containment >= SAME_BODY_CONTAINMENT ? Math.max(similarity, 0.001) : 0;
  }
}

function fingerprintBytes(blob: Buffer | null): Uint8Array | null {
  return blob && blob.length === FINGERPRINT_BYTES ? new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength) : null;
}
