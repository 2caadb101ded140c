/**
 * Article extraction from HTML pages of any layout, one family of real-page trouble per test, on small
 * pages written here (no third-party page is copied into the repo).
 */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src-main/core/pages/index.js';
import type { PageContext, ParsedPage } from '../../../src-main/core/pages/types.js';
import { pageOf, utf8 } from './helpers.js';

const AR = [
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة، يضم مئتي سرير وقسماً كاملاً للطوارئ، وذلك بعد سنوات من العمل المتواصل.',
  'وقال الوزير في مؤتمر صحفي إن المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة، وإن الكوادر الطبية اكتمل تعيينها خلال الشهر الماضي.',
  'وأضاف أن العمل جارٍ على تجهيز مركزين صحيين آخرين في الريف الشمالي، على أن يفتتحا قبل نهاية العام الحالي إذا سارت الأمور كما هو مخطط.',
  'ورحب سكان المدينة بالخطوة، مشيرين إلى أنهم كانوا يقطعون مسافات طويلة للوصول إلى أقرب مستشفى، خاصة في فصل الشتاء حين تنقطع الطرق.',
];
const EN = [
  'The city council voted on Tuesday to extend the tram line to the northern suburbs, ending a debate that had lasted for almost a decade.',
  'Supporters said the extension would cut travel times in half for thousands of commuters, while critics questioned the projected costs.',
  'Construction is expected to begin next spring and to take three years, according to the transport department, which will publish the tender soon.',
  'Residents of the northern suburbs welcomed the decision, saying that the current bus service is slow, crowded and often unreliable in winter.',
];

function paragraphs(texts: readonly string[]): string {
  return texts.map((t) => `<p>${t}</p>`).join('\n');
}

function page(head: string, body: string, lang = 'en'): string {
  return `<!DOCTYPE html><html lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

function read(html: string, context: PageContext = {}): ParsedPage {
  return pageOf(readPage(utf8(html), 'page.html', context));
}

const CHROME = `
<header class="site-header"><a href="/" class="logo">Daily Example</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>`;
const FOOTER = `<footer><p>© 2024 Daily Example. All rights reserved.</p><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>`;

describe('the article of any page', () => {
  it('finds the body among menus, sidebars and footers, one paragraph per block', () => {
    const html = page(
      '<title>Tram line to reach the north | Daily Example</title>',
      `${CHROME}<main><article><h1>Tram line to reach the north</h1>${paragraphs(EN)}</article>
       <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story that many people read today</a></li></ul></aside></main>${FOOTER}`,
    );
    const p = read(html);
    expect(p.layout).toBe('generic-html');
    expect(p.title).toBe('Tram line to reach the north');
    expect(p.paragraphs).toEqual(EN);
  });

  it('keeps headings and quotes inside the body', () => {
    const html = page(
      '<title>Tram line to reach the north</title>',
      `<article><h1>Tram line to reach the north</h1><p>${EN[0]}</p><h2>What happens next</h2><p>${EN[1]}</p>
       <blockquote><p>“We have waited for this line for ten years, and now it will finally come to our street,” said one resident.</p></blockquote>
       <p>${EN[2]}</p><p>${EN[3]}</p></article>`,
    );
    const p = read(html);
    expect(p.paragraphs).toContain('What happens next');
    expect(p.paragraphs.some((t) => t.startsWith('“We have waited'))).toBe(true);
    expect(p.paragraphs.indexOf('What happens next')).toBe(1);
  });

  it('reads a right-to-left Arabic page', () => {
    const html = page(
      '<title>افتتاح مستشفى جديد في المدينة - صحيفة المثال</title><meta property="og:site_name" content="صحيفة المثال">',
      `<div class="top-menu"><a href="/">الرئيسية</a> | <a href="/local">محليات</a> | <a href="/world">دوليات</a></div>
       <div class="article-page"><h1>افتتاح مستشفى جديد في المدينة</h1><div class="article-text">${paragraphs(AR)}</div></div>`,
      'ar',
    );
    const p = read(html);
    expect(p.title).toBe('افتتاح مستشفى جديد في المدينة');
    expect(p.paragraphs).toEqual(AR);
  });

  it('accepts Chinese and Japanese articles, written without spaces', () => {
    const zh = [
      '市议会周二投票决定将有轨电车线路延伸至北部郊区，结束了一场持续近十年的辩论。',
      '支持者表示，延伸线将使数千名通勤者的出行时间缩短一半，而批评者则对预计成本提出质疑。',
      '据交通部门称，工程预计明年春天开工，为期三年，招标文件将于近期公布。',
    ];
    const p = read(page('<title>有轨电车将延伸至北部郊区</title>', `<div class="content"><h1>有轨电车将延伸至北部郊区</h1>${paragraphs(zh)}</div>`, 'zh'));
    expect(p.title).toBe('有轨电车将延伸至北部郊区');
    expect(p.paragraphs).toEqual(zh);
  });

  it('reads content that a framework streamed into a hidden segment', () => {
    const html = page(
      '<title>Tram line to reach the north</title>',
      `<div id="app"><header>Daily Example</header><main></main></div>
       <div hidden id="S:0"><article><h1>Tram line to reach the north</h1>${paragraphs(EN)}</article></div>`,
    );
    expect(read(html).paragraphs).toEqual(EN);
  });
});

describe('a page its scripts render', () => {
  // The saved HTML shows nothing; the article is in the data the scripts render it from.
  const escapedHtml = (texts: readonly string[]) => JSON.stringify(paragraphs(texts)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  const shell = (script: string) =>
    page('<title>Tram line to reach the north - Daily Example</title><meta property="og:title" content="Tram line to reach the north">', `<div id="root"></div><script>${script}</script>`);

  it('reads the article from the page data, without the slots the scripts fill', () => {
    const data = `{"article":{"title":"Tram line to reach the north","contentHtml":${escapedHtml(EN.slice(0, 2)).slice(0, -1)}<p>$$ARTICLEAD$$</p>${escapedHtml(EN.slice(2)).slice(1)},"teaser":"<p>Short.</p>"}}`;
    const p = read(shell(`window.__STATE__ = window.__STATE__ || []; window.__STATE__.push(${data});`));
    expect(p.title).toBe('Tram line to reach the north');
    expect(p.paragraphs).toEqual(EN);
  });

  it('reads page data that is itself a string inside the script (a streamed payload)', () => {
    const payload = JSON.stringify(`1:${JSON.stringify({ body: paragraphs(AR) })}`); // a row of a streamed payload
    const p = read(shell(`self.__next_f = self.__next_f || []; self.__next_f.push([1, ${payload}]);`).replace('lang="en"', 'lang="ar" dir="rtl"'));
    expect(p.paragraphs).toEqual(AR);
  });

  it('finds the scripts of a page whose text changes length when lower-cased (İ)', () => {
    const html = page(`<title>İstanbul tram line</title><meta name="description" content="${'İ'.repeat(400)}">`, `<div id="root"></div><script>window.__STATE__ = {"html": ${JSON.stringify(paragraphs(EN))}};</script>`);
    expect(read(html).paragraphs).toEqual(EN);
  });

  it('keeps the text a page shows, whatever its scripts hold', () => {
    const other = JSON.stringify(paragraphs(AR));
    const html = page('<title>Tram line to reach the north</title>', `<article><h1>Tram line to reach the north</h1>${paragraphs(EN)}</article><script>var related = {"html": ${other}};</script>`);
    expect(read(html).paragraphs).toEqual(EN);
  });

  it('finds no article in scripts that hold no paragraphs of text', () => {
    const outcome = readPage(utf8(shell(`window.__STATE__ = {"menu":"<ul><li>World</li><li>Sport</li></ul>","note":"${'x'.repeat(300)}","caption":"<p>Photo: agency</p>"};`)), 'page.html');
    expect(outcome.ok).toBe(false);
  });
});

describe('the page\'s own articleBody as a guide', () => {
  it('recovers an article the scoring misses when JSON-LD states its text', () => {
    // A site that wraps its story in a "comment" box: content scoring throws such boxes away.
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Tram line to reach the north', articleBody: EN.join('\n') };
    const html = page(
      `<script type="application/ld+json">${JSON.stringify(ld)}</script>`,
      `<div class="promo-text"><p>${'Subscribe today: unlimited access, puzzles, newsletters, offers, podcasts, events. '.repeat(8)}</p></div>
       <h1>Tram line to reach the north</h1><div class="comment-story">${paragraphs(EN)}</div>`,
    );
    expect(read(html).paragraphs).toEqual(EN);
  });
});

describe('chrome inside the article element', () => {
  it('drops photo credits and captions, share lines and the date line above the text', () => {
    const html = page(
      '<title>Tram line to reach the north</title>',
      `<article><h1>Tram line to reach the north</h1>
       <div class="meta"><span>By Jane Doe</span> · <time datetime="2024-05-03T10:00:00+02:00">3 May 2024</time></div>
       <figure><img src="tram.jpg"><figcaption>A tram in the city centre. Photo: John Smith/Agency</figcaption></figure>
       <p>${EN[0]}</p><p>${EN[1]}</p><p>© Example Photo Agency</p><p>${EN[2]}</p>
       <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
       <p>Share</p><p>${EN[3]}</p></article>`,
    );
    const p = read(html);
    expect(p.paragraphs).toEqual(EN);
    expect(p.publishedAt).toBe('2024-05-03T10:00:00');
  });

  it('drops an inline «إقرأ أيضاً» box and goes on with the text after it', () => {
    const html = page(
      '<title>افتتاح مستشفى جديد في المدينة</title>',
      `<div class="post"><h1>افتتاح مستشفى جديد في المدينة</h1><p>${AR[0]}</p><p>${AR[1]}</p>
       <p><strong>إقرأ أيضاً:</strong></p><ul><li><a href="/x">وزير الصحة يتفقد مشاريع المراكز الصحية في الريف</a></li></ul>
       <p>${AR[2]}</p><p>${AR[3]}</p></div>`,
      'ar',
    );
    expect(read(html).paragraphs).toEqual(AR);
  });

  it('ends the article before its comments and "related" box', () => {
    const html = page(
      '<title>Tram line to reach the north</title>',
      `<article><h1>Tram line to reach the north</h1>${paragraphs(EN)}
       <h3>Comments</h3><div><p><b>reader42</b> wrote: I have been waiting for this tram for years, finally some good news from the council!</p></div>
       <div class="related-articles"><h3>Related</h3><p><a href="/b">Bus fares to rise again next year, council says in a statement</a></p></div></article>`,
    );
    expect(read(html).paragraphs).toEqual(EN);
  });
});

describe('the title', () => {
  it('is never the site logo in the first <h1>', () => {
    const make = (headline: string) =>
      page(
        `<title>${headline} - CNN Arabic</title><meta property="og:title" content="${headline}"><meta property="og:site_name" content="CNN Arabic">`,
        `<h1 class="logo"><a href="/"><img src="logo.png" alt="CNN">CNN</a></h1><div class="article"><h2>${headline}</h2>${paragraphs(AR)}</div>`,
        'ar',
      );
    const first = read(make('افتتاح مستشفى جديد في المدينة'));
    const second = read(make('وزير الصحة يتفقد مشاريع المراكز الصحية'));
    expect(first.title).toBe('افتتاح مستشفى جديد في المدينة');
    expect(second.title).toBe('وزير الصحة يتفقد مشاريع المراكز الصحية');
  });

  it('is the headline the metadata and the <h1> agree on, without the site name of <title>', () => {
    const html = page(
      '<title>Tram line to reach the north | Daily Example</title><meta property="og:title" content="Tram line to reach the north | Daily Example">' +
        '<meta property="og:site_name" content="Daily Example">',
      `<article><h1>Tram line to reach the north</h1>${paragraphs(EN)}</article>`,
    );
    expect(read(html).title).toBe('Tram line to reach the north');
  });

  it('keeps its trailing punctuation; only a ".. بقلم: NAME" byline is cut', () => {
    for (const headline of ['النفس البشرية والأخلاق ..', '…«الولي المنتظر»..!.', 'هل تعود الحياة إلى طبيعتها؟']) {
      const html = page(`<title>${headline}</title>`, `<div class="post"><h1>${headline}</h1>${paragraphs(AR)}</div>`, 'ar');
      expect(read(html).title).toBe(headline);
    }
    const byline = read(page('<title>عن الأخلاق .. بقلم: سامي يوسف</title>', `<div class="post"><h1>عن الأخلاق .. بقلم: سامي يوسف</h1>${paragraphs(AR)}</div>`, 'ar'));
    expect(byline.title).toBe('عن الأخلاق');
    expect(byline.author).toBe('سامي يوسف');
  });

  it('is the headline the page shows when JSON-LD states another one that nothing confirms', () => {
    const seo = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Tram line 2025: costs, route and timetable explained' };
    const html = page(
      `<title>Tram line 2025: costs, route and timetable explained | Daily Example</title>` +
        `<meta property="og:title" content="Council votes to take the tram north"><script type="application/ld+json">${JSON.stringify(seo)}</script>`,
      `<article><h1>Council votes to take the tram north</h1>${paragraphs(EN)}</article>`,
    );
    expect(read(html).title).toBe('Council votes to take the tram north');
  });

  it('keeps the JSON-LD headline when the visible <h1> states it, whatever og:title says', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Council votes to take the tram north' };
    const html = page(
      `<meta property="og:title" content="Trams are coming: what it means for you"><script type="application/ld+json">${JSON.stringify(ld)}</script>`,
      `<article><h1>Council votes to take the tram north</h1>${paragraphs(EN)}</article>`,
    );
    expect(read(html).title).toBe('Council votes to take the tram north');
  });

  it('cuts a site name before the headline ("Site - Headline") but no other separated part', () => {
    const prefixed = page('<title>Daily Example - Tram line to reach the north</title><meta property="og:site_name" content="Daily Example">', `<article>${paragraphs(EN)}</article>`);
    expect(read(prefixed).title).toBe('Tram line to reach the north');
    const inner = page(
      '<title>Paris - Berlin night train returns after ten years | Daily Example</title><meta property="og:site_name" content="Daily Example">',
      `<article>${paragraphs(EN)}</article>`,
    );
    expect(read(inner).title).toBe('Paris - Berlin night train returns after ten years');
  });

  it('drops a kicker that another metadata field leaves out, and restores a headline the metadata cut with "…"', () => {
    const kicker = page(
      '<meta property="og:title" content="Transport: Council votes to take the tram north"><meta name="twitter:title" content="Council votes to take the tram north">',
      `<article>${paragraphs(EN)}</article>`,
    );
    expect(read(kicker).title).toBe('Council votes to take the tram north');
    const shortened = page(
      '<meta property="og:title" content="Council votes to take the tram north after a debate that…">',
      `<article><h1>Council votes to take the tram north after a debate that lasted ten years</h1>${paragraphs(EN)}</article>`,
    );
    expect(read(shortened).title).toBe('Council votes to take the tram north after a debate that lasted ten years');
  });

  it('is the headline og:title and the <h1> both state after labels of their own, when the labels differ', () => {
    const labelled = (h1: string) =>
      page(
        '<meta property="og:title" content="Transport: Council votes to take the tram north"><meta name="twitter:title" content="Transport: Council votes to take the tram north">',
        `<article><h1>${h1}</h1>${paragraphs(EN)}</article>`,
      );
    expect(read(labelled('City hall decides - Council votes to take the tram north')).title).toBe('Council votes to take the tram north');
    // The same label worded a little differently is the page's one label: the whole stays.
    expect(read(labelled('Transport news - Council votes to take the tram north')).title).toBe('Transport: Council votes to take the tram north');
  });

  it('is written as most sources write it when they punctuate the same words differently', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Tram line - Council votes to take it north' };
    const html = page(
      '<title>Tram line: Council votes to take it north | Daily Example</title><meta property="og:site_name" content="Daily Example">' +
        `<meta property="og:title" content="Tram line: Council votes to take it north"><script type="application/ld+json">${JSON.stringify(ld)}</script>`,
      `<article><h1><span>Tram line</span> Council votes to take it north</h1>${paragraphs(EN)}</article>`,
    );
    expect(read(html).title).toBe('Tram line: Council votes to take it north');
    // Copies that run the label into the headline (fewer marks) are the same text flattened: they do not outvote it.
    const flattened = page(
      '<title>Tram line Council votes to take it north</title><meta name="title" content="Tram line Council votes to take it north">' +
        '<meta property="og:title" content="Tram line / Council votes to take it north">',
      `<article><h1><span>Tram line</span> <span>Council votes to take it north</span></h1>${paragraphs(EN)}</article>`,
    );
    expect(read(flattened).title).toBe('Tram line / Council votes to take it north');
    // Quotes are part of the wording: a form without them is not the same headline written otherwise.
    const quoted = page(
      '<title>"Trams are back" - council votes to take the line north</title><meta name="twitter:title" content="&quot;Trams are back&quot; - council votes to take the line north">' +
        '<meta property="og:title" content="Trams are back - council votes to take the line north">',
      `<article>${paragraphs(EN)}</article>`,
    );
    expect(read(quoted).title).toBe('Trams are back - council votes to take the line north');
  });

  it('is not the last step of a breadcrumb trail, even in an <h1>', () => {
    const seo = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Tram line 2025: costs, route and timetable' };
    const html = page(
      `<title>Tram line 2025: costs, route and timetable</title><meta property="og:title" content="Council votes to take the tram north">` +
        `<script type="application/ld+json">${JSON.stringify(seo)}</script>`,
      `<ol class="breadcrumbs"><li><a href="/">Home</a></li><li><a href="/city">City</a></li><li><h1>Tram line 2025: costs, route and timetable</h1></li></ol>` +
        `<article><h2 itemprop="headline">Council votes to take the tram north</h2>${paragraphs(EN)}</article>`,
    );
    expect(read(html).title).toBe('Council votes to take the tram north');
    // A page-wide class that only says the page has a trail hides no heading.
    const wide = page(
      `<title>Tram line 2025: costs, route and timetable</title><meta property="og:title" content="Council votes to take the tram north">` +
        `<script type="application/ld+json">${JSON.stringify(seo)}</script>`,
      `<div class="layout has-breadcrumbs"><div class="wrap"><div class="inner"><div class="col"><article><h1>Tram line 2025: costs, route and timetable</h1>${paragraphs(EN)}</article></div></div></div></div>`,
    );
    expect(read(wide).title).toBe('Tram line 2025: costs, route and timetable');
  });

  it('is the og:title the page shows after a kicker run into it, when nothing shows the JSON-LD headline', () => {
    const seo = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Tram line 2025: costs, route and timetable' };
    const make = (heading: string) =>
      page(
        `<title>Tram line 2025: costs, route and timetable</title><meta property="og:title" content="Council votes to take the tram north">` +
          `<script type="application/ld+json">${JSON.stringify(seo)}</script>`,
        `<article><h2>${heading}</h2>${paragraphs(EN)}</article>`,
      );
    expect(read(make('<span class="kicker">City transport</span> Council votes to take the tram north')).title).toBe('Council votes to take the tram north');
    expect(read(make('<span class="kicker">City transport</span><span>Council votes to take the tram north</span>')).title).toBe('Council votes to take the tram north');
    // A heading that only shares the end of the og:title confirms nothing.
    expect(read(make('A new line: the tram north')).title).toBe('Tram line 2025: costs, route and timetable');
  });

  it('is not an og:title that only names the site (a page the site left with its default og:title)', () => {
    const html = page(
      '<title>Council votes to take the tram north</title><meta property="og:title" content="Daily Example - Latest News and Headlines">' +
        '<meta name="application-name" content="Daily Example - Latest News and Headlines">',
      `<article><h1>Council votes to take the tram north</h1>${paragraphs(EN)}</article>`,
    );
    expect(read(html).title).toBe('Council votes to take the tram north');
    // A headline that names the site among other words is a headline.
    const named = page('<meta property="og:title" content="Daily Example turns 100"><meta property="og:site_name" content="Daily Example">', `<article>${paragraphs(EN)}</article>`);
    expect(read(named).title).toBe('Daily Example turns 100');
  });

  it('is the headline a <meta name="headline"> states when og:title runs the section and site name on after it', () => {
    const headline = 'افتتاح مستشفى جديد في المدينة';
    const make = (ogTitle: string) =>
      page(
        `<title>${ogTitle}</title><meta property="og:title" content="${ogTitle}"><meta name="twitter:title" content="${ogTitle}">` +
          `<meta name="headline" content="${headline}"><meta property="og:site_name" content="صحيفة المثال">`,
        `<article>${paragraphs(AR)}</article>`,
        'ar',
      );
    expect(read(make(`${headline}-صحة|صحيفة المثال`)).title).toBe(headline);
    expect(read(make(`${headline}-صحةㅣصحيفة المثال`)).title).toBe(headline);
    // What follows the headline must end with the site's name: a longer headline is not cut.
    expect(read(make(`${headline}-والقرى المجاورة`)).title).toBe(`${headline}-والقرى المجاورة`);
    // … and must start at punctuation, not inside a word.
    expect(read(make(`${headline}ها صحيفة المثال`)).title).toBe(`${headline}ها صحيفة المثال`);
  });

  it('decodes character references that metadata carries escaped twice', () => {
    const html = page(
      '<meta property="og:title" content="Council says &amp;quot;yes&amp;quot; to the tram &amp;#8211; finally">',
      `<article><h1>Council says "yes" to the tram – finally</h1>${paragraphs(EN)}</article>`,
    );
    expect(read(html).title).toBe('Council says "yes" to the tram – finally');
  });
});

describe('metadata from every place pages put it', () => {
  it('JSON-LD NewsArticle in an @graph, with author and publisher by @id', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Daily Example' },
        { '@type': 'Person', '@id': '#jane', name: 'Jane Doe' },
        {
          '@type': ['NewsArticle'],
          headline: 'Tram line to reach the north',
          datePublished: '2024-05-03T22:15:00Z',
          author: { '@id': '#jane' },
          publisher: { '@id': '#org' },
          articleSection: 'Local',
          mainEntityOfPage: { '@id': 'https://www.example.com/local/2024/tram-line-north' },
        },
      ],
    };
    const html = page(`<script type="application/ld+json">${JSON.stringify(graph)}</script>`, `<article><h1>Tram line to reach the north</h1>${paragraphs(EN)}</article>`);
    const p = read(html);
    expect(p.publishedAt).toBe('2024-05-03T22:15:00'); // as written, no time zone applied
    expect(p.author).toBe('Jane Doe');
    expect(p.section).toBe('Local');
    expect(p.url).toBe('https://www.example.com/local/2024/tram-line-north');
    expect(p.site).toBe('example.com');
  });

  it('OpenGraph and article:* meta, Dublin Core, <time datetime>, the URL and the text, in that order', () => {
    const body = `<article><h1>Tram line to reach the north</h1>${paragraphs(EN)}</article>`;
    expect(read(page('<meta property="article:published_time" content="2024-05-03T10:00:00+02:00">', body)).publishedAt).toBe('2024-05-03T10:00:00');
    expect(read(page('<meta name="DC.date.issued" content="2024-05-04">', body)).publishedAt).toBe('2024-05-04T00:00:00');
    expect(read(page('', body.replace('</h1>', '</h1><time datetime="2024-05-05T08:30">5 May</time>'))).publishedAt).toBe('2024-05-05T08:30:00');
    expect(read(page('<link rel="canonical" href="https://example.com/2024/05/06/tram-line">', body)).publishedAt).toBe('2024-05-06T00:00:00');
    expect(read(page('', body.replace('</h1>', '</h1><p>Published 7 May 2024</p>'))).publishedAt).toBe('2024-05-07T00:00:00');
  });

  it('Arabic, Maghrebi, Hijri and Persian (Solar Hijri) dates in the text, in any digits', () => {
    const body = (line: string) => `<div class="post"><h1>افتتاح مستشفى جديد في المدينة</h1><p>${line}</p>${paragraphs(AR)}</div>`;
    const at = (line: string) => read(page('<title>افتتاح مستشفى جديد في المدينة</title>', body(line), 'ar')).publishedAt;
    expect(at('الجمعة ١٦ كانون الأول ٢٠١٦')).toBe('2016-12-16T00:00:00');
    expect(at('نشر في 16 جوان 2016')).toBe('2016-06-16T00:00:00');
    expect(at('الأحد 12 رمضان 1445 هـ')).toBe('2024-03-22T00:00:00');
    expect(at('۲ تیر ۱۳۹۹')).toBe('2020-06-22T00:00:00');
  });

  it('the canonical URL is the article itself: never a home page; else og:url, else the "saved from" comment', () => {
    const body = `<article><h1>Tram line to reach the north</h1>${paragraphs(EN)}</article>`;
    expect(read(page('<link rel="canonical" href="https://www.example.com/">', body)).url).toBeNull();
    expect(read(page('<meta property="og:url" content="https://example.com/news/tram">', body)).url).toBe('https://example.com/news/tram');
    const saved = `<!-- saved from url=(0036)https://example.org/news/tram.html -->\n${page('', body)}`;
    expect(read(saved).url).toBe('https://example.org/news/tram.html');
    expect(read(saved).site).toBe('example.org');
  });

  it('a crawl context fills the URL and the site the page leaves open', () => {
    const p = read(page('', `<article><h1>Tram line to reach the north</h1>${paragraphs(EN)}</article>`), {
      url: 'https://www.news.example.net/a/123',
      scrapedOn: '2024-05-08',
    });
    expect(p.url).toBe('https://www.news.example.net/a/123');
    expect(p.site).toBe('news.example.net');
    expect(p.scrapedOn).toBe('2024-05-08');
  });
});

describe('character references in text saves', () => {
  it('are decoded in the title, paragraphs, ticker, section and author', () => {
    const text = [
      'دمشق    21 / 07 / 2018',
      `&#8220;طوارئ&#8221; في المدينة\u00a0\u00a0خبر &#39;ثان&#39;`,
      'أخبار &quot;محلية&quot;',
      '2016-12-16 15:24:14 | الأرشيف',
      'إعلان &#8220;طوارئ&#8221; في المدينة .. بقلم: فلان &amp; فلان',
      `${AR[0]} &#8220;مؤكداً&#8221;`,
      AR[1],
      'عدد القراءات : 981',
    ].join('\n');
    const p = pageOf(readPage(utf8(text), 'page.txt'));
    expect(p.title).toBe('إعلان “طوارئ” في المدينة');
    expect(p.author).toBe('فلان & فلان');
    expect(p.section).toBe('أخبار "محلية"');
    expect(p.ticker).toEqual(['“طوارئ” في المدينة', "خبر 'ثان'"]);
    expect(p.paragraphs[0]).toBe(`${AR[0]} “مؤكداً”`);
  });

  it('leave every field one trimmed line when a reference decodes to a space or a line break', () => {
    const text = [
      'دمشق    21 / 07 / 2018',
      'خبر أول\u00a0\u00a0&nbsp;',
      'أخبار محلية',
      '2016-12-16 15:24:14 | الأرشيف',
      'عنوان الخبر&nbsp;',
      `&nbsp;${AR[0]}&#10;${AR[1]}`,
      '&nbsp;&#160;',
      'عدد القراءات : 981',
    ].join('\n');
    const p = pageOf(readPage(utf8(text), 'page.txt'));
    expect(p.title).toBe('عنوان الخبر');
    expect(p.paragraphs).toEqual([`${AR[0]} ${AR[1]}`]);
  });
});

describe('hostile shapes stay linear', () => {
  // Generous bounds: they catch quadratic blow-ups (minutes), not speed (that is bench:extract's job).
  it.each([
    ['50,000 sibling paragraphs', '<p>word word word</p>'.repeat(50_000)],
    ['50,000 line breaks', `<div>${'text here<br>'.repeat(50_000)}</div>`],
    ['30,000 double line breaks', `<div>${'text here<br><br>'.repeat(30_000)}</div>`],
    ['200,000 nested divs', `${'<div>'.repeat(200_000)}x`],
    ['30,000 boxes to remove', '<div class="comment">spam text here, more</div>'.repeat(30_000)],
    ['30,000 list links', `<ul>${'<li><a href="/x">link text</a></li>'.repeat(30_000)}</ul>`],
  ])('%s', (_, body) => {
    const started = performance.now();
    const outcome = readPage(utf8(`<html><body>${body}</body></html>`), 'page.html');
    expect(outcome.ok === false || outcome.page.paragraphs.length > 0).toBe(true);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
