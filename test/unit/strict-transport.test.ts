// HSTS is sent on every path once the request came over HTTPS (the proxy in front says so in
// X-Forwarded-Proto), and not over plain HTTP, where it would mean nothing.
import { describe, expect, it } from 'vitest';
import type { NextConfig } from 'next';
// @ts-expect-error next.config.js is plain JavaScript, typed by its JSDoc only
import config from '../../next.config.js';

const nextConfig = config as NextConfig;

describe('Strict-Transport-Security', () => {
  it('is set for every path when X-Forwarded-Proto is https, with a year of max-age', async () => {
    const rules = await nextConfig.headers!();
    const hsts = rules.filter((rule) => rule.headers.some((h) => h.key === 'Strict-Transport-Security'));
    expect(hsts).toHaveLength(1);
    expect(hsts[0]!.source).toBe('/:path*');
    expect(hsts[0]!.has).toEqual([{ type: 'header', key: 'x-forwarded-proto', value: 'https' }]);
    expect(hsts[0]!.headers).toEqual([{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }]);
  });
});
