// The anonymous readers' page copies (lib/http/page-cache.ts): which requests may be answered
// from a copy, that a copy comes back with a fresh nonce everywhere the old one stood, what is
// never kept, and the size bound.
import { describe, expect, it } from 'vitest';
import { cacheablePagePath, copyOfPage, joinPage, newNonce, PageCache, pageCacheKey } from '@/lib/http/page-cache';

const anonymous = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers: { 'user-agent': 'Mozilla/5.0 Firefox/140.0', ...headers } });

describe('cacheablePagePath', () => {
  const open = { signInRequired: false };
  it('takes an anonymous GET of an actor, tie or source page', () => {
    expect(cacheablePagePath(anonymous('/actors/alexander-lukashenko'), open)).toBe('/actors/alexander-lukashenko');
    expect(cacheablePagePath(anonymous('/ties/t-1'), open)).toBe('/ties/t-1');
    expect(cacheablePagePath(anonymous('/sources/s-1'), open)).toBe('/sources/s-1');
  });

  it('renders every other request', () => {
    expect(cacheablePagePath(anonymous('/'), open)).toBeNull();
    expect(cacheablePagePath(anonymous('/actors/x/edit'), open)).toBeNull();
    expect(cacheablePagePath(anonymous('/actors/x?on=2020-01-01'), open)).toBeNull();
    expect(cacheablePagePath(anonymous('/api/actors/x'), open)).toBeNull();
    expect(cacheablePagePath({ ...anonymous('/actors/x'), method: 'HEAD' }, open)).toBeNull();
    expect(cacheablePagePath(anonymous('/actors/x', { cookie: 'powermap.session_token=abc' }), open)).toBeNull();
    expect(cacheablePagePath(anonymous('/actors/x', { cookie: 'powermap-test-overview-above=5' }), open)).toBeNull();
    expect(cacheablePagePath(anonymous('/actors/x', { authorization: 'Bearer pm_x' }), open)).toBeNull();
    expect(cacheablePagePath(anonymous('/actors/x', { rsc: '1' }), open)).toBeNull();
    expect(cacheablePagePath(anonymous('/actors/x', { 'next-router-prefetch': '1' }), open)).toBeNull();
    expect(cacheablePagePath(anonymous('/actors/x', { 'user-agent': 'Googlebot/2.1' }), open)).toBeNull();
  });

  it('renders everything when sign-in is required', () => {
    expect(cacheablePagePath(anonymous('/actors/x'), { signInRequired: true })).toBeNull();
  });
});

describe('copyOfPage and joinPage', () => {
  const nonce = 'OLDnonce+/==';
  const html = `<html><script nonce="${nonce}">a</script><p>Лукашэнка</p><script nonce="${nonce}">b</script></html>`;
  const headers = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': `script-src 'nonce-${nonce}'`, 'content-length': '10', vary: 'rsc' };

  it('gives the response back with the new nonce in the body and headers, and only there', () => {
    const copy = copyOfPage(200, headers, html, nonce)!;
    const fresh = newNonce();
    const page = joinPage(copy, fresh);
    expect(page.body).toBe(html.replaceAll(nonce, fresh));
    expect(page.body).not.toContain(nonce);
    expect(page.headers).toContainEqual(['content-security-policy', `script-src 'nonce-${fresh}'`]);
    expect(page.headers.map(([name]) => name)).not.toContain('content-length');
  });

  it('keeps no error, no page that sets a cookie and nothing but HTML', () => {
    expect(copyOfPage(404, headers, html, nonce)).toBeNull();
    expect(copyOfPage(200, { ...headers, 'set-cookie': ['a=b'] }, html, nonce)).toBeNull();
    expect(copyOfPage(200, { ...headers, 'content-type': 'application/json' }, '{}', nonce)).toBeNull();
  });

  it('makes a different nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(atob(newNonce())).toHaveLength(16);
  });
});

describe('PageCache', () => {
  const copy = (chars: number) => copyOfPage(200, { 'content-type': 'text/html' }, 'x'.repeat(chars), 'n')!;

  it('drops the least recently used copies past its size', () => {
    const cache = new PageCache(3 * 2 * 100);
    cache.set('a', copy(100));
    cache.set('b', copy(100));
    cache.set('c', copy(100));
    cache.get('a');
    cache.set('d', copy(100));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.size).toBe(3);
  });

  it('keeps nothing larger than itself', () => {
    const cache = new PageCache(100);
    cache.set('big', copy(1000));
    expect(cache.size).toBe(0);
  });

  it('keys by path, revision, day and scheme', () => {
    expect(pageCacheKey('/actors/x', 1, '2026-12-02', false)).not.toBe(pageCacheKey('/actors/x', 2, '2026-12-02', false));
    expect(pageCacheKey('/actors/x', 1, '2026-12-02', false)).not.toBe(pageCacheKey('/actors/x', 1, '2026-12-03', false));
    expect(pageCacheKey('/actors/x', 1, '2026-12-02', false)).not.toBe(pageCacheKey('/actors/x', 1, '2026-12-02', true));
  });
});
