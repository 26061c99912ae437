// Hubs in neighbourhoods: an actor with more ties than the cap (50) shows its strongest ties and a
// "+N more" count, in GET /api/graph and on its profile's mini-map, and opens fully on request.
// The spec makes its own hub through the write API and deletes it again, so the read-only specs
// that share the e2e database see the seed as it was.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const run = Date.now().toString(36);
const HUB = `e2e-hub-${run}`;
const SPOKES = 56;
const spoke = (i: number) => `e2e-spoke-${run}-${i}`;

async function post(page: Page, path: string, data: unknown) {
  const response = await page.request.post(path, { data });
  expect(response.status(), await response.text()).toBe(201);
}

async function remove(page: Page, path: string) {
  const send = (etag: string) => page.request.fetch(path, { method: 'DELETE', headers: { 'If-Match': etag } });
  let response = await send('"1"');
  if (response.status() === 412) response = await send(response.headers()['etag']!);
  return response;
}

test.describe.serial('a hub with more ties than the cap', () => {
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signIn(page, 'analyst');
    await post(page, '/api/actors', { slug: HUB, name: `E2E Hub ${run}`, kind: 'organization', faction: 'other' });
    for (let i = 0; i < SPOKES; i++) {
      await post(page, '/api/actors', { slug: spoke(i), name: `E2E Spoke ${run} ${i}`, kind: 'person', faction: 'other' });
      // The first ten are the strongest: they must be among the ties shown.
      await post(page, '/api/ties', { source: spoke(i), target: HUB, type: 'member_of', strength: i < 10 ? 5 : 1 + (i % 4) });
    }
    await page.close();
  });

  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signIn(page, 'analyst');
    await remove(page, `/api/actors/${HUB}`);
    for (let i = 0; i < SPOKES; i++) await remove(page, `/api/actors/${spoke(i)}`);
    expect((await page.request.get(`/api/actors/${HUB}`)).status()).toBe(404);
    await page.close();
  });

  test('GET /api/graph shows its 50 strongest ties with a count of the rest, and expands on request', async ({ request }) => {
    const capped = await (await request.get(`/api/graph?focus=${HUB}&hops=1`)).json();
    const ids = capped.elements.nodes.map((n: { data: { id: string } }) => n.data.id);
    expect(ids).toHaveLength(51);
    for (let i = 0; i < 10; i++) expect(ids).toContain(`actor:${spoke(i)}`);
    expect(capped.data.hidden).toEqual([{ nodeId: `actor:${HUB}`, count: SPOKES - 50 }]);

    const open = await (await request.get(`/api/graph?focus=${HUB}&hops=1&expand=${HUB}`)).json();
    expect(open.elements.nodes).toHaveLength(SPOKES + 1);
    expect(open.data.hidden).toEqual([]);

    // A seed actor below the cap is never capped.
    const seed = await (await request.get('/api/graph?focus=alexander-lukashenko&hops=1')).json();
    expect(seed.data.hidden).toEqual([]);

    const bad = await request.get(`/api/graph?focus=${HUB}&expand=Not%20A%20Slug`);
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain('expand');
  });

  test('its profile draws the strongest ties on the mini-map and says how many are left out', async ({ page }) => {
    await page.goto(`/actors/${HUB}`);
    await expect(page.getByText(`E2E Hub ${run} and 50 directly tied actors`)).toBeVisible();
    await expect(page.getByText(`Showing the strongest ties: ${SPOKES - 50} more are listed below.`)).toBeVisible();
    await page.waitForFunction(() => Boolean((window as unknown as { __egoCy?: unknown }).__egoCy), null, { timeout: 15_000 });
    const drawn = await page.evaluate(() => (window as unknown as { __egoCy: { nodes: () => { length: number } } }).__egoCy.nodes().length);
    expect(drawn).toBe(51);
    // The list below the map still has every tie.
    await expect(page.getByText(`${SPOKES} ties, current and past`)).toBeVisible();
  });
});
