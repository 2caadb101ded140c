import { describe, expect, it } from 'vitest';
import { deepLinkInArgv, hashRouteOfDeepLink } from '../../../src-main/app/deep-link.js';
import { rendererUrl } from '../../../src-main/app/window-url.js';
import { parseRoute } from '../../../src-renderer/lib/route.js';

describe('arshif:// links', () => {
  it('become the renderer routes they name', () => {
    expect(hashRouteOfDeepLink('arshif://article/42')).toBe('#/article/42');
    expect(hashRouteOfDeepLink('arshif:///article/42')).toBe('#/article/42');
    expect(hashRouteOfDeepLink('arshif://article/42/')).toBe('#/article/42');
    expect(hashRouteOfDeepLink('arshif://site/alazmenah.com')).toBe('#/site/alazmenah.com');
    expect(hashRouteOfDeepLink('arshif://')).toBe('#/');
    expect(hashRouteOfDeepLink('ARSHIF://article/7')).toBe('#/article/7');
  });

  it('keep the query of a search and its words, as the renderer reads them', () => {
    const route = hashRouteOfDeepLink(`arshif://search?q=${encodeURIComponent('حلب "هدنة جديدة"')}&sort=newest`);
    expect(route).not.toBeNull();
    expect(parseRoute(route!)).toEqual({ kind: 'search', q: 'حلب "هدنة جديدة"', sort: 'newest' });
    expect(parseRoute(hashRouteOfDeepLink(`arshif://article/42?q=${encodeURIComponent('حلب')}`)!)).toEqual({ kind: 'article', id: 42, q: 'حلب' });
    expect(parseRoute(hashRouteOfDeepLink(`arshif://site/${encodeURIComponent('موقع.com')}?section=${encodeURIComponent('أخبار')}`)!)).toMatchObject({
      kind: 'browse',
      site: 'موقع.com',
      section: 'أخبار',
    });
  });

  it('ignore everything that is not a place in the app', () => {
    for (const link of [
      'https://example.com/article/42',
      'app://arshif/index.html',
      'arshif://article/abc',
      'arshif://article/0',
      'arshif://article/42/extra',
      'arshif://settings',
      'arshif://user:pw@article/1',
      'arshif://article:80/1',
      'arshif://search?q=x&token=secret',
      'javascript:alert(1)',
      `arshif://search?q=${'x'.repeat(5000)}`,
      '--flag',
      '',
    ]) {
      expect(hashRouteOfDeepLink(link), link).toBeNull();
    }
  });

  it('are found among the arguments a second instance was started with', () => {
    expect(deepLinkInArgv(['/usr/bin/arshif', '--no-sandbox', 'arshif://article/9'])).toBe('#/article/9');
    expect(deepLinkInArgv(['/usr/bin/arshif', '/home/me/file.txt'])).toBeNull();
  });

  it('open in the window as a hash of the renderer page (a same-document navigation)', () => {
    expect(rendererUrl(null, '#/article/9')).toBe('app://arshif/index.html#/article/9');
    expect(rendererUrl('http://localhost:5173/#/x', '#/site/a')).toBe('http://localhost:5173/#/site/a');
    expect(rendererUrl(null)).toBe('app://arshif/index.html');
  });
});
