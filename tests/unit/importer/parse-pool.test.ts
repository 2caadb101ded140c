/**
 * The parse pool: pages no worker has taken yet wait in the pool, where the writer parses them itself
 * (helpOnce) rather than wait idle — oldest first, never a large page — with the same result a worker gives.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inlineParser, workerParser, type PageParser } from '../../../src-main/core/importer/parse-pool.js';

const page = (n: number) =>
  Buffer.from(
    `عنوان الخبر رقم ${n}\nنص الخبر ${n} في سطر أول طويل بما يكفي ليكون فقرة من فقرات المقال المنشور في الموقع.\n` +
      'وفقرة ثانية عن الموضوع نفسه تزيد النص طولًا حتى يعد مقالًا كاملًا.\n',
  );

let parser: PageParser | null = null;
afterEach(async () => {
  await parser?.close();
  parser = null;
});

describe('workerParser', () => {
  it('leaves pages in the pool until a worker has loaded, and the writer parses them with the same result', async () => {
    parser = workerParser(1);
    // Posted right after the worker was started: its code has not loaded yet, so every job waits in the pool.
    const jobs = [1, 2, 3].map((n) => parser!.parse(page(n), `page-${n}.txt`));
    const order: number[] = [];
    jobs.forEach((job, i) => void job.then(() => order.push(i + 1)));
    expect(parser.helpOnce()).toBe(true);
    await Promise.resolve();
    expect(order).toEqual([1]); // the oldest first: the writer writes pages in order
    const reference = inlineParser();
    const results = await Promise.all(jobs);
    expect(results.map((r) => r.outcome.ok)).toEqual([true, true, true]);
    for (const [i, result] of results.entries()) {
      expect(result).toEqual(await reference.parse(page(i + 1), `page-${i + 1}.txt`));
    }
  });

  it('never takes a page over 1 MB on the writer’s thread', async () => {
    parser = workerParser(1);
    const big = Buffer.concat([page(0), Buffer.alloc((1 << 20) + 1, 0x61)]);
    const job = parser.parse(big, 'big.txt');
    expect(parser.helpOnce()).toBe(false);
    const result = await job; // a worker takes it once loaded
    expect(result.outcome.ok).toBe(true);
  });

  it('has nothing to give when every page went to a worker', async () => {
    parser = workerParser(1);
    await parser.parse(page(1), 'first.txt'); // answered: the worker is loaded
    const next = parser.parse(page(2), 'second.txt');
    expect(parser.helpOnce()).toBe(false);
    expect((await next).outcome.ok).toBe(true);
  });

  it('refuses the pages still waiting when it is closed', async () => {
    parser = workerParser(1);
    const refused = expect(parser.parse(page(1), 'page.txt')).rejects.toThrow(/closed/);
    await parser.close();
    parser = null;
    await refused;
  });
});

describe('inlineParser', () => {
  it('parses on the calling thread, so there is never a page to help with', async () => {
    const inline = inlineParser();
    expect(inline.helpOnce()).toBe(false);
    expect((await inline.parse(page(1), 'page.txt')).outcome.ok).toBe(true);
  });
});
