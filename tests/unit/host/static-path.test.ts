import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticPath } from '../../../src-main/core/web/static-path.js';
import { useTempDir } from '../../helpers/tmp.js';

describe('resolveStaticPath', () => {
  const tmp = useTempDir();
  const setup = () => {
    const root = path.join(tmp(), 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), 'index');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'js');
    fs.writeFileSync(path.join(tmp(), 'secret.txt'), 'secret');
    return root;
  };

  it('finds files inside the root, and index.html for folders', () => {
    const root = setup();
    const real = fs.realpathSync(root);
    expect(resolveStaticPath(root, '/')).toEqual({ ok: true, file: path.join(real, 'index.html') });
    expect(resolveStaticPath(root, '/assets/app.js')).toEqual({ ok: true, file: path.join(real, 'assets', 'app.js') });
    expect(resolveStaticPath(root, '/assets/app%2Ejs')).toEqual({ ok: true, file: path.join(real, 'assets', 'app.js') });
  });

  it('refuses traversal, encoded separators, absolute and drive paths', () => {
    const root = setup();
    for (const attempt of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '//secret.txt', 'secret.txt', '/C:/x', '/a\\..\\..\\secret.txt', '/%00', '/%E0%A4%A']) {
      const result = resolveStaticPath(root, attempt);
      expect(result.ok, attempt).toBe(false);
    }
  });

  it('does not follow a symbolic link out of the root', () => {
    const root = setup();
    fs.symlinkSync(path.join(tmp(), 'secret.txt'), path.join(root, 'leak.txt'));
    expect(resolveStaticPath(root, '/leak.txt')).toMatchObject({ ok: false, status: 404 });
  });

  it('falls back to index.html only for extension-less paths when asked', () => {
    const root = setup();
    expect(resolveStaticPath(root, '/article/3', { spaFallback: true })).toMatchObject({ ok: true });
    expect(resolveStaticPath(root, '/article/3')).toMatchObject({ ok: false, status: 404 });
    expect(resolveStaticPath(root, '/gone.js', { spaFallback: true })).toMatchObject({ ok: false, status: 404 });
  });

  it('knows the content types of a built renderer', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a/f.woff2')).toBe('font/woff2');
    expect(contentTypeOf('a/unknown.bin')).toBe('application/octet-stream');
  });
});
