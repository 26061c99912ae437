// "Lay out again and save": an analyst starts a fresh layout of the whole network from the map, sees
// its progress and its completion, finds it in the list of recent layouts, sees the map open on the
// new places, and undoes it, which puts every actor back exactly where it was (so the specs after
// this one find the seed's stored layout as they expect it). Positions are read from the live
// instance (window.__cy, POWERMAP_TEST_HOOKS=1).
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const SCREENSHOTS = path.join('e2e', 'screenshots');

async function openMap(page: Page) {
  await page.goto('/');
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

/** Each actor's drawn place, rounded, by id: the stored places on the force layout. */
function places(page: Page): Promise<Record<string, [number, number]>> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __cy: { nodes(): { map<T>(f: (n: { id(): string; position(): { x: number; y: number } }) => T): T[] } } }).__cy;
    return Object.fromEntries(cy.nodes().map((n) => [n.id(), [Math.round(n.position().x), Math.round(n.position().y)]]));
  });
}

test('a visitor sees no way to lay the network out again', async ({ page }) => {
  await openMap(page);
  await expect(page.getByRole('heading', { name: 'Lay out again and save' })).toHaveCount(0);
});

test('an analyst lays the whole network out again, sees it run and finish, finds it in the history, and undoes it', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'analyst');
  await openMap(page);
  const before = await places(page);

  const panel = page.getByRole('region', { name: 'Lay out again and save' });
  await expect(panel).toBeVisible();
  await panel.getByLabel('The whole network').check();
  await panel.getByRole('button', { name: 'Lay out again' }).click();

  // While the server lays it out: a progress bar and what it is doing.
  await expect(panel.getByRole('progressbar', { name: 'Layout progress' })).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: /Laying out|Reading|Saving|Waiting/ })).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: /Saved new places for \d+ actors/ })).toBeVisible({ timeout: 60_000 });
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'relayout-done.png') });

  // In the history, by whom, with an Undo for the latest run.
  const history = panel.getByRole('list', { name: 'Recent layouts' });
  await expect(history.getByRole('listitem').first()).toContainText('whole network');
  await expect(history.getByRole('listitem').first()).toContainText('by E2E Analyst');
  await expect(history.getByRole('listitem').first()).toContainText('saved');

  // The map opens on the new places.
  await panel.getByRole('button', { name: 'Show the new layout' }).click();
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  await expect.poll(async () => JSON.stringify(await places(page))).not.toBe(JSON.stringify(before));

  // Undo: every actor back where it was.
  const reopened = page.getByRole('region', { name: 'Lay out again and save' });
  await reopened.getByRole('list', { name: 'Recent layouts' }).getByRole('button', { name: /^Undo the layout of/ }).first().click();
  await expect(reopened.getByRole('status').filter({ hasText: 'Undone: the places before that layout are back.' })).toBeVisible();
  await expect(reopened.getByRole('list', { name: 'Recent layouts' }).getByRole('listitem').first()).toContainText('undone');
  await reopened.getByRole('button', { name: 'Show them' }).click();
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
  await expect.poll(async () => JSON.stringify(await places(page))).toBe(JSON.stringify(before));
});

test('a re-layout and its undo are in the work history, with who, why, how many moved, and a link to the map', async ({ page }) => {
  // The test above ran a layout of the whole network and undid it.
  await signIn(page, 'analyst');
  await page.goto('/history');
  await page.getByRole('list', { name: 'Kind of record' }).getByRole('link', { name: 'Layouts' }).click();
  await expect(page).toHaveURL(/\/history\?type=layout$/);
  const changes = page.getByRole('list', { name: 'Recent changes' }).getByRole('listitem');
  await expect(changes.first()).toContainText('restored');
  await expect(changes.first()).toContainText('Undid a layout');
  await expect(changes.nth(1)).toContainText('edited');
  await expect(changes.nth(1)).toContainText('by E2E Analyst');
  await expect(changes.nth(1)).toContainText('Reason: Laid out the whole network again');
  await expect(changes.nth(1)).toContainText(/Changed: Positions of \d+ actors/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'relayout-history.png') });
  await changes.nth(1).getByRole('link', { name: 'the whole network' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
});
