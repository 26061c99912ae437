// Anonymous readers' pages come from copies kept per network revision (lib/http/page-cache.ts,
// served by scripts/serve.ts): the second visit is a copy, yet its CSP nonce is new and every
// script on the page still runs under it; a visitor with a session is always rendered afresh;
// a change to the record shows at once. (Across two servers: e2e/two-servers.spec.ts.)
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const PROFILE = '/actors/ivan-tertel';

/** Collects CSP violations from the first script on: a copy with a stale nonce would block Next's scripts. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

test('a second anonymous visit is served from a copy with a fresh nonce, and the page runs', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const firstResponse = await first.goto(PROFILE);
  await expect(first.getByRole('heading', { level: 1, name: 'Ivan Tertel' })).toBeVisible();

  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await watchViolations(page);
  const response = await page.goto(PROFILE);
  expect(response?.headers()['x-powermap-page-cache']).toBe('hit');
  const nonce = nonceOf(response?.headers()['content-security-policy']);
  expect(nonce).toBeTruthy();
  expect(nonce).not.toBe(nonceOf(firstResponse?.headers()['content-security-policy']));
  await expect(page.getByRole('heading', { level: 1, name: 'Ivan Tertel' })).toBeVisible();
  // Hydrated: a client-side navigation from the copy works, and nothing was blocked.
  await page.getByRole('link', { name: 'Change history' }).click();
  await expect(page).toHaveURL(/\/history\/actor\/ivan-tertel/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await violations()).toEqual([]);
  await Promise.all([first.context().close(), context.close()]);
});

test('a request with a cookie or a query is rendered, not copied', async ({ request }) => {
  await request.get(PROFILE);
  expect((await request.get(PROFILE, { headers: { cookie: 'powermap.session_token=not-a-session' } })).headers()['x-powermap-page-cache']).toBeUndefined();
  expect((await request.get(`${PROFILE}?on=2021-06-01`)).headers()['x-powermap-page-cache']).toBeUndefined();
  expect((await request.get('/')).headers()['x-powermap-page-cache']).toBeUndefined();
});

test('a change to the record shows to the next anonymous visitor at once', async ({ browser, page }) => {
  const anonymous = await browser.newContext();
  const read = () => anonymous.request.get(PROFILE);
  await read();
  const before = await read();
  expect(before.headers()['x-powermap-page-cache']).toBe('hit');

  await signIn(page, 'analyst');
  const actor = await page.request.get('/api/actors/ivan-tertel');
  const { summary } = (await actor.json()) as { summary: string };
  const change = (to: string, etag: string) => page.request.patch('/api/actors/ivan-tertel', { headers: { 'If-Match': etag }, data: { summary: to, reason: 'e2e: page copies' } });
  const edited = `Changed for the page-copy test ${Date.now()}`;
  const write = await change(edited, actor.headers().etag!);
  expect(write.status(), await write.text()).toBe(200);
  try {
    const after = await read();
    expect(after.headers()['x-powermap-page-cache']).toBe('fill');
    expect(await after.text()).toContain(edited);
    // Signed in, the page is rendered for this person, never a copy.
    const own = await page.goto(PROFILE);
    expect(own?.headers()['x-powermap-page-cache']).toBeUndefined();
    await expect(page.getByText(edited)).toBeVisible();
  } finally {
    const now = await page.request.get('/api/actors/ivan-tertel');
    expect((await change(summary, now.headers().etag!)).status()).toBe(200);
    await anonymous.close();
  }
});
