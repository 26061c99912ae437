// Time on the map: comparing two dates (what began, what ended, posts that changed hands, in
// words and as marks on the live graph), read from the page by roles and visible text.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const SCREENSHOTS = path.join('e2e', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

interface Cy {
  $id(id: string): { length: number; hasClass(name: string): boolean };
  edges(selector?: string): { length: number };
}
type CyWindow = Window & { __cy: Cy };

async function openMap(page: Page, address = '/') {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

function hasClass(page: Page, id: string, name: string) {
  return page.evaluate(([elementId, cls]) => {
    const ele = (window as unknown as CyWindow).__cy.$id(elementId!);
    return ele.length > 0 && ele.hasClass(cls!);
  }, [id, name]);
}

test('comparing 1 Jun 2019 with 1 Jun 2021 reads that Tertel became KGB head and Kubrakov interior minister', async ({ page }) => {
  await openMap(page);
  await page.getByLabel('Compare from').fill('2019-06-01');
  await page.getByLabel('Compare to').fill('2021-06-01');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(/compare=2019-06-01\.\.2021-06-01/);

  const changes = page.getByRole('list', { name: 'Changes in date order' });
  const tertel = changes.getByRole('listitem').filter({ hasText: 'Ivan Tertel becomes head of KGB of Belarus, replacing Valery Vakulchik' });
  await expect(tertel).toContainText(/^3 Sep 2020: Ivan Tertel becomes head of KGB of Belarus, replacing Valery Vakulchik — [A-F][1-6], \d+ claims/);
  const kubrakov = changes.getByRole('listitem').filter({ hasText: 'Ivan Kubrakov becomes head of Ministry of Internal Affairs of Belarus, replacing Yury Karayeu' });
  await expect(kubrakov).toContainText('29 Oct 2020');
  // Date order: Tertel (Sep 2020) before Kubrakov (Oct 2020).
  const texts = await changes.getByRole('listitem').allTextContents();
  expect(texts.findIndex((t) => t.includes('Ivan Tertel becomes head'))).toBeLessThan(texts.findIndex((t) => t.includes('Ivan Kubrakov becomes head')));

  // The marks on the map: the new head's tie new, the old one's gone, an older tie continuing.
  await expect.poll(() => hasClass(page, 'tie:tertel-leads-kgb', 'change-new')).toBe(true);
  await expect.poll(() => hasClass(page, 'tie:vakulchik-leads-kgb', 'change-gone')).toBe(true);
  expect(await hasClass(page, 'tie:lukashenko-leads-belarus', 'change-same')).toBe(true);
  await expect(page.getByRole('list', { name: 'Marks of the comparison' })).toContainText('New: begun between the dates');

  // The evidence link opens the tie's claims.
  await tertel.getByRole('link', { name: /claims/ }).click();
  await expect(page).toHaveURL(/\/ties\/tertel-leads-kgb#claims$/);
  await page.goBack();
  await expect(page.getByRole('list', { name: 'Changes in date order' })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'time-compare.png') });

  // A filter applies to the comparison: only sanctions left, no change of post.
  await page.goto('/?types=sanctioned_by&compare=2019-06-01..2021-06-01');
  await expect(page.getByRole('heading', { name: 'What changed from 1 Jun 2019 to 1 Jun 2021' })).toBeVisible();
  const filtered = page.getByRole('list', { name: 'Changes in date order' });
  await expect(filtered).toContainText('New: Ivan Tertel sanctioned by European Union');
  await expect(filtered).not.toContainText('becomes head');

  // Stopping the comparison clears the marks.
  await page.getByRole('button', { name: 'Stop comparing' }).click();
  await expect(page).not.toHaveURL(/compare=/);
  await expect.poll(() => hasClass(page, 'tie:tertel-sanctioned-by-european-union', 'change-new')).toBe(false);
});

test('GET /api/graph/changes answers the changes with tie ids, types, dates and slugs, and refuses a bad window', async ({ request }) => {
  const response = await request.get('/api/graph/changes?from=2019-06-01&to=2021-06-01&types=leads');
  expect(response.status()).toBe(200);
  const { data } = await response.json();
  expect(data.changed).toContainEqual(expect.objectContaining({ tieId: 'tertel-leads-kgb', type: 'leads', source: 'ivan-tertel', target: 'kgb-belarus', start: { date: '2020-09-03', precision: 'day' }, replaces: expect.objectContaining({ tieId: 'vakulchik-leads-kgb' }) }));
  expect(data.ended.map((c: { tieId: string }) => c.tieId)).toContain('karayeu-leads-mvd');
  const bad = await request.get('/api/graph/changes?from=2021-06-01&to=2019-06-01');
  expect(bad.status()).toBe(400);
});

function present(page: Page, id: string) {
  return page.evaluate((elementId) => (window as unknown as CyWindow).__cy.$id(elementId).length > 0, id);
}

test('as known on 1 Sep 2020, ties reported only later vanish, and undated sources are listed as unknown', async ({ page }) => {
  await openMap(page, '/?asOf=2020-08-20');
  expect(await present(page, 'tie:karayeu-leads-mvd')).toBe(true);
  expect(await present(page, 'tie:makei-sanctioned-by-european-union')).toBe(true);
  const before = await page.evaluate(() => (window as unknown as CyWindow).__cy.edges().length);

  await page.getByLabel('Known as of').fill('2020-09-01');
  await expect(page).toHaveURL(/known=2020-09-01/);
  await expect(page.getByRole('status').filter({ hasText: 'as known on 1 Sep 2020' }).first()).toBeVisible();
  // Karayeu's post was reported only from October 2020; Makei's 2011 sanction was known long before.
  await expect.poll(() => present(page, 'tie:karayeu-leads-mvd')).toBe(false);
  expect(await present(page, 'tie:makei-sanctioned-by-european-union')).toBe(true);
  const after = await page.evaluate(() => (window as unknown as CyWindow).__cy.edges().length);
  expect(after).toBeLessThan(before);
  expect(after).toBeGreaterThan(0);

  await page.getByText(/sources? ha(s|ve) no publication date/).click();
  await expect(page.getByRole('list', { name: 'Sources without a publication date' }).getByRole('link').first()).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'time-known.png') });

  // Back to everything known today.
  await page.getByRole('button', { name: 'Known today' }).click();
  await expect(page).not.toHaveURL(/known=/);
  await expect.poll(() => present(page, 'tie:karayeu-leads-mvd')).toBe(true);
});

test('play runs a year a step between the compared dates, marks what changed, and stops at the end', async ({ page }) => {
  await openMap(page, '/?compare=2019-06-01..2021-06-01');
  await expect(page.getByText('Play runs from 1 Jun 2019 to 1 Jun 2021.')).toBeVisible();
  await page.getByLabel('Play step').selectOption('year');
  await page.getByLabel('Play speed').selectOption('fast');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page).toHaveURL(/asOf=2021-06-01/, { timeout: 15_000 });
  // Stopped at the end: the button offers Play again, and the last step's changes are marked.
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect.poll(() => hasClass(page, 'tie:tertel-leads-kgb', 'change-new')).toBe(true);
  await expect.poll(() => hasClass(page, 'tie:vakulchik-leads-kgb', 'change-gone')).toBe(true);
  // Moving the date by hand drops the step's marks.
  await page.getByLabel('As of date', { exact: true }).fill('2015-01-01');
  await expect.poll(() => hasClass(page, 'tie:lukashenko-leads-belarus', 'change-same')).toBe(false);
});
