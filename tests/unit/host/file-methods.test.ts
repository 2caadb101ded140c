import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../../src-main/common/result.js';
import { handleApiCall } from '../../../src-main/host/api-route.js';

/** A host reached from other machines must not read or write arbitrary local paths for them. */
describe('file-touching methods on a non-loopback host', () => {
  const calls: string[] = [];
  const caller = { call: async (method: string) => (calls.push(method), ok({})), onEvent: () => () => {} };
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => void handleApiCall(req, res, req.url!.slice('/api/'.length), { caller, allowFileMethods: false }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses import, export, openArchive and createArchive; allows the rest', async () => {
    const post = async (method: string) => (await fetch(`http://127.0.0.1:${port}/api/${method}`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })).status;
    for (const method of ['import', 'export', 'openArchive', 'createArchive']) expect(await post(method), method).toBe(403);
    expect(await post('list')).toBe(200);
    expect(calls).toEqual(['list']);
  });
});
