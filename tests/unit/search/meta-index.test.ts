import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { META_QUERY } from '../../../src-main/core/search/meta.js';
import { useTempDir } from '../../helpers/tmp.js';

describe('search metadata is read from its covering index', () => {
  const tmp = useTempDir();

  it('never from the article rows, which hold the text (a million of them read 3.5 GB)', () => {
    const archive = openArchive(path.join(tmp(), 'meta.arshif'), { create: true });
    try {
      const plan = (archive.db.prepare(`EXPLAIN QUERY PLAN ${META_QUERY}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
      expect(plan).toContain('COVERING INDEX articles_meta');
    } finally {
      archive.close();
    }
  });
});
