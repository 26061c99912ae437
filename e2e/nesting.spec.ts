// Institutions nested on the map at 1 Jan 2021: GUBOPiK inside the Ministry of Internal Affairs, the
// ministry collapsed carrying its units' ties aggregated (a merged tie selected, its ties listed),
// expanded again, and the address restoring it; no box over another actor in any layout; and the
// same nesting among an open group's members in a large network's overview.
// Read through the details panel's text; the canvas's compounds through window.__cy (POWERMAP_TEST_HOOKS=1).
// Changes no records.
import { expect, test, type Page } from '@playwright/test';

const MINISTRY = 'Ministry of Internal Affairs of Belarus';

async function openMap(page: Page, address: string) {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

/** Boxes and the actors outside them whose rectangles meet, as "box∩actor" (none expected). */
function boxOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { x1: number; x2: number; y1: number; y2: number };
    type Ids = { map<T>(f: (n: Node) => T): T[] };
    type Node = { id(): string; boundingBox(o?: object): Box; isParent(): boolean; descendants(): Ids; ancestors(): Ids };
    const cy = (window as unknown as { __cy: { nodes(): Node[] & { filter(f: (n: Node) => boolean): Node[] } } }).__cy;
    const all = cy.nodes();
    const out: string[] = [];
    for (const box of all.filter((n) => n.isParent())) {
      const bb = box.boundingBox({ includeLabels: false });
      const own = new Set([box.id(), ...box.descendants().map((d) => d.id()), ...box.ancestors().map((d) => d.id())]);
      for (const other of all) {
        if (own.has(other.id())) continue;
        const ob = other.boundingBox({ includeLabels: false });
        if (ob.x1 < bb.x2 && ob.x2 > bb.x1 && ob.y1 < bb.y2 && ob.y2 > bb.y1) out.push(`${box.id()}∩${other.id()}`);
      }
    }
    return out;
  });
}

const boxCount = (page: Page) => page.evaluate(() => (window as unknown as { __cy: { nodes(s: string): { length: number } } }).__cy.nodes(':parent').length);

function parentOf(page: Page, id: string): Promise<string | null> {
  return page.evaluate((nodeId) => {
    const cy = (window as unknown as { __cy: { getElementById(id: string): { empty(): boolean; data(k: string): unknown } } }).__cy;
    const node = cy.getElementById(nodeId);
    return node.empty() ? null : ((node.data('parent') as string | undefined) ?? '');
  }, id);
}

test('nests GUBOPiK inside the ministry, collapses and expands the ministry, and the address keeps it', async ({ page }) => {
  await openMap(page, '/?asOf=2021-01-01&select=actor:gubopik');
  await page.getByLabel('Nest institutions').check();
  await expect(page).toHaveURL(/nest=1/);
  const details = page.locator('.map-details');
  await expect(details.getByText(`Inside ${MINISTRY}`)).toBeVisible();
  await expect.poll(() => parentOf(page, 'actor:gubopik')).toBe('actor:ministry-of-internal-affairs-belarus');

  await openMap(page, '/?asOf=2021-01-01&nest=1&select=actor:ministry-of-internal-affairs-belarus');
  await expect(details.getByText(/^Contains .*GUBOPiK/)).toBeVisible();
  await details.getByRole('button', { name: `Collapse ${MINISTRY}` }).click();
  await expect(page).toHaveURL(/collapsed=ministry-of-internal-affairs-belarus/);
  const collapsed = details.getByText(/^Collapsed: \d+ aggregated ties? carry its units’ ties/);
  await expect(collapsed).toBeVisible();
  const text = (await collapsed.textContent()) ?? '';
  expect(Number(/Collapsed: (\d+)/.exec(text)?.[1])).toBeGreaterThan(0);
  await expect(details.getByRole('list', { name: 'Aggregated ties' }).getByRole('button').first()).toHaveText(/×\d+, (best [A-F][1-6]|ungraded)/);
  await expect.poll(() => parentOf(page, 'actor:gubopik')).toBeNull();

  // A merged tie is selectable from the list of aggregated ties.
  await details.getByRole('list', { name: 'Aggregated ties' }).getByRole('button').first().click();
  await expect(page).toHaveURL(/select=agg%3A|select=agg:/);
  await expect(details.getByRole('heading', { name: /: \d+ merged ties?$/ })).toBeVisible();
  const merged = details.getByRole('list', { name: 'Merged ties' }).getByRole('link');
  expect(await merged.count()).toBeGreaterThan(0);
  await expect(merged.first()).toHaveAttribute('href', /^\/ties\/[^/]+$/);
  await details.getByRole('button', { name: 'Close details' }).click();
  // (Selecting it on the canvas is not clicked here: where the seed's actors lie depends on what earlier
  // specs left in the shared database, and a click at a merged tie's middle met an actor or a parallel tie.)
  await page.screenshot({ path: 'e2e/screenshots/nesting-merged-tie.png' });
  await page.goto('/?asOf=2021-01-01&nest=1&collapsed=ministry-of-internal-affairs-belarus&select=actor:ministry-of-internal-affairs-belarus');
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });

  // The address restores the collapsed state.
  await page.reload();
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  await expect(details.getByText(/^Collapsed: /)).toBeVisible();
  await expect(page.getByLabel('Nest institutions')).toBeChecked();
  await expect.poll(() => parentOf(page, 'actor:gubopik')).toBeNull();

  await details.getByRole('button', { name: `Expand ${MINISTRY}` }).click();
  await expect(page).not.toHaveURL(/collapsed=/);
  await expect.poll(() => parentOf(page, 'actor:gubopik')).toBe('actor:ministry-of-internal-affairs-belarus');
  await page.screenshot({ path: 'e2e/screenshots/nesting.png' });
  await page.reload();
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  await expect(page.getByLabel('Nest institutions')).toBeChecked();
  await expect(details.getByRole('button', { name: `Expand ${MINISTRY}` })).toHaveCount(0);
  await expect(details.getByRole('button', { name: `Collapse ${MINISTRY}` })).toBeVisible();
});

for (const layout of ['force', 'hierarchy', 'concentric', 'circle']) {
  test(`no box covers an actor outside it in the ${layout} layout`, async ({ page }) => {
    await openMap(page, `/?asOf=2021-01-01&nest=1&layout=${layout}`);
    await expect.poll(() => boxCount(page)).toBeGreaterThan(1);
    // Boxes are made room for once the layout has run.
    await expect.poll(() => boxOverlaps(page), { timeout: 20_000 }).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/nesting-${layout}.png` });
  });
}

test.describe('a network too large to draw whole', () => {
  // Above 20 actors and ties the seed is "large" (the test server honours this cookie), so the map
  // opens as an overview of groups and an open group's members come cut from the server.
  test.beforeEach(async ({ context, baseURL }) => {
    await context.addCookies([{ name: 'powermap-test-overview-above', value: '20', url: baseURL! }]);
  });

  test('an open group nests its institutions, and a collapsed one counts its units’ ties to other groups', async ({ page }) => {
    await openMap(page, '/?asOf=2021-01-01&nest=1');
    await expect(page.getByText('Institutions nest inside an open group: open one')).toBeVisible();
    await page.getByRole('listbox', { name: /^Groups/ }).getByRole('option').filter({ hasText: 'Belarusian state · organisations' }).click();
    await expect(page).toHaveURL(/group=belarus-state%3Aorganization/);
    await expect(page.getByText(/^Institutions nested among this group’s members/)).toBeVisible();
    await expect.poll(() => parentOf(page, 'actor:gubopik')).toBe('actor:ministry-of-internal-affairs-belarus');
    await expect.poll(() => boxOverlaps(page), { timeout: 20_000 }).toEqual([]);
    await page.screenshot({ path: 'e2e/screenshots/nesting-overview.png' });

    const lines = (slug: string) =>
      page.evaluate((id) => {
        type Edge = { data(k: string): unknown };
        const cy = (window as unknown as { __cy: { edges(s: string): Edge[] } }).__cy;
        return cy.edges('[?member]').filter((e) => e.data('source') === id).reduce((n, e) => n + Number(e.data('count')), 0);
      }, `actor:${slug}`);
    // The ministry and every unit drawn inside it, before it collapses.
    const inside = await page.evaluate(() => {
      const cy = (window as unknown as { __cy: { getElementById(id: string): { descendants(): { map<T>(f: (n: { data(k: string): unknown }) => T): T[] } } } }).__cy;
      return cy.getElementById('actor:ministry-of-internal-affairs-belarus').descendants().map((n) => String(n.data('slug')));
    });
    expect(inside).toContain('gubopik');
    const before = (await Promise.all(['ministry-of-internal-affairs-belarus', ...inside].map(lines))).reduce((a, b) => a + b, 0);
    expect(before).toBeGreaterThan(0);

    await page.getByRole('listbox', { name: /^Actors/ }).getByRole('option', { name: MINISTRY }).click();
    const details = page.locator('.map-details');
    await details.getByRole('button', { name: `Collapse ${MINISTRY}` }).click();
    await expect(page).toHaveURL(/collapsed=ministry-of-internal-affairs-belarus/);
    await expect(page).toHaveURL(/group=belarus-state%3Aorganization/);
    await expect.poll(() => parentOf(page, 'actor:gubopik')).toBeNull();
    // The ministry's lines to other groups now count its units' ties too.
    await expect.poll(() => lines('ministry-of-internal-affairs-belarus')).toBe(before);
    await page.screenshot({ path: 'e2e/screenshots/nesting-overview-collapsed.png' });
  });
});
