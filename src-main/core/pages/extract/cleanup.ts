/**
 * The chrome that sits inside an article's content element, removed block by block: boxes whose class
 * names say what they are (share bars, "related" and "read also" boxes, author bios, newsletter and
 * subscription promos, consent placeholders, comments), photo captions and credits, the headline and
 * the date/byline/reading-time lines repeated above the text, "read also" lines with their links, and
 * whatever trails the last real paragraph (tags, "N comments", app badges). Rules look at words and
 * markup shapes in many languages, never at a particular site.
 */
import { countWordUnits, countWords, foldForMatch } from '../chars.js';
import { findDate } from '../dates.js';
import type { Block } from './blocks.js';
import { titleCompareKey } from './title.js';

export interface CleanupContext {
  title: string | null;
  author?: string | null;
}

/**
 * Class/id tokens of boxes that are never article text: a boilerplate word, optionally after other
 * parts ("c-article__share") and before parts that only say "box" ("share-buttons", "related-list-2").
 * "tag-politics" or "paywall" name what an article is, not a box in it, so they do not match.
 */
const BOILERPLATE_TOKEN = new RegExp(
  '(?:^|[-_])(?:share|sharing|sharebar|social|socials|related|recommend|recommended|recommendations|read-?also|read-?next|' +
    'more-?(?:stories|articles|news)|most-?(?:read|popular|viewed)|popular|trending|newsletter|newsletters|subscribe|subscription|' +
    'promo|promos|teaser-?list|author-?(?:bio|box|info|card|profile)|about-?(?:the-?)?author|bio|biography|comments?|commentary-?list|disqus|' +
    'replies|tags|tag-?list|tag-?cloud|keywords|breadcrumbs?|byline|bylines|dateline|article-?meta|post-?meta|entry-?meta|meta-?info|' +
    'timestamp|publish-?date|published-?date|reading-?time|caption|credit|credits|copyright|advert|advertisement|ads?|ad-?slot|sponsor|sponsored|' +
    'outbrain|taboola|consent|cookie|cookies|gdpr|privacy|embed-?placeholder|signup|sign-?up|login|toolbar|print|rating|poll|survey|' +
    'donate|donation|support-?us|app-?promo|app-?download|player|playlist|pagination|pager|prev-?next|nav|navigation|menu|footer|sidebar|widget)' +
    '(?:[-_](?:box|boxes|bar|bars|list|lists|links?|buttons?|btns?|tools|icons?|container|wrapper|wrap|area|section|block|module|items?|' +
    'inner|outer|panel|holder|zone|row|col|grid|top|bottom|left|right|mobile|desktop|label|title|header|text|cta|\\d+))*$',
  'u',
);

export function isBoilerplateContext(context: string): boolean {
  for (const token of context.split(' ')) if (token.length > 0 && BOILERPLATE_TOKEN.test(token)) return true;
  return false;
}

/** Lines that only label a box: "Read also", "Related", "More on this", "Comments"… (folded). */
const READ_ALSO =
  /^(?:اقرا (?:ايضا|المزيد|كذلك)|اقرأ ايضا|شاهد (?:ايضا|ايضًا)|اقرا|ذات صله|مواضيع ذات صله|اخبار ذات صله|مقالات ذات صله|اخبار متعلقه|مقالات متعلقه|read (?:also|more|next)|see also|also read|related(?: articles| stories| news| coverage| content)?|more (?:on this|about this|from|stories|news|on)\b.*|recommended(?: for you| stories| articles)?|you (?:may|might) also like|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|das könnte sie auch interessieren|weitere artikel|lire (?:aussi|également|la suite)|à lire aussi|a lire aussi|sur le même sujet|lee (?:también|mas|más)|leer (?:también|mas|más)|te puede interesar|relacionad[oa]s?|leggi anche|potrebbe interessarti|leia (?:também|mais)|veja também|czytaj (?:też|także|więcej)|читайте также|ещё по теме|les også|läs också|læs også|lees ook|devamını oku|ilginizi çekebilir|ayrıca bakınız)\s*[:：.…!]*$/u;
/** Labels after which only chrome follows: comments, tags, the share bar, "related articles". */
const END_OF_ARTICLE =
  /^(?:\d+\s+)?(?:التعليقات|تعليقات|اضف تعليق(?:ك)?|الوسوم|كلمات مفتاحيه|الكلمات المفتاحيه|شارك(?: هذا)?(?: المقال| الخبر)?|مقالات ذات صله|اخبار ذات صله|comments?|leave a (?:comment|reply)|add a comment|join the (?:conversation|discussion)|tags?|topics?|keywords|share(?: this)?(?: article| story| post)?|kommentare?|schlagworte|themen|commentaires?|étiquettes|comentarios?|etiquetas|commenti|kommentarer|emneord|yorumlar|etiketler|about the author|über (?:den|die) autor(?:in)?|à propos de l'auteur|sobre el autor)\s*(?:\(\d+\))?\s*[:：.…]?$/u;
/** "Share" bars and similar lines made only of network names and share verbs. */
const SHARE_WORDS =
  /^(?:(?:share|teilen|partager|compartir|condividi|compartilhar|udostępnij|поделиться|شارك|مشاركه|انشر|facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|email|e-mail|mail|print|drucken|imprimer|copy(?: link)?|link kopieren|messenger|flipboard|tumblr|vk|viber|line|threads|bluesky|mastodon|instagram|youtube|tiktok|snapchat|طباعه|ايميل|تويتر|فيسبوك|واتساب|تلغرام)[\s,|·•/:]*)+$/u;
/** Photo credits and captions: "Foto: dpa", "(Picture: Getty)", "Photo by X/Getty Images", "© Reuters", "صورة: …". */
const CREDIT =
  /(?:^|\(|\s)(?:foto|fotos|photo|photos|picture|pictures|image|images|bild|bilder|credit|credits|crédit|crédito|imagen|imagem|zdjęcie|фото|صوره|الصوره|تصوير|المصدر)\s*(?:by|von|de|:|：)\s*[^.!?]{1,80}\)?$|^(?:photo|foto|image) by\b|©|\bgetty images\b|\bistockphoto\b/u;
/** Lines that only state the reading time, views or an advertisement marker. */
const TIME_OR_AD =
  /^(?:\d+\s*(?:min|mins|minute|minutes|minuten|minuti|minutos|دقيقه|دقائق|دقيقتان)(?:\s+(?:read|lesezeit|de lecture|de lectura|di lettura|قراءه))?|(?:lesezeit|reading time|temps de lecture|tiempo de lectura|مده القراءه)\s*[:：]?\s*\d+\s*\S*|advertisement|anzeige|werbung|publicité|publicidad|pubblicità|reklame|annonse|reklam|اعلان|إعلان|story continues below|article continues below|continue reading below|scroll to continue|weiterlesen|article content)(?:\s*\d+)?$/u;
const BYLINE = /^(?:by|von|par|por|di|door|av|af|od|written by|بقلم|كتب|كتبت|اعداد|إعداد)\s*[:：]?\s+\S/u;

/** A paragraph of running text rather than a label, a link or a caption. */
function isProse(block: Block): boolean {
  if (block.heading || block.linkChars > block.text.length * 0.5) return false;
  return countWordUnits(block.text) >= 12 || block.text.length >= 120;
}

function isLinkList(block: Block): boolean {
  return block.linkChars >= block.text.length * 0.8;
}

function isDateLine(text: string): boolean {
  if (text.length > 100) return false;
  const found = findDate(text);
  return found !== null && countWords(found.rest) <= 6;
}

function isChromeLine(block: Block, folded: string, titleKey: string, boxes: boolean): boolean {
  if (boxes && block.context.length > 0 && isBoilerplateContext(block.context)) return true;
  if (boxes && block.caption) return true;
  if (folded.length <= 200 && CREDIT.test(folded)) return true;
  if (folded.length <= 120 && (SHARE_WORDS.test(folded) || TIME_OR_AD.test(folded))) return true;
  // The headline repeated in the body (the length check spares the key of every other block).
  return titleKey.length > 0 && block.text.length <= titleKey.length * 3 + 20 && titleCompareKey(block.text) === titleKey;
}

/** When the box rules would leave less than this share of the text, the boxes are the article (a slideshow of captions). */
const MIN_KEPT_SHARE = 0.25;

export function cleanBlocks(blocks: readonly Block[], context: CleanupContext): string[] {
  const strict = clean(blocks, context, true);
  const before = blocks.reduce((n, b) => n + b.text.length, 0);
  const after = strict.reduce((n, t) => n + t.length, 0);
  return after >= before * MIN_KEPT_SHARE ? strict : clean(blocks, context, false);
}

function clean(blocks: readonly Block[], context: CleanupContext, boxes: boolean): string[] {
  const titleKey = context.title === null ? '' : titleCompareKey(context.title);
  const kept: Block[] = [];
  let proseSeen = 0;
  let skipLinks = false;
  for (const block of blocks) {
    const folded = foldForMatch(block.text);
    if (isChromeLine(block, folded, titleKey, boxes)) continue;
    if (folded.length <= 60 && READ_ALSO.test(folded)) {
      skipLinks = true; // the links under a "read also" label go with it
      continue;
    }
    if (skipLinks && (isLinkList(block) || block.listItem)) continue;
    skipLinks = false;
    if (proseSeen > 0 && folded.length <= 60 && END_OF_ARTICLE.test(folded)) break;
    if (proseSeen === 0 && !isProse(block)) {
      // Above the text: dates, bylines and labels repeat what the metadata holds.
      if (isDateLine(block.text) || BYLINE.test(folded) || countWordUnits(block.text) <= 3) continue;
    }
    if (block.listItem && isLinkList(block) && block.text.length < 150) continue;
    kept.push(block);
    if (isProse(block)) proseSeen++;
  }
  // Odds and ends after the last real paragraph.
  let end = kept.length;
  while (end > 0 && !isProse(kept[end - 1] as Block) && !(kept[end - 1] as Block).quote) end--;
  return kept.slice(0, end).map((b) => b.text);
}
