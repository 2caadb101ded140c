import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh temporary folder for each test, removed after it: call the returned function to get its path. */
export function useTempDir(prefix = 'arshif-test-'): () => string {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const samplePagePath = path.join(repoRoot, 'tests', 'fixtures', 'pages', 'alazmenah-sample.txt');
