/**
 * The identity rule (importer/identity.ts) and the shown-version rule (importer/version-writer.ts):
 * an edited re-scrape is the same article, two articles of the same minute stay apart, the canonical
 * URL wins, a cut-off scrape is kept but never shown, a file changed in place keeps the old text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../../src-main/core/archive/archive.js';
import { getArticle, listArticles } from '../../../src-main/core/archive/articles.js';
import { diffVersions, getVersion, listVersions } from '../../../src-main/core/archive/versions.js';
import { processPage } from '../../../src-main/core/importer/process-page.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { ArchiveWriter } from '../../../src-main/core/importer/writer.js';
import { renderText, renderTruncated, type PageFields } from '../../corpus/render.js';
import { fieldsOf, SCRAPES } from '../../helpers/edited-article.js';
import { useTempDir } from '../../helpers/tmp.js';
import { versionProblems } from '../../helpers/version-invariants.js';

const tmp = useTempDir('arshif-identity-');

const OTHER_STORY = [
  'تعادل فريق الاتحاد مع ضيفه الوحدة بهدف لمثله في المباراة التي جمعتهما مساء أمس على ملعب حلب الدولي ضمن الجولة الخامسة.',
  'وسجل هدف الاتحاد لاعب الوسط في الدقيقة العشرين، فيما أدرك الوحدة التعادل من ركلة جزاء في الشوط الثاني من المباراة.',
  'وبهذه النتيجة يبقى الفريقان في المركزين الثالث والرابع من جدول ترتيب الدوري بانتظار مباريات الجولة المقبلة.',
];

function page(overrides: Partial<PageFields> = {}, scrape = 0): PageFields {
  return { ...fieldsOf(SCRAPES[scrape]!), ...overrides };
}

function write(rel: string, text: string): string {
  const file = path.join(tmp(), 'scrapes', 'alazmenah.com', rel); // a cut-off page names no site: its folder does
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

async function withImport(files: string[] | null, check: (archive: Archive) => void | Promise<void>): Promise<void> {
  const archive = openArchive(path.join(tmp(), 'a.arshif'), { create: true });
  try {
    if (files) await runImport(archive, [path.join(tmp(), 'scrapes')], { parseWorkers: 0 });
    await check(archive);
    expect(versionProblems(archive.db)).toEqual([]);
  } finally {
    archive.close();
  }
}

describe('identity', () => {
  it('keeps two articles published the same minute apart', async () => {
    const files = [write('1.txt', renderText(page())), write('2.txt', renderText(page({ displayTitle: 'تعادل الاتحاد والوحدة في حلب', paragraphs: OTHER_STORY })))];
    await withImport(files, (archive) => {
      expect(listArticles(archive).total).toBe(2);
      expect(listArticles(archive, { edited: true }).total).toBe(0);
    });
  });

  it('takes a new headline over a near-identical body, same time, as an edit', async () => {
    const base = page();
    const edited = { ...base, scrapeDay: '2018-07-22', displayTitle: 'عنوان جديد تماما للخبر نفسه', paragraphs: base.paragraphs.map((p, i) => (i === 0 ? p.replace('اليوم', 'صباح اليوم') : p)) };
    await withImport([write('1.txt', renderText(base)), write('2.txt', renderText(edited))], (archive) => {
      expect(listArticles(archive).total).toBe(1);
      expect(getArticle(archive, 1).title).toBe('عنوان جديد تماما للخبر نفسه');
      expect(listArticles(archive, { edited: true }).articles.map((a) => a.versionCount)).toEqual([2]);
    });
  });

  it('takes a new headline over the same body with a paragraph removed, same time, as an edit', async () => {
    const base = page();
    const edited = { ...base, scrapeDay: '2018-07-22', displayTitle: 'عنوان جديد', paragraphs: [base.paragraphs[0]!, base.paragraphs[3]!] };
    await withImport([write('1.txt', renderText(base)), write('2.txt', renderText(edited))], (archive) => {
      expect(listArticles(archive).articles.map((a) => a.versionCount)).toEqual([2]);
    });
  });

  it('does not join an unrelated body with a new headline at the same time', async () => {
    const other = page({ scrapeDay: '2018-07-22', displayTitle: 'عنوان آخر', paragraphs: OTHER_STORY });
    await withImport([write('1.txt', renderText(page())), write('2.txt', renderText(other))], (archive) => {
      expect(listArticles(archive).total).toBe(2);
    });
  });

  it('keeps the same headline published at another time a separate article', async () => {
    const later = page({ published: '2018-07-27 09:15:00', scrapeDay: '2018-07-27' });
    await withImport([write('1.txt', renderText(page())), write('2.txt', renderText(later))], (archive) => {
      expect(listArticles(archive).total).toBe(2);
    });
  });

  describe('with canonical URLs', () => {
    /** Stores pages through the writer with the URL a page or crawl would state. */
    function store(archive: Archive, pages: Array<{ fields: PageFields; url: string | null; path: string }>): void {
      const writer = new ArchiveWriter(archive, 1);
      archive.db.prepare("INSERT INTO imports (id, started_at, status, roots) VALUES (1, '', 'running', '[]')").run();
      archive.db.transaction(() => {
        for (const p of pages) {
          const processed = processPage(new TextEncoder().encode(renderText(p.fields)), 'page.txt');
          if (!processed.outcome.ok || !processed.analysis) throw new Error('the page did not parse');
          const parsed = { ...processed.outcome.page, url: p.url };
          writer.storePage({ path: p.path, hash: p.path, bytes: 1, site: parsed.site ?? 'x', page: parsed, encoding: 'utf-8', analysis: processed.analysis, replaces: null });
        }
      })();
    }

    it('is the same article at the same URL even when its time and headline changed', () =>
      withImport(null, (archive) => {
        const edited = page({ scrapeDay: '2018-07-22', published: '2018-07-20 11:40:00', displayTitle: 'عنوان محدث' });
        store(archive, [
          { fields: page(), url: 'https://alazmenah.com/news/4242', path: '/a' },
          { fields: edited, url: 'https://alazmenah.com/news/4242', path: '/b' },
        ]);
        expect(listArticles(archive).total).toBe(1);
        expect(getArticle(archive, 1)).toMatchObject({ url: 'https://alazmenah.com/news/4242', title: 'عنوان محدث', versionCount: 2 });
      }));

    it('keeps two URLs two articles, even with the same headline and time', () =>
      withImport(null, (archive) => {
        store(archive, [
          { fields: page(), url: 'https://alazmenah.com/news/1', path: '/a' },
          { fields: page(), url: 'https://alazmenah.com/news/2', path: '/b' },
          { fields: page({ scrapeDay: '2018-07-22' }), url: 'https://alazmenah.com/news/2', path: '/c' },
        ]);
        expect(listArticles(archive).total).toBe(2);
        expect(getArticle(archive, 2).snapshots.map((s) => s.path)).toEqual(['/b', '/c']);
      }));

    it('does not let one "canonical" URL on every page join unrelated articles', () =>
      withImport(null, (archive) => {
        const other = page({ published: '2018-07-21 08:00:00', displayTitle: 'تعادل الاتحاد والوحدة', paragraphs: OTHER_STORY });
        store(archive, [
          { fields: page(), url: 'https://alazmenah.com/', path: '/a' },
          { fields: other, url: 'https://alazmenah.com/', path: '/b' },
        ]);
        expect(listArticles(archive).total).toBe(2);
      }));

    it('joins a text save without URL to the HTML save of the same article', () =>
      withImport(null, (archive) => {
        store(archive, [
          { fields: page(), url: null, path: '/a' },
          { fields: page({ scrapeDay: '2018-07-22' }), url: 'https://alazmenah.com/news/4242', path: '/b' },
        ]);
        expect(listArticles(archive).total).toBe(1);
        expect(getArticle(archive, 1).url).toBe('https://alazmenah.com/news/4242');
      }));
  });
});

describe('cut-off scrapes', () => {
  const complete = page();
  const cut = renderTruncated({ ...complete, scrapeDay: '2018-07-22' }, 2, 5).text;

  it('keeps a later cut-off scrape as a version that is never shown', async () => {
    await withImport([write('1.txt', renderText(complete)), write('2.txt', cut)], (archive) => {
      const article = getArticle(archive, 1);
      expect(article.paragraphs).toEqual(complete.paragraphs);
      expect(article.readCount).toBe(complete.readCount);
      const { versions } = listVersions(archive, 1);
      expect(versions.map((v) => [v.number, v.shown, v.cut])).toEqual([
        [1, true, false],
        [2, false, true],
      ]);
      expect(getVersion(archive, 1, 2).paragraphs.length).toBe(3);
      const diff = diffVersions(archive, 1, { from: 1, to: 2 });
      expect(diff.paragraphs.map((r) => r.kind)).toEqual(['same', 'same', 'changed', 'deleted']);
    });
  });

  it('shows the complete text when the cut-off scrape came first', async () => {
    const earlyCut = renderTruncated(complete, 1, 3).text;
    const later = renderText({ ...complete, scrapeDay: '2018-07-22' });
    await withImport([write('1.txt', earlyCut), write('2.txt', later)], (archive) => {
      expect(getArticle(archive, 1).paragraphs).toEqual(complete.paragraphs);
      expect(listVersions(archive, 1).versions.map((v) => [v.shown, v.cut])).toEqual([
        [false, true],
        [true, false],
      ]);
    });
  });
});

describe('a file changed in place', () => {
  it('keeps the earlier text as a version after the file is overwritten with an edit', async () => {
    const file = write('article.txt', renderText(page()));
    const archive = openArchive(path.join(tmp(), 'a.arshif'), { create: true });
    try {
      await runImport(archive, [file], { parseWorkers: 0 });
      fs.writeFileSync(file, renderText(page({}, 1)));
      const report = await runImport(archive, [file], { parseWorkers: 0 });
      expect(report).toMatchObject({ articlesUpdated: 1, articlesAdded: 0 });
      expect(listArticles(archive).total).toBe(1);
      const { versions } = listVersions(archive, 1);
      expect(versions.map((v) => [v.title, v.snapshots.length, v.shown])).toEqual([
        [SCRAPES[0]!.title, 0, false],
        [SCRAPES[1]!.title, 1, true],
      ]);
      expect(versionProblems(archive.db)).toEqual([]);
    } finally {
      archive.close();
    }
  });

  it('drops the old article when the file now holds another one', async () => {
    const file = write('article.txt', renderText(page()));
    const archive = openArchive(path.join(tmp(), 'a.arshif'), { create: true });
    try {
      await runImport(archive, [file], { parseWorkers: 0 });
      fs.writeFileSync(file, renderText(page({ published: '2018-07-21 10:00:00', displayTitle: 'خبر آخر', paragraphs: OTHER_STORY })));
      await runImport(archive, [file], { parseWorkers: 0 });
      const list = listArticles(archive);
      expect(list.articles.map((a) => a.title)).toEqual(['خبر آخر']);
      expect(versionProblems(archive.db)).toEqual([]);
    } finally {
      archive.close();
    }
  });
});
