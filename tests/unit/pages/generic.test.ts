import { describe, expect, it } from 'vitest';
import { readPage } from '../../../src-main/core/pages/index.js';
import { pageOf, sampleText, utf8 } from './helpers.js';

const body = sampleText()
  .split('\n')
  .slice(9, 22)
  .map((l) => l.trim())
  .filter((l) => l.length > 0);
const TITLE = 'موسكو وأنقرة تتفقان على إخراج المسلحين من شرق حلب';
const txt = (lines: string[], name = 'page.txt') => readPage(utf8(lines.join('\n')), name);

describe('generic text pages', () => {
  it.each([
    ['الجمعة 16 كانون الأول 2016', '2016-12-16T00:00:00'],
    ['16 ديسمبر 2016 - 15:24', '2016-12-16T15:24:00'],
    ['الجمعة ١٦ كانون الأول ٢٠١٦', '2016-12-16T00:00:00'],
    ['16/12/2016', '2016-12-16T00:00:00'],
    ['2016-12-16 15:24:14', '2016-12-16T15:24:14'],
    ['تاريخ النشر: 16 أيلول 2016 الساعة 10:05', '2016-09-16T10:05:00'],
  ])('title, date line "%s", body', (dateLine, publishedAt) => {
    const page = pageOf(txt([TITLE, dateLine, ...body]));
    expect(page.layout).toBe('generic-text');
    expect(page.title).toBe(TITLE);
    expect(page.publishedAt).toBe(publishedAt);
    expect(page.paragraphs).toEqual(body);
    expect(page.ticker).toEqual([]);
    expect(page.readCount).toBeNull();
    expect(page.site).toBeNull();
    expect(page.scrapedOn).toBeNull();
    expect(page.section).toBeNull();
  });

  it('date above the title, site from the copyright line, read count and byline', () => {
    const page = pageOf(
      txt([
        'الرئيسية | أخبار | مقالات | اتصل بنا',
        'الأحد 3 آذار 2019',
        `${TITLE}.. بقلم: سامي كليب`,
        'المشاهدات: ١٢٣٤',
        ...body,
        'اقرأ أيضاً',
        'عنوان خبر آخر لا علاقة له بالمقال المنشور أعلاه في هذه الصفحة',
        '© 2019 www.Example-News.com جميع الحقوق محفوظة',
      ]),
    );
    expect(page.title).toBe(TITLE);
    expect(page.author).toBe('سامي كليب');
    expect(page.publishedAt).toBe('2019-03-03T00:00:00');
    expect(page.readCount).toBe(1234);
    expect(page.site).toBe('example-news.com');
    expect(page.paragraphs).toEqual(body);
  });

  it('lines that start like chrome words but are sentences stay in the body', () => {
    const extra = ['شارك الرئيس في المؤتمر الصحفي في طوكيو', 'كتب الرئيس رسالة إلى نظيره', 'تعليقات الصحف الروسية كانت إيجابية'];
    const page = pageOf(txt([TITLE, '16/12/2016', body[0] ?? '', ...extra, ...body.slice(1)]));
    expect(page.author).toBeNull();
    expect(page.paragraphs).toEqual([body[0], ...extra, ...body.slice(1)]);
  });

  it('a byline line under the title gives the author; a URL line gives the site', () => {
    const page = pageOf(txt(['https://www.sana.sy/?p=12345', TITLE, 'بقلم: ريم حداد', '16/12/2016', ...body]));
    expect(page.author).toBe('ريم حداد');
    expect(page.site).toBe('sana.sy');
    expect(page.paragraphs).toEqual(body);
  });

  it('a generic HTML page: h1 title, meta date and site', () => {
    const html =
      '<html><head><title>عنوان - موقع</title><link rel="canonical" href="https://www.example.org/a/1">' +
      '<meta property="article:published_time" content="2016-12-16T15:24:00+02:00"></head><body>' +
      '<header><a href="/">موقع الأخبار</a></header><main><article><h1>' +
      TITLE +
      '</h1><div class="meta"><span>الجمعة 16 كانون الأول 2016</span></div>' +
      body.map((p) => `<p>${p}</p>`).join('') +
      '</article></main><aside><h3>الأكثر قراءة</h3><ul><li>خبر جانبي طويل بما يكفي ليكون فقرة لو لم يكن في الشريط الجانبي</li></ul></aside></body></html>';
    const page = pageOf(readPage(utf8(html), 'x.html'));
    expect(page.layout).toBe('generic-html');
    expect(page.title).toBe(TITLE);
    expect(page.publishedAt).toBe('2016-12-16T15:24:00'); // the metadata's time, as the page wrote it
    expect(page.site).toBe('example.org');
    expect(page.paragraphs).toEqual(body);
  });

  it('a generic HTML page without h1 finds its title through <title>', () => {
    const html =
      `<html><head><title>${TITLE} | موقع الأخبار</title></head><body><div>موقع الأخبار</div><div>${TITLE}</div>` +
      body.map((p) => `<div>${p}</div>`).join('') +
      '</body></html>';
    const page = pageOf(readPage(utf8(html), 'x.htm'));
    expect(page.title).toBe(TITLE);
    expect(page.paragraphs).toEqual(body);
  });
});

describe('what is not an article', () => {
  const rejected = (outcome: ReturnType<typeof readPage>) => {
    if (outcome.ok) throw new Error(`expected a rejection, got a page titled ${outcome.page.title}`);
    return outcome;
  };

  it.each([
    ['الصفحة المطلوبة غير موجودة'],
    ['عذراً، الصفحة غير موجودة'],
    ['404'],
    ['Page not found'],
    ['خطأ 404 - لم يتم العثور على الصفحة'],
  ])('error page "%s"', (message) => {
    const outcome = rejected(txt(['موقع الأزمنة', message, 'العودة إلى الصفحة الرئيسية']));
    expect(outcome.reason).toBe('error-page');
    expect(outcome.message).toContain(message);
  });

  it('an error page with a list of latest news is still an error page', () => {
    const outcome = rejected(txt(['الصفحة المطلوبة غير موجودة', 'آخر الأخبار', ...body.slice(0, 3)]));
    expect(outcome.reason).toBe('error-page');
  });

  it('an HTML error page, by its <title>', () => {
    const outcome = rejected(readPage(utf8(`<html><head><title>404 Not Found</title></head><body><p>${body[0]}</p></body></html>`), 'x.html'));
    expect(outcome.reason).toBe('error-page');
  });

  it('an article that mentions 404 is not an error page', () => {
    const page = pageOf(txt([TITLE, 'عدد القراءات : 404', `${body[0]} وكانت الرسالة Page not found بحسب الموقع.`, ...body.slice(1)]));
    expect(page.readCount).toBe(404);
  });

  it('too little body', () => {
    const outcome = rejected(txt([TITLE, 'خبر قصير جدا', 'سطر آخر قصير']));
    expect(outcome.reason).toBe('not-article');
    expect(outcome.message).toMatch(/body too short.*longest paragraph \d+ letters/u);
  });

  it('no title', () => {
    const outcome = rejected(txt(['16/12/2016']));
    expect(outcome.reason).toBe('not-article');
    expect(outcome.message).toContain('no title');
  });

  it('a title and no body', () => {
    const outcome = rejected(txt([TITLE]));
    expect(outcome.reason).toBe('not-article');
    expect(outcome.message).toContain('no body paragraphs');
  });

  it('a stylesheet or script saved as text', () => {
    expect(rejected(txt(['body { font-family: Tahoma; }', '.x { color: red; }'])).reason).toBe('not-article');
  });

  it('an HTML page with only scripts', () => {
    const outcome = rejected(readPage(utf8('<html><script>var a = 1;</script></html>'), 'x.html'));
    expect(outcome.reason).toBe('empty');
  });
});

describe('generic titles with separators', () => {
  it.each([
    'السعودي «الطلق» يتوج بـ «دبابات» أمم أوروبا',
    'اجتماع وزاري سعودي - أميركي - روسي في الدوحة',
  ])('keeps the headline %s (it is not a breadcrumb)', (title) => {
    const outcome = txt([title, 'الجمعة 16 كانون الأول 2016', '', ...body]);
    expect(outcome.ok && outcome.page.title).toBe(title);
  });

  it('skips a breadcrumb above the title', () => {
    const outcome = txt(['الرئيسية » أخبار » سورية', TITLE, 'الجمعة 16 كانون الأول 2016', '', ...body]);
    expect(outcome.ok && outcome.page.title).toBe(TITLE);
  });
});
