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

  it('prints its loopback URL as the first line, serves the API, and stops cleanly on SIGTERM', async () => {
    const archive = path.join(dir, 'served.arshif');
    const served = await startServe(['--archive', archive, '--port', '0'], env());
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const response = await fetch(`${served.url}api/archiveInfo`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(await response.json()).toMatchObject({ ok: true, value: { path: archive, articles: 0 } });
      const page = await fetch(served.url);
      expect(await page.text()).toContain('npm run build');
    } finally {
      expect(await served.stop()).toBe(0);
    }
    expect(fs.existsSync(path.join(dir, 'config', 'arshif', 'config.json'))).toBe(true);
  });

  it('refuses to listen beyond loopback without a token, before binding anything', async () => {
    const result = await runCliToEnd(['serve', '--archive', path.join(dir, 'x.arshif'), '--host', '0.0.0.0', '--port', '0'], env());
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Refusing to listen on 0\.0\.0\.0 without an access token/);
  });
});
