/**
 * 20,000 hostile requests against a real `arshif serve` (a child process): bodies nested thousands
 * deep, broken JSON, no token, bodies declared too large, bodies cut off mid-way, unknown methods.
 * Each is answered (or dropped) and frees what it held: the host's resident memory stays flat and it
 * still answers afterwards. (Before, each deeply nested body leaked ~280 KB and ~15,000 of them
 * crashed the host.)
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../helpers/arshif-serve.js';

const REQUESTS = 20_000;
const WARM_UP = 2_000;
/** Allowed growth of resident memory over the 20,000 requests after warm-up. */
const RSS_GROWTH_LIMIT_MB = 40;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const deep = (levels: number) => `{"limit":${'['.repeat(levels)}${']'.repeat(levels)}}`;

interface Shot {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send only the start of the body, then hang up. */
  cutAfter?: number;
}

function hostileShot(i: number, token: string): Shot {
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  switch (i % 6) {
    case 0:
      return { method: 'POST', path: '/api/list', headers: auth, body: deep(5_000 + (i % 7) * 1000) };
    case 1:
      return { method: 'POST', path: '/api/search', headers: auth, body: `{"query": "حلب", "limit": ${'['.repeat(40)}` };
    case 2:
      return { method: 'POST', path: '/api/list', headers: { 'content-type': 'application/json' }, body: deep(6_000) };
    case 3:
      return { method: 'POST', path: '/api/list', headers: { ...auth, 'content-length': String(64 * 1024 * 1024) }, body: '' };
    case 4:
      return { method: 'POST', path: '/api/list', headers: { ...auth, 'content-length': '100000' }, body: deep(20_000), cutAfter: 3_000 };
    default:
      return { method: 'POST', path: `/api/${'x'.repeat(i % 50)}nope`, headers: auth, body: '{}' };
  }
}

function fire(port: number, agent: http.Agent, shot: Shot): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request({ host: '127.0.0.1', port, agent, method: shot.method ?? 'GET', path: shot.path, headers: shot.headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', () => resolve(-1));
    });
    request.on('error', () => resolve(-1));
    if (shot.cutAfter !== undefined) {
      request.write(shot.body!.slice(0, shot.cutAfter));
      setImmediate(() => request.destroy());
      return;
    }
    request.end(shot.body);
  });
}

async function flood(port: number, token: string, from: number, to: number): Promise<Map<number, number>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const statuses = new Map<number, number>();
  let next = from;
  const lane = async () => {
    while (next < to) {
      const status = await fire(port, agent, hostileShot(next++, token));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  agent.destroy();
  return statuses;
}

describe.skipIf(process.platform !== 'linux')('a flood of hostile requests', () => {
  let served: ServeProcess;
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-flood-'));
    served = await startServe(['--archive', path.join(dir, 'flood.arshif'), '--port', '0'], { XDG_CONFIG_HOME: path.join(dir, 'config') });
  });
  afterAll(async () => {
    await served?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`${REQUESTS.toLocaleString('en')} requests: every one answered or dropped, resident memory flat, the host still answers`, async () => {
    const port = Number(new URL(served.url).port);
    const pid = served.child.pid!;
    await flood(port, served.token, 0, WARM_UP);
    const before = rssMb(pid);
    const started = Date.now();
    const statuses = await flood(port, served.token, WARM_UP, WARM_UP + REQUESTS);
    const after = rssMb(pid);
    const summary = [...statuses].map(([s, n]) => `${s}×${n}`).join(', ');
    console.log(`${REQUESTS} hostile requests in ${((Date.now() - started) / 1000).toFixed(1)} s (${summary}); host RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB`);
    expect([...statuses.keys()].every((s) => [400, 401, 404, 413, -1].includes(s)), summary).toBe(true);
    expect(statuses.get(400)).toBeGreaterThan(REQUESTS / 4);
    expect(after - before).toBeLessThan(RSS_GROWTH_LIMIT_MB);
    const info = await fetch(`${served.url}api/archiveInfo`, { method: 'POST', headers: { ...served.auth, 'Content-Type': 'application/json' }, body: '{}' });
    expect(await info.json()).toMatchObject({ ok: true });
  });
});
