import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src-main/common/security.js';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../../src-main/host/api-route.js';
import { rawRequest, startTestHost, type RawResponse, type TestHost } from './test-host.js';

const INDEX = '<!doctype html><html><head><meta charset="utf-8"><title>Arshif</title></head><body><script type="module" src="/assets/app.js"></script></body></html>';

function expectSecurityHeaders(response: RawResponse): void {
  expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers[name.toLowerCase()]).toBe(value);
}

describe('the host, to requests that carry its token', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost({ rendererFiles: { 'index.html': INDEX, 'assets/app.js': 'console.log(1);', 'assets/app.css': 'body{}' } });
  });
  afterAll(async () => {
    await t?.close();
  });
  const port = () => t.host.port;

  it('has a loopback URL, and a sign-in URL that carries the token', () => {
    expect(t.host.url).toBe(`http://127.0.0.1:${t.host.port}/`);
    expect(t.host.signInUrl).toBe(`http://127.0.0.1:${t.host.port}/?token=${t.token}`);
  });

  it('serves the renderer with the CSP and the right content types', async () => {
    const index = await t.raw({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toBe(INDEX);
    const script = await t.raw({ path: '/assets/app.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(index);
    expectSecurityHeaders(script);
  });

  it('sends the CSP and security headers on every kind of response', async () => {
    const responses = [
      await t.raw({ path: '/' }),
      await t.raw({ path: '/assets/app.css' }),
      await t.raw({ path: '/missing.js' }),
      await t.raw({ path: '/../etc/passwd' }),
      await t.raw({ method: 'POST', path: '/' }),
      await t.raw({ method: 'POST', path: '/api/list', body: '{}', headers: { 'content-type': 'application/json' } }),
      await t.raw({ method: 'POST', path: '/api/nope', body: '{}' }),
      await t.raw({ method: 'GET', path: '/api/list' }),
      await t.raw({ method: 'POST', path: '/api/list', body: '{oops' }),
      await t.raw({ path: '/', headers: { host: 'evil.example:80' } }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 400, 405, 200, 404, 405, 400, 403]);
    for (const response of responses) expectSecurityHeaders(response);
  });

  it('falls back to index.html for app routes, not for missing files', async () => {
    expect((await t.raw({ path: '/article/12' })).body).toBe(INDEX);
    expect((await t.raw({ path: '/assets/gone.js' })).status).toBe(404);
  });

  it('refuses every path that could leave the renderer folder', async () => {
    const attempts = [
      '/../test.arshif',
      '/assets/../../test.arshif',
      '/%2e%2e/test.arshif',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/assets/%2e%2e%2f%2e%2e%2ftest.arshif',
      '/..%2ftest.arshif',
      '/..%5ctest.arshif',
      '/assets%2fapp.js',
      '//etc/passwd',
      '/etc/passwd',
      `/${encodeURIComponent('/etc/passwd')}`,
      '/C:/Windows/win.ini',
      '/%00index.html',
      '/.env',
      '/\\..\\test.arshif',
      'http://127.0.0.1/../test.arshif',
    ];
    for (const attempt of attempts) {
      const response = await t.raw({ path: attempt });
      // refused, or (extension-less app routes) answered with the app's own index.html
      if (response.status === 200) expect(response.body, attempt).toBe(INDEX);
      else expect([400, 404], `${attempt} → ${response.status}`).toContain(response.status);
      expect(response.body).not.toContain('SQLite');
      expect(response.body).not.toContain('root:');
    }
  });

  it('answers API errors with the envelope and the right status', async () => {
    const unknown = await t.raw({ method: 'POST', path: '/api/dropTables', body: '{}' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ ok: false, error: { code: 'unknown-method', message: 'Unknown API method "dropTables".' } });
    const wrongVerb = await t.raw({ method: 'GET', path: '/api/list' });
    expect(wrongVerb.status).toBe(405);
    expect(wrongVerb.headers.allow).toBe('POST');
    const malformed = await t.raw({ method: 'POST', path: '/api/list', body: '{"limit": ' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const notJson = await t.raw({ method: 'POST', path: '/api/list', body: 'limit=3', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(notJson.status).toBe(415);
    const empty = await t.raw({ method: 'POST', path: '/api/archiveInfo' });
    expect(JSON.parse(empty.body)).toMatchObject({ ok: true });
    const badArgs = await t.raw({ method: 'POST', path: '/api/list', body: '[1,2]' });
    expect(badArgs.status).toBe(200);
    expect(JSON.parse(badArgs.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('limits the body size', async () => {
    const huge = JSON.stringify({ paths: ['x'.repeat(MAX_BODY_BYTES)] });
    const response = await t.raw({ method: 'POST', path: '/api/import', body: huge }).catch((error: Error) => ({ status: -1, body: error.message, headers: {} }));
    // the host answers 413 and closes; a client still writing may instead see the connection reset
    if (response.status !== -1) expect(response.status).toBe(413);
    const after = await t.api('archiveInfo');
    expect(after.ok).toBe(true);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${port()}`, `127.0.0.1.nip.io:${port()}`, `127.0.0.1:${port() + 1}`]) {
      const response = await t.raw({ method: 'POST', path: '/api/archiveInfo', body: '{}', headers: { host } });
      expect(response.status, `Host: ${host}`).toBe(403);
    }
    const noHost = await t.raw({ method: 'POST', path: '/api/archiveInfo', body: '{}', omitHost: true });
    expect([400, 403]).toContain(noHost.status);
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`]) {
      const response = await t.raw({ method: 'POST', path: '/api/archiveInfo', body: '{}', headers: { host } });
      expect(response.status, host).toBe(200);
    }
  });

  it('refuses cross-origin requests', async () => {
    const cases: Array<[Record<string, string>, number]> = [
      [{ origin: 'http://evil.example' }, 403],
      [{ origin: 'null' }, 403],
      [{ origin: `http://localhost:${port()}` }, 403], // Host says 127.0.0.1: a different origin
      [{ 'sec-fetch-site': 'cross-site' }, 403],
      [{ origin: `http://127.0.0.1:${port()}`, 'sec-fetch-site': 'same-origin' }, 200],
      [{}, 200],
    ];
    for (const [headers, status] of cases) {
      const response = await t.raw({ method: 'POST', path: '/api/archiveInfo', body: '{}', headers });
      expect(response.status, JSON.stringify(headers)).toBe(status);
    }
  });

  it('streams events at /api/events', async () => {
    const events: string[] = [];
    const request = http.get({ host: '127.0.0.1', port: port(), path: '/api/events', headers: { authorization: `Bearer ${t.token}` } });
    const response = await new Promise<http.IncomingMessage>((resolve) => request.on('response', resolve));
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    response.setEncoding('utf8');
    const got = new Promise<void>((resolve) => {
      response.on('data', (chunk: string) => {
        events.push(chunk);
        if (events.join('').includes('event: settingsChanged')) resolve();
      });
    });
    await t.api('setSettings', { theme: 'dark' });
    await got;
    request.destroy();
    const frame = events.join('').split('\n\n').find((f) => f.startsWith('event: settingsChanged'))!;
    expect(JSON.parse(frame.split('\ndata: ')[1]!)).toMatchObject({ theme: 'dark' });
  });
});

describe('the host with a token', () => {
  const token = 'test-token-0123456789abcdef';
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost({ token, rendererFiles: { 'index.html': INDEX } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('requires the token on every API call', async () => {
    const without = await rawRequest(t.host.port, { method: 'POST', path: '/api/archiveInfo', body: '{}' });
    expect(without.status).toBe(401);
    expect(JSON.parse(without.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expectSecurityHeaders(without);
    const wrong = await rawRequest(t.host.port, { method: 'POST', path: '/api/archiveInfo', body: '{}', headers: { authorization: 'Bearer wrong-token-0123456789abcdef' } });
    expect(wrong.status).toBe(401);
    const right = await rawRequest(t.host.port, { method: 'POST', path: '/api/archiveInfo', body: '{}', headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(JSON.parse(right.body)).toMatchObject({ ok: true });
  });

  it('requires it for the page and the event stream too', async () => {
    expect((await rawRequest(t.host.port, { path: '/' })).status).toBe(401);
    expect((await rawRequest(t.host.port, { path: '/api/events' })).status).toBe(401);
  });

  it('signs a browser in with ?token= once: an HttpOnly, SameSite=Strict cookie, then a redirect without it', async () => {
    const bootstrap = await rawRequest(t.host.port, { path: `/?token=${token}` });
    expect(bootstrap.status).toBe(303);
    expect(bootstrap.headers.location).toBe('/');
    const cookie = bootstrap.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^arshif_token=test-token-0123456789abcdef; HttpOnly; SameSite=Strict; Path=\/$/);
    expectSecurityHeaders(bootstrap);
    const page = await rawRequest(t.host.port, { path: '/', headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
    const api = await rawRequest(t.host.port, { method: 'POST', path: '/api/archiveInfo', body: '{}', headers: { cookie: cookie.split(';')[0]! } });
    expect(api.status).toBe(200);
    const wrongBootstrap = await rawRequest(t.host.port, { path: '/?token=nope' });
    expect(wrongBootstrap.status).toBe(401);
    expect(wrongBootstrap.headers['set-cookie']).toBeUndefined();
  });

  it('redirects a sign-in only to a path on this host, however the path is crafted', async () => {
    const crafted = ['/.//evil.example', '//evil.example', '/\\evil.example', '/./\\evil.example', '/%2F%2Fevil.example', '/%09/evil.example', '/..//evil.example', '/reader/../..//evil.example/x'];
    for (const pathname of crafted) {
      const response = await rawRequest(t.host.port, { path: `${pathname}?token=${token}&q=1` });
      if (response.status !== 303) {
        expect([400, 401, 404], pathname).toContain(response.status);
        continue;
      }
      const location = response.headers.location ?? '';
      expect(location, pathname).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, 'http://127.0.0.1:1/').host, pathname).toBe('127.0.0.1:1');
      expect(location).not.toContain('token=');
    }
    const kept = await rawRequest(t.host.port, { path: `/reader/12?token=${token}&q=%D8%AD%D9%84%D8%A8` });
    expect(kept.headers.location).toBe('/reader/12?q=%D8%AD%D9%84%D8%A8');
  });
});

describe('a host asked to be safe by default', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost({ allowFileAccess: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('needs its token on loopback too', async () => {
    expect((await t.raw({ method: 'POST', path: '/api/archiveInfo', body: '{}', anonymous: true })).status).toBe(401);
    expect((await t.raw({ path: '/', anonymous: true })).status).toBe(401);
    expect((await t.raw({ path: '/api/events', anonymous: true })).status).toBe(401);
  });

  it('does not read or write local files for browsers without --allow-file-access', async () => {
    for (const [method, args] of [
      ['import', { paths: ['/etc/passwd'] }],
      ['export', { out: path.join(t.dir, 'out.jsonl') }],
      ['openArchive', { path: t.archivePath }],
      ['createArchive', { path: path.join(t.dir, 'new.arshif') }],
      ['upgradeArchive', { path: t.archivePath }],
    ] as const) {
      const response = await t.raw({ method: 'POST', path: `/api/${method}`, body: JSON.stringify(args), headers: { 'content-type': 'application/json' } });
      expect(response.status, method).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('--allow-file-access') } });
    }
    expect(fs.existsSync(path.join(t.dir, 'out.jsonl'))).toBe(false);
    expect((await t.api('archiveInfo')).ok).toBe(true);
  });

  it(`refuses a body nested deeper than ${MAX_JSON_DEPTH} levels, and keeps answering`, async () => {
    for (const depth of [MAX_JSON_DEPTH + 1, 5_000, 200_000]) {
      const body = `{"limit":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const response = await t.raw({ method: 'POST', path: '/api/list', body, headers: { 'content-type': 'application/json' } });
      expect(response.status, String(depth)).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('nests deeper') } });
    }
    const strings = `{"query":"${'['.repeat(1000)}"}`; // brackets inside a string are not nesting
    expect(JSON.parse((await t.raw({ method: 'POST', path: '/api/search', body: strings })).body)).toMatchObject({ ok: true });
    expect((await t.api('archiveInfo')).ok).toBe(true);
  });
});

describe('the host before the renderer is built', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers / with a plain page saying to build, and the API still works', async () => {
    const page = await t.raw({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(page.body).toContain('npm run build');
    expectSecurityHeaders(page);
    expect(await t.api('archiveInfo')).toMatchObject({ ok: true });
  });
});
