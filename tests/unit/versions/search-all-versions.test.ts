/** Search over earlier wording: off by default; with allVersions an earlier version's hit says which version matched. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { searchArchive } from '../../../src-main/core/search/index.js';
import { writeScrape } from '../../helpers/edited-article.js';
import { useTempDir } from '../../helpers/tmp.js';

const tmp = useTempDir('arshif-search-versions-');

describe('search over earlier wording', () => {
  it('finds the old headline and the old figure only when asked, and says which version holds them', async () => {
    const archive = openArchive(path.join(tmp(), 'a.arshif'), { create: true });
    try {
      await runImport(archive, [0, 1, 2].map((i) => writeScrape(path.join(tmp(), 's'), i)), { parseWorkers: 0 });
      // "بسعة" was only in the first headline; "300" in paragraph 2 until the third scrape made it 250.
      expect(searchArchive(archive, { query: 'بسعة' }).total).toBe(0);
      const headline = searchArchive(archive, { query: 'بسعة', allVersions: true });
      expect(headline.total).toBe(1);
      expect(headline.hits[0]).toMatchObject({ id: 1, earlierVersion: 1, titleHighlights: [] });
      const hl = headline.hits[0]!.highlights[0]!;
      expect(headline.hits[0]!.snippet.slice(hl.start, hl.end)).toBe('بسعة');

      expect(searchArchive(archive, { query: '300' }).total).toBe(0);
      const figure = searchArchive(archive, { query: '300', allVersions: true });
      expect(figure.hits.map((h) => [h.id, h.earlierVersion])).toEqual([[1, 2]]);
      const f = figure.hits[0]!.highlights[0]!;
      expect(figure.hits[0]!.snippet.slice(f.start, f.end)).toBe('300');

      // A word of the shown text: a plain hit, with or without earlier wording.
      const current = searchArchive(archive, { query: '250', allVersions: true });
      expect(current.hits.map((h) => [h.id, h.earlierVersion])).toEqual([[1, undefined]]);
      expect(searchArchive(archive, { query: 'مستشفى', allVersions: true }).total).toBe(1);
    } finally {
      archive.close();
    }
  });
});
