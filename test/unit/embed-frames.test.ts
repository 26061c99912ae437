// Frame policy: every page's CSP says frame-ancestors 'none'; the embeds' (/embed/…) name the
// origins the admin allowed, read through the setting's cache (primed here, so no database is
// needed), and still 'none' when there are none.
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '../../proxy';
import { contentSecurityPolicy, isEmbedPath } from '../../lib/http/security-headers';

const cacheHolder = globalThis as unknown as { powermapEmbedOrigins?: { origins: string[]; readAt: number } };
const page = async (path: string) => {
  const response = await proxy(new NextRequest(`http://powermap.test${path}`, { headers: { host: 'powermap.test' } }));
  return response.headers.get('content-security-policy') ?? '';
};
const ancestors = (csp: string) => /frame-ancestors ([^;]+)/.exec(csp)?.[1];

afterEach(() => {
  delete cacheHolder.powermapEmbedOrigins;
});

describe('frame-ancestors', () => {
  it('is none by default, and the given sources when asked', () => {
    expect(ancestors(contentSecurityPolicy('n'))).toBe("'none'");
    expect(ancestors(contentSecurityPolicy('n', { frameAncestors: 'https://a.org https://b.org' }))).toBe('https://a.org https://b.org');
  });

  it('knows the embed pages', () => {
    expect(isEmbedPath('/embed/views/abc')).toBe(true);
    expect(isEmbedPath('/embed/stories/abc')).toBe(true);
    expect(isEmbedPath('/embedded')).toBe(false);
    expect(isEmbedPath('/views/abc')).toBe(false);
    expect(isEmbedPath('/')).toBe(false);
  });

  it('names the allowed origins on /embed only; every other page refuses frames', async () => {
    cacheHolder.powermapEmbedOrigins = { origins: ['https://news.example.org', 'http://127.0.0.1:4000'], readAt: Date.now() };
    expect(ancestors(await page('/embed/stories/s1'))).toBe('https://news.example.org http://127.0.0.1:4000');
    for (const path of ['/', '/views', '/stories/s1/present', '/admin/embeds', '/embedded']) expect(ancestors(await page(path))).toBe("'none'");
  });

  it('refuses frames on /embed too while no origin is allowed', async () => {
    cacheHolder.powermapEmbedOrigins = { origins: [], readAt: Date.now() };
    expect(ancestors(await page('/embed/views/v1'))).toBe("'none'");
  });
});
