import { describe, expect, it } from 'vitest';
import { spawnWorker } from '../../../src-main/core/threads/spawn-worker.js';

/** The nice values of the process's threads, seen from a thread at `nice` that started a parse pool. */
function nicesFromThreadAt(nice: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = spawnWorker(import.meta.url, 'nice-probe', { workerData: { nice } });
    worker.once('message', (nices: number[]) => resolve(nices));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the probe thread ended (exit code ${code})`)));
  });
}

describe.skipIf(process.platform !== 'linux')('parse workers', () => {
  it("run at the priority of the thread that starts the import (the app's background import thread, or the command line's normal one)", async () => {
    // Threads at 7: the probe itself and its parse worker (not the fixed background value, 10).
    const fromBackground = await nicesFromThreadAt(7);
    expect(fromBackground.filter((n) => n === 7).length).toBeGreaterThanOrEqual(2);
    expect(fromBackground).not.toContain(10);
    const fromNormal = await nicesFromThreadAt(0);
    expect(fromNormal).not.toContain(10);
  });
});
