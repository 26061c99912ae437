// Institutions nested on the map at 1 Jan 2021: GUBOPiK inside the Ministry of Internal Affairs, the
// ministry collapsed carrying its units' ties aggregated, expanded again, and the address restoring it.
// Read through the details panel's text; the canvas's compounds through window.__cy (POWERMAP_TEST_HOOKS=1).
// Changes no records.
import { expect, test, type Page } from '@playwright/test';

const MINISTRY = 'Ministry of Internal Affairs of Belarus';

async function openMap(page: Page, address: string) {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

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

  // A merged tie is selectable: from the list of aggregated ties, and on the canvas.
  await details.getByRole('list', { name: 'Aggregated ties' }).getByRole('button').first().click();
  await expect(page).toHaveURL(/select=agg%3A|select=agg:/);
  await expect(details.getByRole('heading', { name: /: \d+ merged ties?$/ })).toBeVisible();
  const merged = details.getByRole('list', { name: 'Merged ties' }).getByRole('link');
  expect(await merged.count()).toBeGreaterThan(0);
  await expect(merged.first()).toHaveAttribute('href', /^\/ties\/[^/]+$/);
  await details.getByRole('button', { name: 'Close details' }).click();
  const point = await page.evaluate(() => {
    type Edge = { id(): string; midpoint(): { x: number; y: number }; data(k: string): unknown };
    type Cy = { edges(s: string): Edge[]; container(): HTMLElement; zoom(): number; pan(): { x: number; y: number } };
    const cy = (window as unknown as { __cy: Cy }).__cy;
    const edge = cy.edges('[?aggregate]').find((e) => Array.isArray(e.data('tieIds')));
    if (!edge) return null;
    const box = cy.container().getBoundingClientRect();
    const mid = edge.midpoint();
    const zoom = cy.zoom();
    const pan = cy.pan();
    return { id: edge.id(), x: box.left + mid.x * zoom + pan.x, y: box.top + mid.y * zoom + pan.y };
  });
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await expect(page).toHaveURL(new RegExp(`select=${encodeURIComponent(point!.id)}`));
  await expect(details.getByRole('heading', { name: /merged ties?$/ })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/nesting-merged-tie.png' });
  await details.getByRole('button', { name: 'Close details' }).click();
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
