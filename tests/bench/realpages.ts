/**
 * The real-pages corpus (`../shared/corpora/realpages/`, see its README) and its scoring rules, shared by
 * `extract.bench.ts` and the integration test. Scoring follows the corpus README exactly: words after
 * NFKC + case fold with harakat, tatweel and invisible format characters removed; a word is a run of
 * word characters and every CJK character is a word of its own; bag-of-words precision/recall/F1 of
 * the body; titles compared after the same normalisation with quotes and dashes unified, spaces squeezed
 * and outer punctuation trimmed; dates by their "YYYY-MM-DD".
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REALPAGES_DIR = path.resolve(fileURLToPath(new URL('../../../shared/corpora/realpages', import.meta.url)));

export interface TruthRow {
  id: string;
  set: string;
  file: string;
  url: string;
  lang: string | null;
  rtl: boolean;
  title: string;
  date: string | null;
  body: string;
}

/** The corpus's truth rows, or null (with the reason) when the corpus is not there. */
export function loadTruth(dir = REALPAGES_DIR): { rows: TruthRow[] } | { missing: string } {
  const file = path.join(dir, 'truth.jsonl');
  if (!fs.existsSync(file)) return { missing: `${file} not found (the real-pages corpus lives in ../shared, outside the repo)` };
  const rows = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as TruthRow);
  return { rows };
}

/** Harakat, superscript alef and tatweel; every invisible format character (soft hyphen, zero-width, bidi). */
const STRIP = /[\u064b-\u065f\u0670\u0640\p{Cf}]/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD_RUN = /[\p{L}\p{N}_]+/gu;

/** Python's str.casefold for the cases that matter here (lower-casing plus the full folds of ß and final sigma). */
function caseFold(text: string): string {
  return text.toLowerCase().replace(/ß/gu, 'ss').replace(/ς/gu, 'σ');
}

export function normalizeForScore(text: string): string {
  return caseFold(text.normalize('NFKC')).replace(STRIP, '');
}

export function scoreWords(text: string): string[] {
  const out: string[] = [];
  for (const run of normalizeForScore(text).match(WORD_RUN) ?? []) {
    if (!CJK.test(run)) {
      out.push(run);
      continue;
    }
    let word = '';
    for (const ch of run) {
      if (CJK.test(ch)) {
        if (word.length > 0) out.push(word);
        out.push(ch);
        word = '';
      } else word += ch;
    }
    if (word.length > 0) out.push(word);
  }
  return out;
}

export interface BodyScore {
  precision: number;
  recall: number;
  f1: number;
}

export function scoreBody(extracted: readonly string[] | null, truth: string): BodyScore {
  if (extracted === null) return { precision: 0, recall: 0, f1: 0 };
  const got = scoreWords(extracted.join('\n'));
  const want = new Map<string, number>();
  for (const word of scoreWords(truth)) want.set(word, (want.get(word) ?? 0) + 1);
  const wantTotal = [...want.values()].reduce((a, b) => a + b, 0);
  let common = 0;
  for (const word of got) {
    const left = want.get(word) ?? 0;
    if (left > 0) {
      common++;
      want.set(word, left - 1);
    }
  }
  if (common === 0) return { precision: 0, recall: 0, f1: 0 };
  const precision = common / got.length;
  const recall = common / wantTotal;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

const QUOTES = /[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f"'`\u00b4\u2032\u2033]/gu;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/gu;
const OUTER = /^[\s.:\-|'"]+|[\s.:\-|'"]+$/gu;

export function normalizeTitle(title: string): string {
  return normalizeForScore(title).replace(QUOTES, '"').replace(DASHES, '-').replace(/\s+/gu, ' ').replace(OUTER, '');
}

export function titleExact(extracted: string | null, truth: string): boolean {
  return extracted !== null && normalizeTitle(extracted) === normalizeTitle(truth);
}

export function dateExact(publishedAt: string | null, truth: string | null): boolean {
  return truth !== null && publishedAt !== null && publishedAt.slice(0, 10) === truth.slice(0, 10);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
