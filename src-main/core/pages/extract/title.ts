/**
 * The article's title: the headline that the page's metadata (JSON-LD headline/name, og:title,
 * twitter:title, Dublin Core, a `headline` meta) and its visible `<h1>`s agree on; else the metadata's
 * headline; else the `<title>` without its site-name part; else the first `<h1>`. A site name is only ever cut at a
 * separator (" | ", " - ", " – ", " :: ", " » "…) when the cut part names the site; any other
 * punctuation, a trailing "..", "!" or "…" included, stays as written.
 */
import { countWords } from '../chars.js';
import { decodeCharacterReferences } from '../references.js';

export interface TitleSources {
  /** Metadata titles, most trusted first (JSON-LD, og:title, twitter:title, dc.title, meta title…). */
  metadata: string[];
  /** How many of the first `metadata` titles come from JSON-LD (its name and headline). */
  fromJsonLd?: number;
  /** The `<title>` text. */
  documentTitle: string | null;
  /** Visible headings that may be the headline (`<h1>`s, itemprop=headline), in page order. */
  headings: string[];
  /** `<h1>`/`<h2>` texts in page order (Readability's check of a `<title>` with a colon). */
  h1h2: string[];
  /** Names the site goes by (og:site_name, publisher, application-name, domain labels). */
  siteNames: string[];
}

const SEPARATOR = /\s+(?:[|\-–—·•»:\\/~]|::|\/\/)\s+/gu;

/** A loose key for comparing titles: letters and digits only, lower-cased. */
export function titleCompareKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670\u0640]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A site name's key: accents dropped and German ae/oe/ue spellings folded ("Börsen" = "boersen"). */
function siteKey(text: string): string {
  return titleCompareKey(text.normalize('NFD').replace(/\p{M}+/gu, '')).replace(/([aou])e/gu, '$1');
}

function siteKeys(names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const key = siteKey(name);
    if (key.length >= 2) keys.add(key);
  }
  return keys;
}

/** Whether a separated part of a title is the site's name (not part of the headline). */
function isSiteName(part: string, keys: ReadonlySet<string>): boolean {
  const key = siteKey(part);
  if (key.length === 0) return true;
  for (const site of keys) {
    if (key === site || (key.length >= 3 && site.includes(key)) || (site.length >= 3 && key.includes(site) && key.length <= site.length + 12)) {
      return true;
    }
  }
  return false;
}

/** The title without a leading or trailing part that names the site (cut only at a separator). */
export function withoutSiteName(title: string, siteNames: readonly string[]): string {
  const keys = siteKeys(siteNames);
  if (keys.size === 0) return title;
  let text = title;
  for (let round = 0; round < 3; round++) {
    const cuts = [...text.matchAll(SEPARATOR)];
    if (cuts.length === 0) break;
    const last = cuts[cuts.length - 1] as RegExpMatchArray;
    const first = cuts[0] as RegExpMatchArray;
    const tail = text.slice((last.index ?? 0) + last[0].length);
    const head = text.slice(0, first.index ?? 0);
    if (isSiteName(tail, keys) && titleCompareKey(text.slice(0, last.index)).length > 0) text = text.slice(0, last.index);
    else if (isSiteName(head, keys) && titleCompareKey(text.slice((first.index ?? 0) + first[0].length)).length > 0) {
      text = text.slice((first.index ?? 0) + first[0].length);
    } else break;
  }
  return text.trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/u).length;
}

/** Readability's reading of `<title>`: the part before the last separator, unless that leaves too little. */
export function titleFromDocumentTitle(documentTitle: string, h1h2: readonly string[]): string {
  const original = documentTitle.trim();
  let title = original;
  let hierarchical = false;
  if (/ [|\-\\/>»] /u.test(title)) {
    hierarchical = / [\\/>»] /u.test(title);
    const all = [...original.matchAll(/ [|\-\\/>»] /gu)];
    title = original.substring(0, all[all.length - 1]?.index ?? original.length);
    if (wordCount(title) < 3) title = original.replace(/^[^|\-\\/>»]*[|\-\\/>»]/u, '');
  } else if (title.includes(': ')) {
    if (!h1h2.some((h) => h.trim() === original)) {
      title = original.substring(original.lastIndexOf(':') + 1);
      if (wordCount(title) < 3) title = original.substring(original.indexOf(':') + 1);
      else if (wordCount(original.substring(0, original.indexOf(':'))) > 5) title = original;
    }
  }
  title = title.trim().replace(/\s{2,}/gu, ' ');
  const words = wordCount(title);
  if (words <= 4 && (!hierarchical || words !== wordCount(original.replace(/[|\-\\/>»]+/gu, '')) - 1)) title = original;
  return title;
}

/** Runs of any whitespace (line breaks included) as one space, ends trimmed. */
export function squeezeAll(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2028\u2029]+/gu, ' ').trim();
}

/** The parts of a title between its separators that could stand alone: every prefix and suffix. */
function separatedParts(title: string): string[] {
  const cuts = [...title.matchAll(SEPARATOR)];
  const parts: string[] = [];
  for (const cut of cuts) {
    const at = cut.index ?? 0;
    parts.push(title.slice(0, at).trim(), title.slice(at + cut[0].length).trim());
  }
  return parts.filter((p) => p.split(' ').length >= 2);
}

const ELLIPSIS_END = /\s*(?:\.\.\.|…)$/u;

/** Whether `short` is `long` cut off: marked with "…", or cut in the middle of a word (not at a separator). */
function isShortenedFrom(short: string, long: string): boolean {
  const marked = ELLIPSIS_END.test(short);
  const stem = short.replace(ELLIPSIS_END, '');
  if (stem.length < 20 || long.length <= stem.length || !long.startsWith(stem)) return false;
  return marked || /[\p{L}\p{N}]/u.test(long.charAt(stem.length));
}

const clean = (t: string): string => squeezeAll(decodeCharacterReferences(t));

export function chooseTitle(sources: TitleSources): string | null {
  const chosen = pickTitle(sources);
  return chosen === null ? null : inMostStatedForm(chosen, sources);
}

/**
 * Whether a whole title is only the site's name (or a part of it): what pages that leave og:title to
 * the site's defaults state ("Example News" of "Example News - Latest News & Headlines"). Stricter than
 * `isSiteName`, which judges a separated part: a headline that only mentions the site is kept.
 */
function isOnlySiteName(title: string, keys: ReadonlySet<string>): boolean {
  const key = siteKey(title);
  if (key.length === 0) return true;
  for (const site of keys) if (key === site || (key.length >= 3 && site.includes(key))) return true;
  return false;
}

function pickTitle(sources: TitleSources): string | null {
  const names = siteKeys(sources.siteNames);
  const jsonLdCount = sources.fromJsonLd ?? 0;
  // Each metadata title without its site-name part; one that is nothing but the site's name states no headline.
  const stated = sources.metadata
    .map((t, i) => ({ text: withoutSiteName(clean(t), sources.siteNames), fromJsonLd: i < jsonLdCount }))
    .filter((t) => t.text.length > 0 && !isOnlySiteName(t.text, names));
  const metadata = stated.map((t) => t.text);
  const headings = sources.headings.map(clean).filter((t) => t.length > 0);
  const documentTitle = sources.documentTitle === null ? null : clean(sources.documentTitle);
  const strippedTitle = documentTitle === null ? null : withoutSiteName(documentTitle, sources.siteNames);

  const first = metadata[0];
  if (first !== undefined) {
    const firstFromJsonLd = stated[0]?.fromJsonLd === true;
    const others = metadata.slice(1);
    // Other sources that state a headline on their own (not the <title>, which carries the site's chrome).
    const otherMetadata = new Set(others.map(titleCompareKey).filter((k) => k.length > 0));
    const headingKeys = new Set(headings.map(titleCompareKey).filter((k) => k.length > 0));
    const firstKey = titleCompareKey(first);
    const parts = [...separatedParts(first), ...kickerRemoved(first)];
    // Another metadata field that states the headline without its kicker, section or site name (copies of
    // the whole in other fields are common and prove less); then the whole as another field states it.
    for (const part of parts) if (otherMetadata.has(titleCompareKey(part))) return part;
    // The headline the metadata and a visible heading both state, each after a label of its own.
    const shared = headlineUnderOtherLabels(first, headings);
    if (shared !== null) return shared;
    const bare = others.find((t) => isTitleWithSiteChrome(first, t, names));
    if (bare !== undefined) return bare;
    if (otherMetadata.has(firstKey)) return first;
    // … or as a visible heading states it.
    if (headingKeys.has(firstKey)) return first;
    for (const part of parts) if (headingKeys.has(titleCompareKey(part))) return part;
    // JSON-LD that nothing confirms (often the SEO title) while the visible headline states another
    // metadata title (og:title…), alone or after a kicker run into it: the headline the page shows.
    if (firstFromJsonLd) {
      const confirmed =
        others.find((t) => headingKeys.has(titleCompareKey(t))) ?? others.find((t) => headings.some((h) => endsAfterKicker(h, t)));
      if (confirmed !== undefined) return confirmed;
    }
    // A headline the metadata shortened (cut with "…", or in the middle of a word).
    const longer = [...metadata.slice(1), ...headings].find((t) => isShortenedFrom(first, t));
    return longer ?? first;
  }
  if (documentTitle !== null && documentTitle.length > 0) {
    const parts = [strippedTitle ?? documentTitle, ...separatedParts(documentTitle)];
    for (const heading of headings) if (parts.some((p) => titleCompareKey(p) === titleCompareKey(heading))) return heading;
    const fromTitle = strippedTitle !== documentTitle ? (strippedTitle ?? documentTitle) : titleFromDocumentTitle(documentTitle, sources.h1h2);
    // A <title> of a word or two ("News - Site") says less than the page's own headline.
    const heading = headings[0];
    return heading !== undefined && countWords(fromTitle) <= 2 && countWords(heading) >= 3 ? heading : fromTitle;
  }
  return headings[0] ?? null;
}

/**
 * Whether `title` is `headline` with the site's chrome run on after it without a spaced separator
 * ("Headline-Section|Site"): what follows the headline starts with punctuation and ends with the site's name.
 */
function isTitleWithSiteChrome(title: string, headline: string, keys: ReadonlySet<string>): boolean {
  if (countWords(headline) < 3 || !title.startsWith(headline)) return false;
  const rest = title.slice(headline.length);
  if (rest.length > 60 || !/^\s*[\p{P}\p{S}\u3163]/u.test(rest)) return false;
  const key = siteKey(rest);
  for (const site of keys) if (key.endsWith(site)) return true;
  return false;
}

/** "Label: Headline": a label before the first colon, and a headline of some length after it. */
const COLON_LABEL = /^([^:：]{2,60})[:：]\s+(\S.{8,})$/u;
/** The first separator of a title (SEPARATOR without its global flag). */
const FIRST_SEPARATOR = new RegExp(SEPARATOR.source, 'u');

/** "Kicker: Headline" → ["Headline"] (a label before the first colon, of a few words). */
function kickerRemoved(title: string): string[] {
  const m = COLON_LABEL.exec(title);
  return m !== null && countWords(m[1] ?? '') <= 6 ? [(m[2] ?? '').trim()] : [];
}

/** "Label: Headline" or "Label - Headline" → the label and the headline (split at the first colon or separator). */
function labelled(title: string): { label: string; headline: string } | null {
  const colon = COLON_LABEL.exec(title);
  if (colon !== null) return { label: (colon[1] ?? '').trim(), headline: (colon[2] ?? '').trim() };
  const cut = FIRST_SEPARATOR.exec(title);
  if (cut === null) return null;
  return { label: title.slice(0, cut.index).trim(), headline: title.slice(cut.index + cut[0].length).trim() };
}

function words(text: string): Set<string> {
  return new Set(text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0));
}

/**
 * A headline that `title` and one of the headings both state after a label, when the two labels differ
 * (a kicker in og:title, another in the <h1>): "Israel: «Quote»" and "Middle East - «Quote»" → "«Quote»".
 */
function headlineUnderOtherLabels(title: string, headings: readonly string[]): string | null {
  const own = labelled(title);
  if (own === null || countWords(own.label) > 8 || countWords(own.headline) < 4) return null;
  const key = titleCompareKey(own.headline);
  const ownLabel = words(own.label);
  for (const heading of headings) {
    const other = labelled(heading);
    if (other === null || titleCompareKey(other.headline) !== key || countWords(other.label) > 8) continue;
    const otherLabel = words(other.label);
    const common = [...ownLabel].filter((w) => otherLabel.has(w)).length;
    if (2 * common < Math.min(ownLabel.size, otherLabel.size)) return own.headline;
  }
  return null;
}

/** The texts each source states (metadata, headings, the <title> with its separated parts), one set per source. */
function statedForms(sources: TitleSources): Set<string>[] {
  const forms = [
    ...sources.metadata.map((t) => new Set([withoutSiteName(clean(t), sources.siteNames)])),
    ...sources.headings.map((h) => new Set([clean(h)])),
  ];
  if (sources.documentTitle !== null) {
    const documentTitle = clean(sources.documentTitle);
    forms.push(new Set([withoutSiteName(documentTitle, sources.siteNames), ...separatedParts(documentTitle)]));
  }
  return forms;
}

const QUOTE_MARKS = /["'«»‹›“”„‟‘’‚‛「」『』]/gu;

function quoteMarks(text: string): string {
  return (text.match(QUOTE_MARKS) ?? []).join('');
}

function punctuationCount(text: string): number {
  return (text.match(/[\p{P}\p{S}]/gu) ?? []).length;
}

/**
 * The chosen headline as most sources write it, when they word and quote it the same but punctuate it
 * differently ("Label - Headline" in JSON-LD, "Label: Headline" in og:title and <title>). A copy with
 * fewer marks (a kicker and headline run together in a heading, a <title> without the separator) is
 * the same text flattened, not another way of writing it: it does not vote.
 */
function inMostStatedForm(chosen: string, sources: TitleSources): string {
  const key = titleCompareKey(chosen);
  const quotes = quoteMarks(chosen);
  const marks = punctuationCount(chosen);
  const counts = new Map<string, number>();
  for (const source of statedForms(sources)) {
    for (const form of source) {
      if (titleCompareKey(form) !== key || quoteMarks(form) !== quotes || punctuationCount(form) !== marks) continue;
      counts.set(form, (counts.get(form) ?? 0) + 1);
    }
  }
  let best = chosen;
  let bestCount = counts.get(chosen) ?? 0;
  for (const [form, count] of counts) {
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Whether `heading` is `title` after a kicker ("Kicker Headline": a label in its own element, run into the
 * headline with or without a space). The kicker is short; the headline is not.
 */
function endsAfterKicker(heading: string, title: string): boolean {
  const headingKey = titleCompareKey(heading);
  const titleKey = titleCompareKey(title);
  const kicker = headingKey.length - titleKey.length;
  return countWords(title) >= 4 && kicker >= 2 && kicker <= 60 && headingKey.endsWith(titleKey);
}
