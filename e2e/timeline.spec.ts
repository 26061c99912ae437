// The timeline (/timeline): posts grouped by institution, read from the page by roles and names —
// the KGB's three chairmen in the order they served, a bar opening its tie, the date cursor shared
// with the map, rows per actor, and the profile's "Posts held" drawn by the same chart.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const SCREENSHOTS = path.join('e2e', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

test('the timeline grouped by institution reads the three KGB chairmen in order, and a bar opens its tie', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await expect(page).toHaveURL('/timeline');
  await expect(page.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();

  const chart = page.getByRole('table', { name: 'Timeline by institution and post' });
  const heads = chart.getByRole('rowgroup', { name: 'Heads of KGB of Belarus' });
  await expect(heads.getByRole('rowheader')).toHaveText(['Heads of KGB of Belarus', 'Vadim Zaitsev', 'Valery Vakulchik', 'Ivan Tertel']);
  // Each bar says its dates as precisely as they are known, and Tertel's runs on to today.
  // …and names who held the post before and after (succession).
  const vakulchik = heads.getByRole('link', { name: /^Valery Vakulchik leads KGB of Belarus \(Chairman\), Nov 2012 – 3 Sep 2020, [A-F][1-6]; after Vadim Zaitsev; before Ivan Tertel$/ });
  await expect(vakulchik).toBeVisible();
  await expect(heads.getByRole('link', { name: /^Ivan Tertel leads KGB of Belarus \(Chairman\), 3 Sep 2020 – present/ })).toBeVisible();
  // Deputies serve beside the chair: Tertel's deputy chairmanship is a post of its own.
  await expect(chart.getByRole('rowgroup', { name: 'Deputy Chairman, KGB of Belarus' }).getByRole('rowheader', { name: 'Ivan Tertel' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'How dates are drawn' })).toContainText('Known to the month or year: fades across it');
  await heads.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'timeline-by-institution.png'), fullPage: false });

  await vakulchik.click();
  await expect(page).toHaveURL('/ties/vakulchik-leads-kgb');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Valery Vakulchik');
});

test('the date cursor is the map\'s date: set it, and the map opens on that day with the same filters', async ({ page }) => {
  await page.goto('/timeline');
  const options = page.getByRole('form', { name: 'Timeline options' });
  await options.getByLabel("Date cursor (the map's date)").fill('2020-09-01');
  await options.getByRole('checkbox', { name: 'member of' }).check();
  await options.getByRole('button', { name: 'Show timeline' }).click();
  // The form's repeated checkboxes become the map's own address for the same view.
  await expect(page).toHaveURL('/timeline?asOf=2020-09-01&types=holds_position%2Cleads%2Cmember_of%2Crepresents');
  const toMap = page.getByRole('link', { name: 'Open the map on 1 Sep 2020' });
  await expect(toMap).toHaveAttribute('href', '/?asOf=2020-09-01&types=holds_position%2Cleads%2Cmember_of%2Crepresents');
  await page.getByRole('table', { name: 'Timeline by institution and post' }).getByRole('rowgroup', { name: 'Heads of KGB of Belarus' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, 'timeline-cursor.png') });
  await toMap.click();
  await expect(page).toHaveURL(/\/\?asOf=2020-09-01&types=/);
  await expect(page.getByLabel('As of date')).toHaveValue('2020-09-01');
  // And back: the map's date and filters open the timeline where they are.
  await page.getByRole('link', { name: 'Posts on the timeline at this date' }).click();
  await expect(page).toHaveURL('/timeline?asOf=2020-09-01&types=holds_position%2Cleads%2Cmember_of%2Crepresents');
  await expect(page.getByLabel("Date cursor (the map's date)")).toHaveValue('2020-09-01');
});

test('rows per actor, and the profile\'s posts drawn by the same chart', async ({ page }) => {
  await page.goto('/timeline?rows=actor');
  const chart = page.getByRole('table', { name: 'Timeline by actor' });
  const tertel = chart.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ivan Tertel' }) });
  await expect(tertel.getByRole('link', { name: /^Ivan Tertel leads KGB of Belarus/ })).toBeVisible();
  await expect(tertel.getByRole('link', { name: /^Ivan Tertel holds position in KGB of Belarus \(Deputy Chairman\)/ })).toBeVisible();

  await page.goto('/actors/ivan-tertel');
  const posts = page.getByRole('table', { name: 'Posts held by Ivan Tertel, as a timeline' });
  await expect(posts.getByRole('rowheader', { name: 'Chairman, KGB of Belarus', exact: true })).toBeVisible();
  await posts.getByRole('link', { name: /^Ivan Tertel leads KGB of Belarus \(Chairman\)/ }).click();
  await expect(page).toHaveURL('/ties/tertel-leads-kgb');
});

test('a disputed tie shows each source\'s dates, and a focus draws only its neighbourhood', async ({ page }) => {
  await page.goto('/timeline?focus=yevgeny-prigozhin');
  const chart = page.getByRole('table', { name: 'Timeline by institution and post' });
  const wagner = chart.getByRole('rowgroup', { name: 'Heads of Wagner Group' });
  await expect(wagner.getByRole('link', { name: /^Yevgeny Prigozhin leads Wagner Group .*; disputed: / })).toBeVisible();
  await expect(wagner.getByRole('img', { name: /^Version: 2014 – Aug 2023 according to / })).toHaveCount(1);
  await expect(wagner.getByRole('img', { name: /^Version: 2014 – 23 Aug 2023 according to / })).toHaveCount(1);
  // Only the focus's neighbourhood: the KGB's chairmen are not in it.
  await expect(chart.getByRole('rowgroup', { name: 'Heads of KGB of Belarus' })).toHaveCount(0);
});

test('an address the map would refuse is refused in words', async ({ page }) => {
  await page.goto('/timeline?asOf=2021-02-29&rows=tie');
  const alert = page.getByRole('alert').filter({ hasText: 'This address does not describe a timeline' });
  await expect(alert).toContainText('asOf');
  await expect(alert).toContainText('rows: must be one of post, actor');
});

test('GET /api/graph/timeline answers the same page as JSON, and refuses a bad parameter', async ({ request }) => {
  const res = await request.get('/api/graph/timeline?focus=kgb-belarus&asOf=2020-09-01');
  expect(res.status()).toBe(200);
  const { data } = await res.json();
  expect(data).toMatchObject({ cursor: '2020-09-01', rows: 'post', page: 1 });
  const heads = data.groups.find((g: { title: string }) => g.title === 'Heads of KGB of Belarus');
  expect(heads.rows.map((r: { actor: { slug: string } }) => r.actor.slug)).toEqual(['vadim-zaitsev', 'valery-vakulchik', 'ivan-tertel']);
  expect(heads.rows[2].bars[0]).toMatchObject({ tie: { tieId: 'tertel-leads-kgb' }, shape: { openEnd: true, fadeIn: null } });
  expect((await request.get('/api/graph/timeline?rows=tie')).status()).toBe(400);
  expect((await request.get('/api/graph/timeline?page=0')).status()).toBe(400);
});
