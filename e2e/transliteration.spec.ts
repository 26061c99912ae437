// One actor, every spelling: an analyst gives Maria Kalesnikava her Belarusian and Russian names,
// the profile lists the transliterations generated from them with the scheme of each (and hides
// them on request), and a Russian spelling typed into the header search or the map's finder, or
// a Latin one with a typo, opens her profile.
//
// This spec shares the e2e database with the others, so it puts her names back as it found them.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const PROFILE = '/actors/maria-kalesnikava';
const SCREENSHOTS = path.join('test-results', 'screenshots');
const CYRILLIC = [
  { name: 'Марыя Калеснікава', lang: 'be' },
  { name: 'Мария Колесникова', lang: 'ru' },
];

interface ApiName {
  name: string;
  lang: string;
  script: string;
  kind: string;
  schemes?: string[];
}

/** Her given names (generated ones are derived and never sent), through the write API at whatever version is current. */
async function setNames(page: Page, names: Omit<ApiName, 'schemes'>[]) {
  const send = (etag: string) => page.request.patch('/api/actors/maria-kalesnikava', { headers: { 'If-Match': etag }, data: { names, reason: 'e2e: transliteration' } });
  let response = await send('"1"');
  if (response.status() === 412) response = await send(response.headers()['etag']!);
  expect(response.status(), await response.text()).toBe(200);
}

test('search Колесникова and open Kalesnikava', async ({ page }) => {
  await signIn(page, 'analyst');
  const before = ((await (await page.request.get('/api/actors/maria-kalesnikava')).json()) as { names: ApiName[] }).names.filter((n) => !n.schemes);

  // The analyst adds her Cyrillic names in the edit form (the seed may hold them already).
  await page.goto(`${PROFILE}/edit`);
  for (const { name, lang } of CYRILLIC) {
    if (before.some((n) => n.name === name)) continue;
    await page.getByRole('button', { name: 'Add a name variant' }).click();
    const variant = page.getByRole('group', { name: /^Name variant \d+$/ }).last();
    await variant.getByLabel('Name', { exact: true }).fill(name);
    await variant.getByLabel('Language').fill(lang);
    await variant.getByLabel('Script').fill('Cyrl');
    await variant.getByLabel('Kind of name').selectOption('official');
  }
  await page.getByLabel('Reason for the change').fill('Names from her Belarusian and Russian press');
  await page.getByRole('button', { name: 'Save actor' }).click();
  await expect(page).toHaveURL(PROFILE);

  try {
    // Generated forms are on the profile, each saying which scheme gives it.
    const names = page.getByRole('region', { name: 'Names' });
    await expect(names.getByText('Maryja Kaliesnikava')).toBeVisible();
    await expect(names.getByRole('listitem').filter({ hasText: 'Maryja Kaliesnikava' })).toContainText('generated: Belarusian national system (2007)');
    await expect(names.getByRole('listitem').filter({ hasText: 'Mariya Kolesnikova' })).toContainText('generated: BGN/PCGN Russian (1947)');
    await expect(names.getByRole('listitem').filter({ hasText: 'Mariia Kolesnikova' })).toContainText('Passport / ICAO Doc 9303');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'profile-generated-names.png'), fullPage: true });
    // Hidden on request: the given names stay.
    await names.getByLabel(/Show generated transliterations/).uncheck();
    await expect(names.getByText('Maryja Kaliesnikava')).toHaveCount(0);
    await expect(names.getByText('Мария Колесникова')).toBeVisible();

    // The header search, in Russian: her profile is the first result.
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search actors' }).fill('Колесникова');
    await page.getByRole('searchbox', { name: 'Search actors' }).press('Enter');
    await expect(page).toHaveURL(/\/actors\?q=/);
    const results = page.getByRole('table');
    await expect(results.getByRole('row').nth(1)).toContainText('Maria Kalesnikava');
    await results.getByRole('link', { name: 'Maria Kalesnikava' }).click();
    await expect(page).toHaveURL(PROFILE);
    await expect(page.getByRole('heading', { level: 1, name: 'Maria Kalesnikava' })).toBeVisible();

    // A Latin spelling from another scheme, with a typo, in the actor index.
    await page.goto(`/actors?q=${encodeURIComponent('Kolesnikvoa')}`);
    await expect(page.getByRole('table').getByRole('link', { name: 'Maria Kalesnikava' })).toBeVisible();

    // The map's finder, in Russian.
    await page.goto('/');
    const search = page.getByRole('combobox', { name: 'Find an actor' });
    await search.fill('Колесникова');
    await expect(page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first()).toContainText('Maria Kalesnikava');
  } finally {
    await setNames(page, before.map(({ name, lang, script, kind }) => ({ name, lang, script, kind })));
  }
});
