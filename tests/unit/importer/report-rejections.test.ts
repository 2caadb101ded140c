import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORTED_REJECTIONS } from '../../../src-main/common/types.js';
import { openArchive } from '../../../src-main/core/archive/archive.js';
import { runImport } from '../../../src-main/core/importer/run-import.js';
import { readImportReport } from '../../../src-main/core/service/import-history.js';
import { repoRoot, useTempDir } from '../../helpers/tmp.js';

describe('an import with more rejections than its report holds', () => {
  const tmp = useTempDir();
  const extra = 7;

  function junk(): string {
    const root = path.join(tmp(), 'scrape');
    fs.mkdirSync(root);
    for (let i = 0; i < REPORTED_REJECTIONS + extra; i++) fs.writeFileSync(path.join(root, `${String(i).padStart(5, '0')}.jpg`), 'x');
    return root;
  }

  it('keeps the first ones in memory, counts all, and the archive and the command line list every one', async () => {
    const root = junk();
    const file = path.join(tmp(), 'a.arshif');
    const archive = openArchive(file, { create: true });
    const report = await runImport(archive, [root], { parseWorkers: 0 });
    expect(report.rejected).toBe(REPORTED_REJECTIONS + extra);
    expect(report.rejections).toHaveLength(REPORTED_REJECTIONS);
    expect(report.rejections[0]?.path).toBe(path.join(root, '00000.jpg'));
    expect(readImportReport(archive, report.importId).rejections).toHaveLength(REPORTED_REJECTIONS + extra);
    archive.close();

    // A relative path is taken from where the command runs.
    const cli = path.join(repoRoot, 'src-main/cli/main.ts');
    const tsx = import.meta.resolve('tsx'); // resolved here: the command runs elsewhere
    const out = execFileSync(process.execPath, ['--import', tsx, cli, 'import', '--archive', path.join(tmp(), 'b.arshif'), 'scrape'], {
      cwd: tmp(),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(out).toContain(`rejected ${REPORTED_REJECTIONS + extra}:`);
    expect(out.split('\n').filter((line) => line.includes('[unsupported-type]'))).toHaveLength(REPORTED_REJECTIONS + extra);
    expect(out).toContain(`${path.join(root, '01006.jpg')}`);
  }, 60_000);
});
