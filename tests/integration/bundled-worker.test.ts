/**
 * The archive worker as the app ships it: out/main/archive-worker.js (bundled by electron-vite), with
 * its import thread and parse workers resolved next to it. Skipped until `npm run build` has run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src-main/common/result.js';
import type { FromWorker, WorkerStartData } from '../../src-main/worker/protocol.js';
import { repoRoot, samplePagePath } from '../helpers/tmp.js';

const bundle = path.join(repoRoot, 'out', 'main', 'archive-worker.js');

describe.skipIf(!fs.existsSync(bundle))('the bundled archive worker (out/main)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-bundled-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('starts, imports on its own threads, answers, and closes', async () => {
    const data: WorkerStartData = { configDir: path.join(dir, 'config'), initialArchive: { kind: 'path', path: path.join(dir, 'b.arshif'), create: true } };
    const worker = new Worker(bundle, { workerData: data });
    const results = new Map<number, (r: Result<unknown>) => void>();
    let nextId = 0;
    const call = (method: string, args: unknown) =>
      new Promise<Result<unknown>>((resolve) => {
        results.set(++nextId, resolve);
        worker.postMessage({ type: 'call', id: nextId, method, args });
      });
    const finished = new Promise<unknown>((resolve) =>
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'result') results.get(m.id)?.(m.result);
        if (m.type === 'event' && m.message.event === 'importProgress' && m.message.payload.phase === 'finished') resolve(m.message.payload);
      }),
    );
    await new Promise<void>((resolve, reject) =>
      worker.once('message', (m: FromWorker) => (m.type === 'ready' ? resolve() : reject(new Error(JSON.stringify(m))))),
    );
    expect(await call('import', { paths: [samplePagePath] })).toMatchObject({ ok: true });
    expect(await finished).toMatchObject({ articlesAdded: 1 });
    expect(await call('search', { query: 'حلب' })).toMatchObject({ ok: true, value: { total: 1 } });
    const closed = new Promise<void>((resolve) => worker.on('message', (m: FromWorker) => m.type === 'closed' && resolve()));
    worker.postMessage({ type: 'close' });
    await closed;
    await worker.terminate();
  });
});
