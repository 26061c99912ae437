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
  expect(text).toMatch(/×\d+, (best [A-F][1-6]|ungraded)/);
  await expect.poll(() => parentOf(page, 'actor:gubopik')).toBeNull();

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
