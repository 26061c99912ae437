// Issue 11, finding 12, in a real browser against the production build: code the page's
// Content-Security-Policy blocks is reported by Chromium to /api/csp-report, which stores it
// (204); no HSTS over plain HTTP or on a client's own claim of HTTPS; JSON reads say how they may be cached.
import { expect, test } from '@playwright/test';

test('a blocked inline event handler is reported to /api/csp-report and stored', async ({ page }) => {
  await page.goto('/actors');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const reported = page.waitForRequest((request) => request.url().endsWith('/api/csp-report') && request.method() === 'POST');
  // An inline handler, not an inserted <script>: 'strict-dynamic' trusts scripts that scripts
  // insert, but nothing lets an attribute run code.
  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
        const button = document.createElement('button');
        button.setAttribute('onclick', 'window.__ranInline = true');
        document.body.append(button);
        button.click();
      }),
  );
  expect(blocked).toBe('script-src-attr');
  expect(await page.evaluate(() => (window as unknown as { __ranInline?: boolean }).__ranInline)).toBeUndefined();
  const request = await reported;
  expect(request.headers()['content-type']).toBe('application/csp-report');
  expect(JSON.parse(request.postData() ?? '{}')['csp-report']).toMatchObject({ 'effective-directive': 'script-src-attr', 'blocked-uri': 'inline' });
  expect((await request.response())?.status()).toBe(204);
});

test('no HSTS over plain HTTP, nor when a client that is not a configured proxy claims HTTPS', async ({ request }) => {
  const plain = await request.get('/actors');
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
  expect(plain.headers()['content-security-policy']).toContain('report-uri /api/csp-report');
  expect(plain.headers()['content-security-policy']).not.toContain('report-to');

  // The test server trusts no proxy (POWERMAP_TRUSTED_PROXIES unset), so X-Forwarded-Proto from
  // the client is dropped; HSTS behind a trusted proxy is covered by test/unit/strict-transport.test.ts.
  const spoofed = await request.get('/actors', { headers: { 'x-forwarded-proto': 'https' } });
  expect(spoofed.headers()['strict-transport-security']).toBeUndefined();
  expect(spoofed.headers()['content-security-policy']).not.toContain('report-to');
  const api = await request.get('/api/health', { headers: { 'x-forwarded-proto': 'https' } });
  expect(api.status()).toBe(200);
  expect(api.headers()['strict-transport-security']).toBeUndefined();
});

test('JSON reads are private and asked about again; a record read carries its ETag', async ({ request }) => {
  const actor = await request.get('/api/actors/ivan-tertel');
  expect(actor.status()).toBe(200);
  expect(actor.headers()['cache-control']).toBe('private, no-cache');
  const { version } = (await actor.json()) as { version: number };
  expect(actor.headers()['etag']).toBe(`"${version}"`);
  const list = await request.get('/api/actors?q=tertel');
  expect(list.headers()['cache-control']).toBe('private, no-cache');
});
