// Saved views: save the map's view (address state, places, camera) under a name, then reopen it in
// a fresh browser context, as another signed-in user, exactly: the same date, filters, focus,
// layout, selection, node places and camera. Signed-out readers see public views only.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const SCREENSHOTS = path.join('e2e', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

interface Picture {
  nodes: Record<string, [number, number]>;
  zoom: number;
  pan: { x: number; y: number };
}

async function waitForMap(page: Page) {
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

/** What the live instance shows: every visible node's place, and the camera. */
function picture(page: Page): Promise<Picture> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
    const nodes: Record<string, [number, number]> = {};
    cy.nodes(':visible').forEach((n) => {
      const p = n.position();
      nodes[n.id()] = [Math.round(p.x * 100) / 100, Math.round(p.y * 100) / 100];
    });
    return { nodes, zoom: cy.zoom(), pan: cy.pan() };
  });
}

const ADDRESS = '/?asOf=2020-09-01&types=leads,member_of,holds_position,appointed_by,subordinate_to&focus=nikolai-karpenkov&hops=2&layout=circle&select=actor%3Agubopik';

test('a saved view reopens exactly in a fresh browser context', async ({ page, browser }) => {
  // Two accounts signing in, three browser contexts, the map drawn twice: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  await signIn(page, 'analyst');
  await page.goto(ADDRESS);
  await waitForMap(page);
  await expect(page.getByRole('status').filter({ hasText: /within 2 hops of Nikolay Karpenkov/ })).toBeVisible();
  // Move one actor by hand and change the camera: the saved view must keep both.
  await page.evaluate(() => {
    const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
    cy.$id('actor:gubopik').position({ x: 321.5, y: -123.25 });
    cy.viewport({ zoom: 1.25, pan: { x: 410, y: 220 } });
  });
  const saved = await picture(page);
  expect(Object.keys(saved.nodes).length).toBeGreaterThan(2);
  expect(saved.nodes['actor:gubopik']).toEqual([321.5, -123.25]);

  const panel = page.getByRole('region', { name: 'Save this view' });
  await panel.getByLabel('Name', { exact: true }).fill('Karpenkov and GUBOPiK, autumn 2020');
  await panel.getByLabel('Description').fill('Who led the crackdown units');
  await panel.getByLabel('Who may see it').selectOption('signed-in');
  await panel.getByRole('button', { name: 'Save view' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved the view “Karpenkov and GUBOPiK, autumn 2020”');

  // A fresh context: no cookies, no state; another user, who may read views shared with signed-in users.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await signIn(other, 'viewer');
  await other.goto('/views');
  await expect(other.getByRole('region', { name: 'Shared with signed-in users' }).getByText('Who led the crackdown units')).toBeVisible();
  await other.getByRole('link', { name: 'Karpenkov and GUBOPiK, autumn 2020' }).click();
  await expect(other).toHaveURL(/\/views\/[^/?]+\?asOf=2020-09-01&/);
  const reopenedAddress = Object.fromEntries(new URL(other.url()).searchParams);
  expect({ ...reopenedAddress, types: reopenedAddress.types?.split(',').sort().join(',') }).toEqual({
    asOf: '2020-09-01', types: 'appointed_by,holds_position,leads,member_of,subordinate_to', focus: 'nikolai-karpenkov', hops: '2', layout: 'circle', select: 'actor:gubopik',
  });
  await waitForMap(other);
  await expect(other.getByRole('status').filter({ hasText: /within 2 hops of Nikolay Karpenkov/ })).toBeVisible();
  await expect(other.getByLabel('As of date', { exact: true })).toHaveValue('2020-09-01');
  await expect(other.getByLabel('Layout')).toHaveValue('circle');
  // The camera and places are put back once the map is drawn.
  await expect.poll(async () => (await picture(other)).zoom).toBeCloseTo(1.25, 5);
  const reopened = await picture(other);
  expect(Object.keys(reopened.nodes).sort()).toEqual(Object.keys(saved.nodes).sort());
  for (const [id, [x, y]] of Object.entries(saved.nodes)) {
    expect(reopened.nodes[id]![0], `${id} x`).toBeCloseTo(x, 1);
    expect(reopened.nodes[id]![1], `${id} y`).toBeCloseTo(y, 1);
  }
  expect(reopened.pan.x).toBeCloseTo(410, 3);
  expect(reopened.pan.y).toBeCloseTo(220, 3);
  const selected = await other.evaluate(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.$(':selected').map((e) => e.id()));
  expect(selected).toEqual(['actor:gubopik']);
  await other.screenshot({ path: path.join(SCREENSHOTS, 'saved-view-reopened.png') });
  // Not its owner: it may not edit the view.
  await expect(other.getByRole('link', { name: 'Edit this view' })).toHaveCount(0);

  // Signed out, the view is not listed and does not open: it is for signed-in users.
  const visitor = await browser.newPage();
  await visitor.goto('/views');
  await expect(visitor.getByRole('link', { name: 'Karpenkov and GUBOPiK, autumn 2020' })).toHaveCount(0);
  await fresh.close();
  await visitor.close();
});

test('the owner edits and deletes a view; every change is in its history; visitors see public views only', async ({ page, browser }) => {
  await signIn(page, 'analyst');
  await page.goto('/?asOf=2020-08-09');
  await waitForMap(page);
  const panel = page.getByRole('region', { name: 'Save this view' });
  await panel.getByLabel('Name', { exact: true }).fill('Election day draft');
  await panel.getByRole('button', { name: 'Save view' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved the view “Election day draft”');

  await page.goto('/views');
  await page.getByRole('link', { name: 'Edit Election day draft' }).click();
  const form = page.getByRole('form', { name: 'Edit view' });
  await form.getByLabel('Name', { exact: true }).fill('Election day, 9 August 2020');
  await form.getByLabel('Who may see it').selectOption('public');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved the view');
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText('Name: Election day draft → Election day, 9 August 2020')).toBeVisible();
  await expect(history.getByText('Visibility: private → public')).toBeVisible();
  await expect(history.getByText(/^Created · version 1/)).toBeVisible();

  const visitor = await browser.newPage();
  await visitor.goto('/views');
  await expect(visitor.getByRole('region', { name: 'Public' }).getByRole('link', { name: 'Election day, 9 August 2020' })).toBeVisible();
  await visitor.getByRole('link', { name: 'Election day, 9 August 2020' }).click();
  await expect(visitor).toHaveURL(/asOf=2020-08-09/);
  await expect(visitor.getByLabel('As of date', { exact: true })).toHaveValue('2020-08-09');
  // Visitors cannot save.
  await expect(visitor.getByRole('region', { name: 'Save this view' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete view' }).click();
  await page.getByRole('button', { name: 'Yes, delete this view' }).click();
  await expect(page).toHaveURL(/\/views$/);
  await expect(page.getByRole('link', { name: 'Election day, 9 August 2020' })).toHaveCount(0);
  await visitor.close();
});
