// Embeds: an admin allows one origin to frame embeds; a story built on the map is made public and
// published; its embed, in an iframe on a page from the allowed origin (a tiny static server on
// another port), steps through with its buttons and keys and links back to the full record, while
// the same page from another origin is refused. A tie changed after publishing leaves the embed as
// it was until the story is published again. Embeds read no session and set no cookie; every other
// page still refuses every frame.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Frame, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const SCREENSHOTS = path.join('e2e', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const PORT = Number(process.env.E2E_PORT ?? 3210);
const SITE = `http://127.0.0.1:${PORT}`;
const TIE = 'karpenkov-leads-gubopik';
const TITLE = 'Karpenkov for the newsroom';

/** A page of "someone else's article" holding the embed in an iframe, on a free port of its own. */
function articleServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const src = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('src') ?? '';
    const safe = src.replace(/[^\w:/.%-]/g, '');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>An article</title></head><body><h1>An article</h1>
<iframe src="${safe}" title="Powermap embed" width="1000" height="640" style="border:1px solid #999"></iframe></body></html>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

async function addStep(page: Page, address: string, caption: string, newTitle?: string) {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  const panel = page.getByRole('form', { name: 'Add this view as a step' });
  if (newTitle) {
    await panel.getByRole('combobox', { name: 'Story', exact: true }).selectOption('new');
    await panel.getByLabel('New story’s title').fill(newTitle);
  } else {
    await panel.getByRole('combobox', { name: 'Story', exact: true }).selectOption({ label: TITLE });
  }
  await panel.getByLabel('Caption').fill(caption);
  await panel.getByRole('button', { name: 'Add step' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Added a step to “${TITLE}”`);
}

/** The role of the tie as the embed's map holds it (the test hook inside the frame). */
function roleInFrame(frame: Frame): Promise<string | null> {
  return frame.evaluate((id) => {
    const cy = (window as unknown as { __cy?: import('cytoscape').Core }).__cy;
    const edge = cy?.getElementById(`tie:${id}`);
    return edge && edge.nonempty() ? (edge.data('role') as string) : null;
  }, TIE);
}

async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('iframe[title="Powermap embed"]').elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  return frame!;
}

test('publish a story, frame it from an allowed origin only, and keep it frozen until republished', async ({ page, browser, request }) => {
  const { server: allowed, port: ALLOWED_PORT } = await articleServer();
  const { server: other, port: OTHER_PORT } = await articleServer();
  const originalRole = ((await (await request.get(`/api/ties/${TIE}`)).json()) as { role: string }).role;
  try {
    // The admin allows one origin; a line that is no origin is refused by name.
    await signIn(page, 'admin');
    await page.goto('/admin/embeds');
    const form = page.getByRole('form', { name: 'Allowed origins' });
    await form.getByLabel(/Allowed origins/).fill(`http://127.0.0.1:${ALLOWED_PORT}\nhttps://example.org/article`);
    await form.getByRole('button', { name: 'Save origins' }).click();
    await expect(form.getByText(/is not an origin/)).toBeVisible();
    await form.getByLabel(/Allowed origins/).fill(`http://127.0.0.1:${ALLOWED_PORT}/`);
    await form.getByRole('button', { name: 'Save origins' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved: 1 origin may frame embeds');
    await expect(page.getByRole('region', { name: 'History' })).toContainText(`→ http://127.0.0.1:${ALLOWED_PORT}`);

    // A two-step story from the map, made public.
    await addStep(page, `/?asOf=2020-09-01&focus=nikolai-karpenkov&select=tie%3A${TIE}`, 'August 2020: Karpenkov leads GUBOPiK. See https://example.org/report.', TITLE);
    await addStep(page, '/?asOf=2022-08-10&focus=nikolai-karpenkov', 'August 2022: sanctioned by the United States.');
    await page.goto('/views');
    await page.getByRole('region', { name: 'Your stories' }).getByRole('link', { name: `Edit ${TITLE}` }).click();
    await page.waitForURL(/\/stories\/[^/]+\/edit$/);
    const storyUrl = page.url();
    const storyId = /\/stories\/([^/]+)\/edit/.exec(storyUrl)![1]!;
    const embed = page.getByRole('region', { name: 'Embed' });
    await expect(embed).toContainText('Only a public story can be published');
    await page.getByRole('form', { name: 'Edit story' }).getByLabel('Who may see it').selectOption('public');
    await page.getByRole('form', { name: 'Edit story' }).getByRole('button', { name: 'Save story' }).click();
    await expect(page.getByRole('status').first()).toHaveText('Saved the story');
    await expect(embed).toContainText('Not published');
    await embed.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(embed.getByRole('status')).toHaveText('Published the story');
    await expect(embed).toContainText(/Last published .* by E2E Admin \(publication 1\)/);
    const embedPath = `/embed/stories/${storyId}`;
    await expect(embed.getByRole('link', { name: embedPath })).toHaveAttribute('href', embedPath);

    // Served without a session and without cookies, framed only from the allowed origin; other pages refuse every frame.
    const served = await request.get(embedPath);
    expect(served.status()).toBe(200);
    expect(served.headers()['set-cookie']).toBeUndefined();
    expect(served.headers()['x-frame-options']).toBeUndefined();
    expect(served.headers()['content-security-policy']).toContain(`frame-ancestors http://127.0.0.1:${ALLOWED_PORT};`);
    const home = await request.get('/');
    expect(home.headers()['x-frame-options']).toBe('DENY');
    expect(home.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const views = await request.get('/views');
    expect(views.headers()['x-frame-options']).toBe('DENY');
    expect(views.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const document = await request.get(`/api/embed/stories/${storyId}`);
    expect(document.status()).toBe(200);
    expect(document.headers()['set-cookie']).toBeUndefined();
    const etag = document.headers()['etag']!;
    expect((await request.get(`/api/embed/stories/${storyId}`, { headers: { 'If-None-Match': etag } })).status()).toBe(304);
    expect((await request.get('/embed/stories/no-such-story')).status()).toBe(404);

    // In the article from the allowed origin: the story, step by step, with a link back.
    const reader = await browser.newContext();
    const article = await reader.newPage();
    await article.goto(`http://127.0.0.1:${ALLOWED_PORT}/?src=${encodeURIComponent(SITE + embedPath)}`);
    const framed = article.frameLocator('iframe[title="Powermap embed"]');
    const step = framed.getByRole('region', { name: 'Story step' });
    await expect(step.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect(step.getByText('Step 1 of 2')).toBeVisible();
    await expect(step.getByText('1 Sep 2020')).toBeVisible();
    await expect(step.getByRole('link', { name: 'https://example.org/report' })).toHaveAttribute('target', '_blank');
    await expect(step.getByRole('list', { name: 'Highlighted ties' }).getByRole('link', { name: 'Nikolay Karpenkov leads GUBOPiK' })).toHaveAttribute('href', `/ties/${TIE}`);
    await expect(step.getByRole('link', { name: 'Open the full record on Powermap' })).toHaveAttribute('href', `/stories/${storyId}/present`);
    const frame = await embedFrame(article);
    expect(await roleInFrame(frame)).toBe(originalRole);
    expect(await frame.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.$('.story-highlight').map((e) => e.id()).sort())).toEqual(['actor:nikolai-karpenkov', `tie:${TIE}`]);
    await article.screenshot({ path: path.join(SCREENSHOTS, 'embed-story-allowed.png') });
    await step.getByRole('button', { name: 'Next →' }).click();
    await expect(step.getByText('Step 2 of 2')).toBeVisible();
    await expect(step.getByText('sanctioned by the United States')).toBeVisible();
    await step.getByText('Step 2 of 2').click();
    await article.keyboard.press('ArrowLeft');
    await expect(step.getByText('Step 1 of 2')).toBeVisible();
    expect((await reader.cookies()).filter((c) => c.domain === '127.0.0.1')).toEqual([]);

    // The same article from an origin the admin did not allow: the browser refuses the frame.
    const refusals: string[] = [];
    const elsewhere = await reader.newPage();
    elsewhere.on('console', (message) => refusals.push(message.text()));
    await elsewhere.goto(`http://127.0.0.1:${OTHER_PORT}/?src=${encodeURIComponent(SITE + embedPath)}`);
    await expect.poll(() => refusals.some((text) => /frame-ancestors/.test(text))).toBe(true);
    await expect(elsewhere.frameLocator('iframe[title="Powermap embed"]').getByRole('heading', { name: TITLE })).toHaveCount(0);
    await elsewhere.screenshot({ path: path.join(SCREENSHOTS, 'embed-story-refused.png') });

    // A tie changed after publishing: the embed is unchanged until the story is published again.
    const patch = (role: string) =>
      page.request.fetch(`/api/ties/${TIE}`, { method: 'PATCH', headers: { 'If-Match': '"1"' }, data: { role, reason: 'E2E embeds' } }).then(async (r) =>
        r.status() === 412 ? page.request.fetch(`/api/ties/${TIE}`, { method: 'PATCH', headers: { 'If-Match': r.headers()['etag']! }, data: { role, reason: 'E2E embeds' } }) : r,
      );
    expect((await patch('Changed after publishing')).status()).toBe(200);
    await article.reload();
    expect(await roleInFrame(await embedFrame(article))).toBe(originalRole);
    await page.goto(storyUrl);
    await page.getByRole('region', { name: 'Embed' }).getByRole('button', { name: 'Republish' }).click();
    await expect(page.getByRole('region', { name: 'Embed' }).getByRole('status')).toHaveText('Published the story again');
    await expect(page.getByRole('region', { name: 'Embed' })).toContainText('(publication 2)');
    await article.reload();
    expect(await roleInFrame(await embedFrame(article))).toBe('Changed after publishing');

    // Unpublished: the embed is gone.
    await page.getByRole('region', { name: 'Embed' }).getByRole('button', { name: 'Unpublish' }).click();
    await expect(page.getByRole('region', { name: 'Embed' }).getByRole('status')).toHaveText('Unpublished the story: its embed is gone');
    expect((await request.get(embedPath)).status()).toBe(404);
    // The story's own history says when it was published, published again and taken down.
    await page.reload();
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByText(/^Published as an embed · version/)).toHaveCount(2);
    await expect(history.getByText(/^Embed taken down · version/)).toHaveCount(1);
    await reader.close();
  } finally {
    // Put the tie back even when a step failed: later specs (and a retry) read the seed's role.
    await page.request.fetch(`/api/ties/${TIE}`).then(async (r) =>
      (await r.json()).role === originalRole ? null : page.request.fetch(`/api/ties/${TIE}`, { method: 'PATCH', headers: { 'If-Match': r.headers()['etag']! }, data: { role: originalRole, reason: 'E2E embeds' } }),
    );
    allowed.close();
    other.close();
  }
});

test('publish a public view from its page and open its embed without a session', async ({ page, browser }) => {
  await signIn(page, 'admin');
  await page.goto('/?asOf=2020-09-01&focus=nikolai-karpenkov');
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  const panel = page.getByRole('region', { name: 'Save this view' });
  await panel.getByLabel('Name', { exact: true }).fill('Karpenkov in September 2020, embedded');
  await panel.getByLabel('Description').fill('For the newsroom');
  await panel.getByLabel('Who may see it').selectOption('public');
  await panel.getByRole('button', { name: 'Save view' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved the view “Karpenkov in September 2020, embedded”');
  await page.goto('/views');
  await page.getByRole('link', { name: 'Karpenkov in September 2020, embedded' }).first().click();
  await page.waitForURL(/\/views\/[^/?]+\?/);
  const viewId = /\/views\/([^/?]+)/.exec(page.url())![1]!;
  const embed = page.getByRole('region', { name: 'Embed' });
  await expect(embed).toContainText('Not published');
  await embed.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(embed.getByRole('status')).toHaveText('Published the view');
  await expect(embed).toContainText('(publication 1)');

  // A reader with no session opens the embed itself: the view drawn, its date and description, a link back.
  const reader = await browser.newContext();
  const embedded = await reader.newPage();
  const response = await embedded.goto(`/embed/views/${viewId}`);
  expect(response!.headers()['set-cookie']).toBeUndefined();
  await embedded.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  const about = embedded.getByRole('region', { name: 'View' });
  await expect(about.getByRole('heading', { name: 'Karpenkov in September 2020, embedded' })).toBeVisible();
  await expect(about.getByText('1 Sep 2020')).toBeVisible();
  await expect(about.getByText('For the newsroom')).toBeVisible();
  await expect(about.getByRole('link', { name: 'Open the full record on Powermap' })).toHaveAttribute('href', `/views/${viewId}`);
  await expect(embedded.getByRole('banner')).toHaveCount(0);
  const drawn = await embedded.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes(':visible').map((n) => n.id()));
  expect(drawn).toContain('actor:nikolai-karpenkov');
  expect((await reader.cookies()).length).toBe(0);
  await embedded.screenshot({ path: path.join(SCREENSHOTS, 'embed-view.png') });
  await reader.close();
});

/** As an admin, saves the map at `address` as a public view named `name` and publishes it; its id. */
async function publishViewOf(page: Page, address: string, name: string): Promise<string> {
  await signIn(page, 'admin');
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  const panel = page.getByRole('region', { name: 'Save this view' });
  await panel.getByLabel('Name', { exact: true }).fill(name);
  await panel.getByLabel('Who may see it').selectOption('public');
  await panel.getByRole('button', { name: 'Save view' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Saved the view “${name}”`);
  await page.goto('/views');
  await page.getByRole('link', { name }).first().click();
  await page.waitForURL(/\/views\/[^/?]+\?/);
  const embed = page.getByRole('region', { name: 'Embed' });
  await embed.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(embed.getByRole('status')).toHaveText('Published the view');
  return /\/views\/([^/?]+)/.exec(page.url())![1]!;
}

/** The view's embed, opened by a reader with no session, once it has drawn. */
async function openEmbed(browser: Browser, viewId: string): Promise<{ embedded: Page; close: () => Promise<void> }> {
  const reader = await browser.newContext();
  const embedded = await reader.newPage();
  await embedded.goto(`/embed/views/${viewId}`);
  await embedded.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  return { embedded, close: () => reader.close() };
}

test('an embed of two dates compared marks what is new and what is gone, with its legend', async ({ page, browser }) => {
  const viewId = await publishViewOf(page, '/?compare=2019-06-01..2021-06-01&focus=ivan-tertel', 'Tertel, 2019 against 2021, embedded');
  const { embedded, close } = await openEmbed(browser, viewId);
  const about = embedded.getByRole('region', { name: 'View' });
  await expect(about.getByText('1 Jun 2019 compared with 1 Jun 2021')).toBeVisible();
  const legend = about.getByRole('list', { name: 'Compared' });
  await expect(legend.getByRole('listitem').filter({ hasText: /New: begun between the dates \(\d+\)/ })).toBeVisible();
  await expect(legend.getByRole('listitem').filter({ hasText: /Gone: over by 1 Jun 2021 \(\d+\)/ })).toBeVisible();
  // Tertel became head of the KGB in September 2020: new between the dates.
  await expect
    .poll(() => embedded.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.$('.change-new').map((e) => e.id())))
    .toContain('tie:tertel-leads-kgb');
  await embedded.screenshot({ path: path.join(SCREENSHOTS, 'embed-compare.png') });
  await close();
});

test('an embed of a traced path lights the path and names it in words', async ({ page, browser }) => {
  const viewId = await publishViewOf(page, '/?path=sviatlana-tsikhanouskaya%2Cboris-gryzlov', 'Tsikhanouskaya to Gryzlov, embedded');
  const { embedded, close } = await openEmbed(browser, viewId);
  await expect(embedded.getByRole('region', { name: 'View' }).getByText(/^Path: Sviatlana Tsikhanouskaya → .+ → Boris Gryzlov \(\d+ ties\)$/)).toBeVisible();
  const lit = () => embedded.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.$('node.path').map((e) => e.id()));
  await expect.poll(lit).toEqual(expect.arrayContaining(['actor:sviatlana-tsikhanouskaya', 'actor:boris-gryzlov']));
  await close();
});
