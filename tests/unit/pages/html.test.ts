import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src-main/core/pages/index.js';
import { renderHtml } from '../../../src-main/core/pages/html.js';
import {
  BOM_UTF16LE,
  NBSP,
  concat,
  contentOf,
  expectSampleFields,
  pageOf,
  samplePartsForTemplate,
  sampleBytes,
  templateHtml,
  utf16,
  utf8,
  windows1256,
} from './helpers.js';

const textPage = () => pageOf(readPage(sampleBytes(), 'a.txt'));
const html = (source: string, name = 'page.html') => readPage(utf8(source), name);

describe('HTML saves in the corpus template', () => {
  const source = templateHtml(samplePartsForTemplate());

  it('gives the same fields as the text save', () => {
    const page = pageOf(html(source));
    expect(page.format).toBe('html');
    expect(page.layout).toBe('alazmenah-html');
    expectSampleFields(page);
    expect(contentOf(page)).toEqual(contentOf(textPage()));
  });

  it('also as .htm, windows-1256 and UTF-16', () => {
    expect(contentOf(pageOf(html(source, 'x.htm')))).toEqual(contentOf(textPage()));
    const legacy = readPage(windows1256(source.replace('charset="utf-8"', 'charset="windows-1256"')), 'x.html');
    expect(legacy.ok && legacy.encoding).toBe('windows-1256');
    expect(contentOf(pageOf(legacy))).toEqual(contentOf(textPage()));
    const wide = readPage(concat(BOM_UTF16LE, utf16(source, 'le')), 'x.html');
    expect(contentOf(pageOf(wide))).toEqual(contentOf(textPage()));
  });

  it('is recognised as HTML even under a .txt name', () => {
    const page = pageOf(html(source, 'x.txt'));
    expect(page.format).toBe('html');
    expect(contentOf(page)).toEqual(contentOf(textPage()));
  });

  it('never carries script, style, attributes or navigation into any field', () => {
    const page = pageOf(html(source));
    const everything = JSON.stringify(page);
    for (const bad of ['alert', 'document.write', 'font-family', '__pwned', 'onerror', 'track()', 'الرئيسية', 'href']) {
      expect(everything).not.toContain(bad);
    }
  });
});

describe('HTML saves that vary from the template', () => {
  const parts = samplePartsForTemplate();
  const reference = contentOf(textPage());

  it('divs instead of p, extra wrappers, comments and entities', () => {
    const source = templateHtml(parts)
      .replace('<div class="text">', '<div class="wrap"><!-- ad --><article><div class="text">')
      .replace('</div>\n<div class="views">', '</div></article></div>\n<div class="views">')
      .replace(/<p>/gu, '<div class="para"><span>')
      .replace(/<\/p>/gu, '</span></div>');
    expect(contentOf(pageOf(html(source)))).toEqual(reference);
  });

  it('ticker as one <li> per headline and paragraphs split by <br>', () => {
    const ticker = parts.ticker.map((h) => `<li><a href="#">${h.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</a></li>`).join('');
    const source = templateHtml(parts)
      .replace(/<marquee[^>]*>.*<\/marquee>/u, `<ul class="news">${ticker}</ul>`)
      .replace(/<\/p><p>/gu, '<br>\n<br>');
    const page = pageOf(html(source));
    expect(contentOf(page)).toEqual(reference);
  });

  it('missing footer, read count and header', () => {
    const source = templateHtml(parts)
      .replace(/<footer>.*<\/footer>/u, '')
      .replace(/<div class="views">[^<]*<\/div>/u, '')
      .replace(/<div id="top">.*?<\/div>/u, '');
    const page = pageOf(html(source));
    expect(page.site).toBe('alazmenah.com'); // from og:site_name
    expect(page.readCount).toBeNull();
    expect(page.scrapedOn).toBeNull();
    expect(page.title).toBe(reference.title);
    expect(page.paragraphs).toEqual(reference.paragraphs);
  });

  it('hidden elements, search forms, buttons, iframes and svg are dropped', () => {
    const source = templateHtml(parts).replace(
      '<div class="views">',
      '<div style="display: none">مخفي لا يظهر</div><p hidden>مخفي أيضا</p><button>اضغط</button><iframe src="x">إطار</iframe>' +
        '<svg><title>رسم</title><text>رسم</text></svg><form><input value="بحث"><label>ابحث هنا</label></form><div class="views">',
    );
    expect(contentOf(pageOf(html(source)))).toEqual(reference);
  });

  it('a page-wide form (ASP.NET) is kept', () => {
    const source = templateHtml(parts)
      .replace('<body onload="track()">', '<body><form id="aspnetForm" action="x.aspx"><input type="hidden" value="state">')
      .replace('</body>', '</form></body>');
    expect(contentOf(pageOf(html(source)))).toEqual(reference);
  });
});

describe('renderHtml', () => {
  it('renders like innerText: blocks, <br>, inline runs, entities, NBSP kept', () => {
    const { text } = renderHtml('<div>a <b>b</b>\n  c</div><p>x&nbsp;&amp;<br>y</p><table><tr><td>1</td><td>2</td></tr></table><pre> p\n q</pre>');
    expect(text.split('\n')).toEqual(['a b c', `x${NBSP}&`, 'y', '1', '2', ' p', ' q']);
  });

  it('collects hints from the head and the first h1', () => {
    const { hints } = renderHtml(
      '<head><title>عنوان - موقع</title><meta property="og:site_name" content="الموقع"><meta property="og:url" content="https://www.Example.com/a/1">' +
        '<meta property="article:published_time" content="2016-12-16T15:24:14+03:00"></head><body><h1> <a>عنوان</a> المقال </h1></body>',
    );
    expect(hints).toEqual({
      documentTitle: 'عنوان - موقع',
      h1: 'عنوان المقال',
      site: 'example.com',
      publishedAt: '2016-12-16T15:24:14',
      url: 'https://www.Example.com/a/1',
    });
  });

  it('survives deep nesting and unclosed tags', () => {
    expect(renderHtml('<div>'.repeat(1_500) + 'نص' + '<span><p><b>').text).toBe('نص');
    const started = performance.now();
    const hostile = renderHtml('<p>قبل</p>' + '<div>'.repeat(200_000) + 'بعد');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(hostile).toMatchObject({ text: 'قبل', truncated: true });
  });
});
