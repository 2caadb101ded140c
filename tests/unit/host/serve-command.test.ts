import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliToEnd, startServe } from '../../helpers/arshif-serve.js';

describe('arshif serve', () => {
  let dir = '';
  const env = () => ({ XDG_CONFIG_HOME: path.join(dir, 'config'), ARSHIF_RENDERER_DIR: path.join(dir, 'no-renderer') });
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arshif-serve-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints its loopback URL with a fresh access token as the first line, serves the API, and stops cleanly on SIGTERM', async () => {
    const archive = path.join(dir, 'served.arshif');
    const served = await startServe(['--archive', archive, '--port', '0'], env());
    try {
      expect(served.signInUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
      const call = (headers: Record<string, string>) => fetch(`${served.url}api/archiveInfo`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
      expect((await call({})).status).toBe(401);
      expect(await (await call(served.auth)).json()).toMatchObject({ ok: true, value: { path: archive, articles: 0 } });
      const signIn = await fetch(served.signInUrl, { redirect: 'manual' });
      expect(signIn.status).toBe(303);
      expect(signIn.headers.get('set-cookie')).toMatch(/^arshif_token=/);
      const page = await fetch(served.url, { headers: { cookie: signIn.headers.get('set-cookie')!.split(';')[0]! } });
      expect(await page.text()).toContain('npm run build');
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(fs.existsSync(path.join(dir, 'config', 'arshif', 'config.json'))).toBe(true);
  });

  it('takes the token from ARSHIF_TOKEN or a token file, never needing it on the command line', async () => {
    const archive = path.join(dir, 'token.arshif');
    const fromEnv = await startServe(['--archive', archive, '--port', '0'], { ...env(), ARSHIF_TOKEN: 'from-the-environment-123' });
    try {
      expect(fromEnv.token).toBe('from-the-environment-123');
    } finally {
      expect(await fromEnv.stop()).toBe(0);
    }
    const tokenFile = path.join(dir, 'token.txt');
    fs.writeFileSync(tokenFile, 'from-a-file-0123456789\n', { mode: 0o600 });
    const fromFile = await startServe(['--archive', archive, '--port', '0', '--token-file', tokenFile], env());
    try {
      expect(fromFile.token).toBe('from-a-file-0123456789');
      const response = await fetch(`${fromFile.url}api/archiveInfo`, { method: 'POST', headers: { ...fromFile.auth, 'Content-Type': 'application/json' }, body: '{}' });
      expect(response.status).toBe(200);
    } finally {
      expect(await fromFile.stop()).toBe(0);
    }
  });

  it('refuses file access beyond loopback and weak tokens, before binding anything', async () => {
    const archive = path.join(dir, 'x.arshif');
    const remote = await runCliToEnd(['serve', '--archive', archive, '--host', '0.0.0.0', '--port', '0', '--allow-file-access'], env());
    expect(remote.code).toBe(2);
    expect(remote.stdout).toBe('');
    expect(remote.stderr).toMatch(/--allow-file-access is only for a host on 127\.0\.0\.1/);
    const weak = await runCliToEnd(['serve', '--archive', archive, '--port', '0'], { ...env(), ARSHIF_TOKEN: 'short' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/at least 16 characters/);
  });
});
