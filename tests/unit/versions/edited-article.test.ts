/**
 * Issue 12 acceptance: the same article in three scrapes (a changed headline; a changed figure and a
 * removed paragraph) is one article with three versions, exact diffs and read counts per snapshot;
 * byte-identical and text-identical copies add no version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../../src-main/core/archive/archive.js';
import { getArticle, listArticles } from '../../../src-main/core/archive/articles.js';
import { exportArticles } from '../../../src-main/core/archive/export.js';
import { getTicker } from '../../../src-main/core/archive/ticker.js';
import { diffVersions, getVersion, listVersions } from '../../../src-main/core/archive/versions.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { SCRAPES, TITLE_1, TITLE_2, VERSION_TEXTS, writeScrape } from '../../helpers/edited-article.js';
import { useTempDir } from '../../helpers/tmp.js';
import { versionProblems } from '../../helpers/version-invariants.js';

const tmp = useTempDir('arshif-versions-');

async function importAll(archive: Archive, paths: string[]) {
  const report = await runImport(archive, paths, { parseWorkers: 0 });
  expect(report.phase).toBe('finished');
  expect(report.rejected).toBe(0);
  return report;
}

function withArchive<T>(fn: (archive: Archive) => Promise<T>): Promise<T> {
  const archive = openArchive(path.join(tmp(), 'a.arshif'), { create: true });
  return fn(archive).finally(() => archive.close());
}

describe('an article edited between three scrapes', () => {
  it('is one article with three versions, each with its snapshots and read counts', () =>
    withArchive(async (archive) => {
      const scrapes = path.join(tmp(), 'scrapes');
      const files = [0, 1, 2].map((i) => writeScrape(scrapes, i));
      const report = await importAll(archive, [scrapes]);
      expect(report).toMatchObject({ articlesAdded: 1, articlesUpdated: 2 });

      const list = listArticles(archive);
      expect(list.total).toBe(1);
      const id = list.articles[0]!.id;
      expect(list.articles[0]!.versionCount).toBe(3);

      const article = getArticle(archive, id);
      expect(article.title).toBe(TITLE_2);
      expect(article.paragraphs).toEqual(VERSION_TEXTS[2]!.paragraphs);
      expect(article.readCount).toBe(910);
      expect(article.version).toBe(3);
      expect(article.snapshots.map((s) => [s.path, s.version, s.readCount])).toEqual(files.map((f, i) => [f, i + 1, SCRAPES[i]!.readCount]));

      const { versions } = listVersions(archive, id);
      expect(versions.map((v) => v.number)).toEqual([1, 2, 3]);
      expect(versions.map((v) => v.title)).toEqual([TITLE_1, TITLE_2, TITLE_2]);
      expect(versions.map((v) => v.shown)).toEqual([false, false, true]);
      expect(versions.map((v) => v.cut)).toEqual([false, false, false]);
      expect(versions.map((v) => [v.firstScrapedOn, v.lastScrapedOn])).toEqual(SCRAPES.map((s) => [s.day, s.day]));
      expect(versions.map((v) => v.snapshots.map((s) => s.readCount))).toEqual([[120], [480], [910]]);

      for (const [i, text] of VERSION_TEXTS.entries()) {
        const v = getVersion(archive, id, i + 1);
        expect({ title: v.title, paragraphs: v.paragraphs }).toEqual(text);
        expect(v.section).toBe('أخبار سورية');
      }
    }));

  it('diffs the headline change word by word and nothing else', () =>
    withArchive(async (archive) => {
      await importAll(archive, [0, 1, 2].map((i) => writeScrape(path.join(tmp(), 's'), i)));
      const diff = diffVersions(archive, 1, { from: 1, to: 2 });
      expect(diff.paragraphs.every((r) => r.kind === 'same')).toBe(true);
      expect(diff.author).toBeNull();
      expect(diff.section).toBeNull();
      const removed = diff.title.filter((o) => o.op === 'delete').map((o) => o.text.trim());
      const added = diff.title.filter((o) => o.op === 'insert').map((o) => o.text.trim());
      const kept = diff.title.filter((o) => o.op === 'equal').map((o) => o.text.trim());
      // What the old headline loses, what the new one gains, and the words both share, in order.
      expect(diff.title.filter((o) => o.op !== 'insert').map((o) => o.text).join('')).toBe(TITLE_1);
      expect(diff.title.filter((o) => o.op !== 'delete').map((o) => o.text).join('')).toBe(TITLE_2);
      expect(kept.join(' ')).toContain('مستشفى');
      expect(removed.join(' ').split(' ')).toContain('300');
      expect(added.join(' ').split(' ')).toContain('بحضور');
      expect(diff.inserted).toBe(added.join(' ').split(' ').length);
      expect(diff.deleted).toBe(removed.join(' ').split(' ').length);
    }));

  it('diffs the changed figure and the removed paragraph exactly', () =>
    withArchive(async (archive) => {
      await importAll(archive, [0, 1, 2].map((i) => writeScrape(path.join(tmp(), 's'), i)));
      const diff = diffVersions(archive, 1, { from: 2, to: 3 });
      expect(diff.title).toEqual([{ op: 'equal', text: TITLE_2 }]);
      expect(diff.paragraphs.map((r) => r.kind)).toEqual(['same', 'changed', 'deleted', 'same']);
      const changed = diff.paragraphs[1]!;
      expect(changed.ops.filter((o) => o.op !== 'equal')).toEqual([
        { op: 'delete', text: '300 ' },
        { op: 'insert', text: '250 ' },
      ]);
      expect(diff.paragraphs[2]!.ops).toEqual([{ op: 'delete', text: VERSION_TEXTS[0]!.paragraphs[2]! }]);
      const words = VERSION_TEXTS[0]!.paragraphs[2]!.split(' ').length;
      expect(diff).toMatchObject({ inserted: 1, deleted: 1 + words, marksOnly: false });
      // Default: the first version against the shown one.
      const overall = diffVersions(archive, 1);
      expect([overall.from, overall.to]).toEqual([1, 3]);
    }));

  it('adds no version for a byte-identical or a text-identical copy', () =>
    withArchive(async (archive) => {
      const dir = path.join(tmp(), 's');
      for (const i of [0, 1, 2]) writeScrape(dir, i);
      // A byte copy of scrape 2 in a backup folder; scrape 3 saved again as HTML, and as text the next day.
      const backup = path.join(dir, 'backup');
      fs.mkdirSync(backup);
      fs.copyFileSync(path.join(dir, SCRAPES[1]!.day, 'article.txt'), path.join(backup, 'copy.txt'));
      writeScrape(dir, 2, 'html', 'saved-as-html');
      const later = { ...SCRAPES[2]!, day: '2018-07-25', readCount: 990 };
      SCRAPES.push(later);
      try {
        writeScrape(dir, 3);
      } finally {
        SCRAPES.pop();
      }
      const report = await importAll(archive, [dir]);
      expect(report).toMatchObject({ articlesAdded: 1, duplicates: 1 });
      const article = getArticle(archive, 1);
      expect(article.versionCount).toBe(3);
      expect(article.readCount).toBe(990);
      const { versions } = listVersions(archive, 1);
      expect(versions.map((v) => v.snapshots.length)).toEqual([1, 2, 3]);
      expect(versions[1]!.snapshots.map((s) => s.readCount)).toEqual([480, 480]);
      expect(versions[2]!.snapshots.map((s) => s.readCount).sort()).toEqual([910, 910, 990]);
      expect(versions[2]!.lastScrapedOn).toBe('2018-07-25');
    }));

  it('links ticker headlines of an earlier headline to the edited article', () =>
    withArchive(async (archive) => {
      await importAll(archive, [0, 1, 2].map((i) => writeScrape(path.join(tmp(), 's'), i)));
      const first = getTicker(archive, { site: 'alazmenah.com', date: SCRAPES[0]!.day });
      expect(first?.headlines[0]).toMatchObject({ headline: TITLE_1, articleId: 1 });
    }));

  it('exports every version of an edited article beside the article', () =>
    withArchive(async (archive) => {
      await importAll(archive, [0, 1, 2].map((i) => writeScrape(path.join(tmp(), 's'), i)));
      const [line] = [...exportArticles(archive)];
      expect(line!.title).toBe(TITLE_2);
      expect(line!.versions?.map((v) => [v.number, v.title, v.shown])).toEqual([
        [1, TITLE_1, false],
        [2, TITLE_2, false],
        [3, TITLE_2, true],
      ]);
      expect(line!.versions?.[0]!.paragraphs).toEqual(VERSION_TEXTS[0]!.paragraphs);
    }));
});

describe('the invariants of versions', () => {
  it('hold after an import of edited scrapes', () =>
    withArchive(async (archive) => {
      await importAll(archive, [0, 1, 2].map((i) => writeScrape(path.join(tmp(), 's'), i)));
      expect(versionProblems(archive.db)).toEqual([]);
    }));
});
