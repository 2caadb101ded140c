/** A real archive worker behind a real host on 127.0.0.1, over a temporary archive and config folder. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ImportProgress } from '../../../src-main/common/types.js';
import type { Result } from '../../../src-main/common/result.js';
import { startHost, type RunningHost } from '../../../src-main/host/index.js';
import { ArchiveWorkerClient } from '../../../src-main/worker/client.js';

export interface TestHost {
  dir: string;
  token: string;
  archivePath: string;
  rendererDir: string;
  host: RunningHost;
  worker: ArchiveWorkerClient;
  api<T = unknown>(method: string, args?: unknown, headers?: Record<string, string>): Promise<Result<T>>;
  /** rawRequest to this host, carrying its token unless `anonymous`. */
  raw(request: RawRequest & { anonymous?: boolean }): Promise<RawResponse>;
  waitForImport(importId: number): Promise<ImportProgress>;
  close(): Promise<void>;
}

export const TEST_TOKEN = 'test-host-token-0123456789';

export async function startTestHost(
  options: { token?: string; allowFileAccess?: boolean; rendererFiles?: Record<string, string> } = {},
): Promise<TestHost> {
  const token = options.token ?? TEST_TOKEN;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-host-'));
  const archivePath = path.join(dir, 'test.arshif');
  const rendererDir = path.join(dir, 'renderer');
  for (const [name, content] of Object.entries(options.rendererFiles ?? {})) {
    fs.mkdirSync(path.dirname(path.join(rendererDir, name)), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, name), content);
  }
  const worker = await ArchiveWorkerClient.start({
    configDir: path.join(dir, 'config'),
    initialArchive: { kind: 'path', path: archivePath, create: true },
    parseWorkers: 0,
  });
  const host = await startHost({ caller: worker, rendererDir, port: 0, token, allowFileAccess: options.allowFileAccess ?? true });
  const finished = new Map<number, ImportProgress>();
  const waiters = new Map<number, (p: ImportProgress) => void>();
  worker.on('importProgress', (p) => {
    if (p.phase === 'scanning' || p.phase === 'importing') return;
    finished.set(p.importId, p);
    waiters.get(p.importId)?.(p);
  });
  return {
    dir,
    token,
    archivePath,
    rendererDir,
    host,
    worker,
    async api<T>(method: string, args: unknown = {}, headers: Record<string, string> = {}) {
      const auth: Record<string, string> = { Authorization: `Bearer ${token}` };
      const response = await fetch(`${host.url}api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth, ...headers },
        body: JSON.stringify(args),
      });
      return (await response.json()) as Result<T>;
    },
    raw(request) {
      const auth: Record<string, string> = request.anonymous ? {} : { authorization: `Bearer ${token}` };
      return rawRequest(host.port, { ...request, headers: { ...auth, ...request.headers } });
    },
    waitForImport(importId) {
      const done = finished.get(importId);
      if (done) return Promise.resolve(done);
      return new Promise((resolve) => waiters.set(importId, resolve));
    },
    async close() {
      await host.close();
      await worker.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  omitHost?: boolean;
}

/** An HTTP request with the path sent exactly as given (fetch would normalise `..` away). */
export function rawRequest(port: number, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: request.method ?? 'GET', path: request.path, headers: request.headers, setHost: !request.omitHost },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}
