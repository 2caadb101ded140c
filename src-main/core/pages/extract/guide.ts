/**
 * The page's own statement of its text: many news pages repeat the article in JSON-LD `articleBody`.
 * When the extracted text misses most of a long `articleBody` (the article is split over containers the
 * scoring did not join, or sits where it did not look), the page's blocks that the `articleBody` holds
 * are taken instead, in page order — the page's paragraphs, not one run-on JSON string.
 */
import { parseDocument } from './dom.js';
import { renderBlocks, type Block } from './blocks.js';

/** An articleBody shorter than this is a teaser, not the article. */
const MIN_BODY_CHARS = 400;
/** Below this share of the articleBody's words the extraction is taken to have missed the article. */
const MIN_COVERAGE = 0.6;
/** A block belongs to the article when this share of its words is in the articleBody. */
const BLOCK_MATCH = 0.8;
/** The guided blocks must cover this much more of the articleBody to replace the extraction. */
const MIN_GAIN = 0.2;

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** Lower-cased words; each Chinese or Japanese character a word of its own. */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(WORD_RUN) ?? []) {
    if (!CJK.test(run)) out.push(run);
    else for (const ch of run) out.push(ch);
  }
  return out;
}

function coverage(texts: readonly string[], body: ReadonlySet<string>): number {
  const seen = new Set<string>();
  for (const text of texts) for (const word of wordsOf(text)) if (body.has(word)) seen.add(word);
  return body.size === 0 ? 1 : seen.size / body.size;
}

/** Blocks the articleBody holds, or null when the extraction already has the article (or no guide exists). */
export function blocksGuidedByBody(html: string, articleBody: string | null, extracted: readonly string[]): Block[] | null {
  if (articleBody === null || articleBody.length < MIN_BODY_CHARS) return null;
  const body = new Set(wordsOf(articleBody));
  const before = coverage(extracted, body);
  if (before >= MIN_COVERAGE) return null;
  const chosen: Block[] = [];
  let previous = '';
  for (const block of renderBlocks(parseDocument(html).body)) {
    const words = wordsOf(block.text);
    if (words.length < 3 || block.text === previous) continue;
    const inside = words.filter((w) => body.has(w)).length;
    if (inside >= words.length * BLOCK_MATCH) {
      chosen.push(block);
      previous = block.text;
    }
  }
  const after = coverage(chosen.map((b) => b.text), body);
  return after >= before + MIN_GAIN ? chosen : null;
}
