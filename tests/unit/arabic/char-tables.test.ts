import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFold, computeKind, decodeFold, decodeKind, encodeFold, encodeKind, FOLD, KIND } from '../../../src-main/core/arabic/chars.js';
import { charTablesSource } from '../../tools/arabic-lists/build-char-tables.js';
import { repoRoot } from '../../helpers/tmp.js';

describe('the frozen character tables (charTables.ts)', () => {
  it('are exactly what the rules of chars.ts compute (run build-char-tables.ts after changing a rule)', () => {
    expect(Buffer.from(FOLD.buffer).equals(Buffer.from(computeFold().buffer))).toBe(true);
    expect(Buffer.from(KIND.buffer).equals(Buffer.from(computeKind().buffer))).toBe(true);
    expect(fs.readFileSync(path.join(repoRoot, 'src-main', 'core', 'arabic', 'charTables.ts'), 'utf8')).toBe(charTablesSource());
  });

  it('encode and decode any table', () => {
    const fold = new Uint16Array(0x10000).map((_, c) => (c % 7 === 0 ? (c * 31) & 0xffff : c));
    fold[0] = 9;
    fold[0xffff] = 0;
    expect(decodeFold(encodeFold(fold))).toEqual(fold);
    const kind = new Uint8Array(0x10000).map((_, c) => (c >> 5) % 6);
    expect(decodeKind(encodeKind(kind))).toEqual(kind);
  });
});
