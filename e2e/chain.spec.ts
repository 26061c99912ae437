// Who commanded GUBOPiK on a day, asked on its profile through the "Chain of command" date field,
// read by roles and visible text.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const SCREENSHOTS = path.join('e2e', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

async function askChain(page: Page, day: string) {
  const section = page.getByRole('region', { name: 'Chain of command' });
  await section.getByLabel('Date', { exact: true }).fill(day);
  await section.getByRole('button', { name: 'Show chain' }).click();
  await expect(page).toHaveURL(new RegExp(`on=${day}`));
  return section;
}

test('GUBOPiK was commanded by Karpenkov under Karayeu on 1 Sep 2020, by Parshyn under Kubrakov on 1 Jan 2021', async ({ page }) => {
  await page.goto('/actors/gubopik');

  let section = await askChain(page, '2020-09-01');
  let chain = section.getByRole('list', { name: 'Chain of command on 1 Sep 2020' });
  await expect(chain.getByRole('listitem').filter({ hasText: 'GUBOPiK' }).first()).toContainText('Nikolay Karpenkov (certain)');
  await expect(chain).toContainText('Ministry of Internal Affairs of Belarus (certain)');
  await expect(chain).toContainText('Yury Karayeu (certain)');
  await expect(chain).not.toContainText('Andrei Parshyn');
  await expect(chain).not.toContainText('Ivan Kubrakov');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'chain-2020-09-01.png'), fullPage: false });

  section = await askChain(page, '2021-01-01');
  chain = section.getByRole('list', { name: 'Chain of command on 1 Jan 2021' });
  await expect(chain).toContainText('Andrei Parshyn (certain)');
  await expect(chain).toContainText('Ivan Kubrakov (certain)');
  await expect(chain).not.toContainText('Nikolay Karpenkov');
  await expect(chain).not.toContainText('Yury Karayeu');

  // A month-dated start leaves a day inside the month possible, and the names link to the profiles.
  section = await askChain(page, '2020-11-10');
  chain = section.getByRole('list', { name: 'Chain of command on 10 Nov 2020' });
  await expect(chain).toContainText('Andrei Parshyn (possible)');
  await chain.getByRole('link', { name: 'Andrei Parshyn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Andrei Parshyn' })).toBeVisible();
});

test("a person's posts name who held them before and after: Karpenkov then Parshyn at GUBOPiK", async ({ page }) => {
  await page.goto('/actors/andrei-parshyn');
  const posts = page.getByRole('region', { name: 'Posts held' });
  await expect(posts).toContainText('Predecessor: Nikolay Karpenkov');
  await posts.getByRole('link', { name: 'Nikolay Karpenkov' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nikolay Karpenkov' })).toBeVisible();
  const held = page.getByRole('region', { name: 'Posts held' }).getByRole('listitem').filter({ hasText: 'GUBOPiK' });
  await expect(held).toContainText('Successor: Andrei Parshyn');
  await expect(held).not.toContainText('Predecessor');
});
