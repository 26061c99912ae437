// The request boundary of sign-in and writes: which client and host a request came from
// (forwarding headers believed only from configured proxies), the Origin check of writes and
// server actions, which origins better-auth trusts, and the start-up warning for an exposed
// server that anyone may read.
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { allowedHosts } from '../../lib/auth/auth';
import { applyForwarding, parseTrustedProxies, resolveForwarding } from '../../lib/http/client-address';
import { exposureWarning, isLoopback, listenHost } from '../../lib/http/listen-address';
import { crossOriginReason } from '../../lib/http/same-origin';
import { proxy } from '../../proxy';

const NONE = parseTrustedProxies(undefined);

describe('the client address and host (POWERMAP_TRUSTED_PROXIES)', () => {
  it('is the socket address, whatever X-Forwarded-For a client sends, when no proxy is trusted', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      seen.add(resolveForwarding('203.0.113.9', { 'x-forwarded-for': `198.51.100.${i}`, 'x-forwarded-host': 'evil.example' }, NONE).clientAddress);
    }
    expect([...seen]).toEqual(['203.0.113.9']);
    expect(resolveForwarding('::ffff:203.0.113.9', { 'x-forwarded-for': '10.0.0.1' }, NONE)).toEqual({ clientAddress: '203.0.113.9', forwardedHost: null, forwardedProto: null });
  });

  it('takes the first untrusted hop from the right when the socket is a trusted proxy', () => {
    const trusted = parseTrustedProxies('10.0.0.0/24, 192.0.2.7');
    expect(trusted.entries).toEqual(['10.0.0.0/24', '192.0.2.7']);
    const via = (chain: string) => resolveForwarding('10.0.0.5', { 'x-forwarded-for': chain, 'x-forwarded-host': 'powermap.example, inner', 'x-forwarded-proto': 'https' }, trusted);
    // The client wrote "1.1.1.1" itself; the proxies appended the rest.
    expect(via('1.1.1.1, 203.0.113.50, 192.0.2.7')).toEqual({ clientAddress: '203.0.113.50', forwardedHost: 'powermap.example', forwardedProto: 'https' });
    expect(via('203.0.113.50')).toMatchObject({ clientAddress: '203.0.113.50' });
    expect(via('not-an-ip, 10.0.0.9')).toMatchObject({ clientAddress: '10.0.0.9' });
    expect(resolveForwarding('10.0.0.5', {}, trusted)).toMatchObject({ clientAddress: '10.0.0.5' });
    // Not from a listed proxy: nothing forwarded is believed.
    expect(resolveForwarding('10.0.1.5', { 'x-forwarded-for': '203.0.113.50', 'x-forwarded-host': 'evil.example' }, trusted)).toEqual({ clientAddress: '10.0.1.5', forwardedHost: null, forwardedProto: null });
    expect(parseTrustedProxies('2001:db8::/32').has('2001:db8::1')).toBe(true);
  });

  it('refuses a mistyped proxy list instead of trusting nothing silently', () => {
    for (const bad of ['10.0.0', '10.0.0.0/33', 'proxy.internal', '10.0.0.0/8/1']) expect(() => parseTrustedProxies(bad)).toThrow(/POWERMAP_TRUSTED_PROXIES/);
  });

  it('rewrites the headers of a real request before the app sees them', async () => {
    const received: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      applyForwarding(req, NONE);
      received.push({ ...req.headers });
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest({ port, host: '127.0.0.1', path: '/', headers: { 'x-forwarded-for': '198.51.100.1', 'x-forwarded-host': 'evil.example', forwarded: 'for=1.2.3.4', 'x-real-ip': '1.2.3.4' } }, (res) => {
          res.resume();
          res.on('end', resolve);
        });
        req.on('error', reject);
        req.end();
      });
    } finally {
      server.close();
    }
    expect(received[0]['x-forwarded-for']).toBe('127.0.0.1');
    expect(received[0]).not.toHaveProperty('x-forwarded-host');
    expect(received[0]).not.toHaveProperty('forwarded');
    expect(received[0]).not.toHaveProperty('x-real-ip');
  });
});

describe('the same-origin check of writes', () => {
  const post = (headers: Record<string, string>) => new Request('http://powermap.test/api/actors', { method: 'POST', headers: { host: 'powermap.test', ...headers } });

  it('does not take X-Forwarded-Host from a client when no proxy is trusted', () => {
    expect(crossOriginReason(post({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }), {})).toMatch(/not this site/);
    expect(crossOriginReason(post({ origin: 'http://powermap.test', 'x-forwarded-host': 'evil.example' }), {})).toBeNull();
  });

  it('takes X-Forwarded-Host when proxies are configured (the server keeps it from those alone)', () => {
    const env = { POWERMAP_TRUSTED_PROXIES: '10.0.0.5' };
    expect(crossOriginReason(post({ origin: 'https://powermap.example', 'x-forwarded-host': 'powermap.example' }), env)).toBeNull();
    expect(crossOriginReason(post({ origin: 'http://powermap.test', 'x-forwarded-host': 'powermap.example' }), env)).toMatch(/not this site/);
  });
});

describe('server actions (proxy.ts)', () => {
  const action = (headers: Record<string, string>) =>
    proxy(new NextRequest('http://powermap.test/sign-in', { method: 'POST', headers: { host: 'powermap.test', 'next-action': 'abc123', ...headers } }));

  it('refuses a POST that says Sec-Fetch-Site: cross-site, with or without Origin', async () => {
    const refused = await action({ 'sec-fetch-site': 'cross-site' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/Cross-site requests may not change data/);
    expect((await action({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await action({ 'sec-fetch-site': 'same-site', origin: 'http://powermap.test' })).status).toBe(403);
  });

  it('lets our own pages post, and reads pages without the Authorization header', async () => {
    expect((await action({ 'sec-fetch-site': 'same-origin', origin: 'http://powermap.test' })).status).toBe(200);
    const page = await proxy(new NextRequest('http://powermap.test/', { headers: { host: 'powermap.test', authorization: 'Bearer pm_revoked' } }));
    expect(page.status).toBe(200);
    const kept = (page.headers.get('x-middleware-override-headers') ?? '').split(',');
    expect(kept).toContain('x-powermap-path');
    expect(kept).not.toContain('authorization');
  });
});

describe('origins better-auth trusts', () => {
  it('trusts any local port only in development, and this server itself always', () => {
    expect(allowedHosts({ NODE_ENV: 'production', PORT: '3101' })).toEqual(['localhost:3101', '127.0.0.1:3101', '[::1]:3101']);
    expect(allowedHosts({ NODE_ENV: 'production', PORT: '3101', POWERMAP_HOSTS: 'powermap.example' })).toEqual(['powermap.example', 'localhost:3101', '127.0.0.1:3101', '[::1]:3101']);
    expect(allowedHosts({ NODE_ENV: 'development' })).toContain('localhost:*');
    expect(allowedHosts({ NODE_ENV: 'test' }).join(' ')).not.toMatch(/\*/);
  });
});

describe('where npm start listens', () => {
  it('listens on this machine only unless HOST says otherwise', () => {
    expect(listenHost({})).toBe('127.0.0.1');
    expect(listenHost({ HOST: '0.0.0.0' })).toBe('0.0.0.0');
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'powermap.example']) expect(isLoopback(host), host).toBe(false);
  });

  it('warns when it listens beyond loopback and anyone may read', () => {
    expect(exposureWarning({})).toBeNull();
    expect(exposureWarning({ HOST: '0.0.0.0' })).toMatch(/WARNING: Powermap listens on 0\.0\.0\.0.*sign-in is not required[\s\S]*POWERMAP_REQUIRE_SIGN_IN=1/);
    expect(exposureWarning({ HOST: '0.0.0.0', POWERMAP_REQUIRE_SIGN_IN: '1' })).toBeNull();
  });
});
