/**
 * The reader pool's lanes and watchdog, with reader threads that follow the protocol but hang on
 * demand (a real hang would need a pathological archive): a hung search ends with `timeout` after
 * the limit, its thread is replaced, and the quick lane answers meanwhile.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ReaderPool } from '../../../src-main/worker/reader-pool.js';
import { useTempDir } from '../../helpers/tmp.js';

const FAKE_READER = `
import { parentPort } from 'node:worker_threads';
let path = null;
parentPort.on('message', (m) => {
  if (m.type === 'open') {
    path = m.path;
    parentPort.postMessage({ type: 'opened' });
    return;
  }
  if (m.method === 'search' && m.args.query === 'hang') {
    const end = Date.now() + 60000;
    while (Date.now() < end);
  }
  parentPort.postMessage({ type: 'result', id: m.id, result: { ok: true, value: { method: m.method, path } } });
});
`;

describe('ReaderPool', () => {
  const tmp = useTempDir();
  let pool: ReaderPool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  function start(limitMs: number): ReaderPool {
    const script = path.join(tmp(), 'fake-reader.mjs');
    fs.writeFileSync(script, FAKE_READER);
    pool = new ReaderPool({ spawn: () => new Worker(script), limitMs });
    pool.open('/archives/a.arshif');
    return pool;
  }

  it('answers reads on the archive it was pointed at', async () => {
    const p = start(2000);
    expect(p.active).toBe(true);
    expect(await p.call('show', { id: 1 })).toEqual({ ok: true, value: { method: 'show', path: '/archives/a.arshif' } });
    expect(await p.call('search', { query: 'حلب' })).toMatchObject({ ok: true, value: { method: 'search' } });
  });

  it('stops a read past its limit with a timeout error, replaces the thread, and keeps the quick lane answering', async () => {
    const p = start(1500);
    await Promise.all([p.call('show', { id: 1 }), p.call('search', { query: 'a' }), p.call('search', { query: 'b' })]); // threads up
    let settled = 0;
    const hung = [1, 2, 3, 4].map(() => p.call('search', { query: 'hang' }).finally(() => settled++));
    // Opening an article does not wait behind the searches: it is answered while they still run.
    expect(await p.call('show', { id: 7 })).toMatchObject({ ok: true });
    expect(settled).toBe(0);
    for (const result of await Promise.all(hung)) expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    // The replaced threads answer again.
    expect(await p.call('search', { query: 'حلب' })).toMatchObject({ ok: true });
  });

  it('follows the archive the service opens, and answers nothing after closing', async () => {
    const p = start(2000);
    p.open('/archives/b.arshif');
    expect(await p.call('list', {})).toMatchObject({ ok: true, value: { path: '/archives/b.arshif' } });
    await p.close();
    expect(await p.call('list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
