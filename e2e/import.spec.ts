// Importing a network from a file: an analyst uploads FollowTheMoney entities (two people, a
// company, a Directorship), reads the summary, and finds the imported person and their tie in
// the actor index and profile; a viewer gets no import form. What the test imports it deletes
// again through the API, so specs that count the seeded actors are undisturbed.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const run = Date.now().toString(36);
const PERSON = 'Testa Importova';
const RELATIVE = 'Testo Importov';
const COMPANY = 'Importova Holdings';
const ids = { person: `e2e-${run}-p1`, relative: `e2e-${run}-p2`, company: `e2e-${run}-c1`, directorship: `e2e-${run}-d1` };

function ftmFile(): string {
  return [
    { id: ids.person, schema: 'Person', caption: PERSON, properties: { name: [PERSON], alias: ['Теста Импортова'], birthDate: ['1971-03'] } },
    { id: ids.relative, schema: 'Person', caption: RELATIVE, properties: { name: [RELATIVE] } },
    { id: ids.company, schema: 'Company', caption: COMPANY, properties: { name: [COMPANY], incorporationDate: ['2009'] } },
    { id: ids.directorship, schema: 'Directorship', properties: { director: [ids.person], organization: [ids.company], role: ['Managing Director'], startDate: ['2016-05-01'] } },
  ]
    .map((e) => JSON.stringify(e))
    .join('\n');
}

/** Deletes through the API at whatever version is current: a stale If-Match answers 412 with the current ETag. */
async function deleteThroughApi(page: Page, path: string) {
  let response = await page.request.delete(path, { headers: { 'If-Match': '"1"' } });
  if (response.status() === 412) response = await page.request.delete(path, { headers: { 'If-Match': response.headers()['etag'] } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Deletes every actor and source this test imported. */
async function cleanUp(page: Page) {
  const found = (await (await page.request.get(`/api/actors?q=${encodeURIComponent('Importov')}`)).json()) as { actors: { slug: string }[] };
  for (const { slug } of found.actors) {
    if ((await page.request.get(`/api/actors/${slug}`)).ok()) await deleteThroughApi(page, `/api/actors/${slug}`);
  }
  const sources = (await (await page.request.get(`/api/sources?q=${encodeURIComponent(`E2E import ${run}`)}`)).json()) as { sources?: { id: string }[] };
  for (const { id } of sources.sources ?? []) {
    if ((await page.request.get(`/api/sources/${id}`)).ok()) await deleteThroughApi(page, `/api/sources/${id}`);
  }
}

test.describe('an analyst imports', () => {
  test.afterEach(async ({ page }) => {
    await cleanUp(page);
  });

  test('FollowTheMoney entities, and finds them in the actor index and on a profile', async ({ page }, testInfo) => {
    const file = testInfo.outputPath(`people-${run}.ftm.jsonl`);
    writeFileSync(file, ftmFile());

    await signIn(page, 'analyst');
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await expect(page).toHaveURL('/import');
    await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();

    // Sending without a file is refused in place.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText('Choose a file to import')).toBeVisible();

    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByLabel('Format', { exact: true }).selectOption({ label: 'FollowTheMoney JSON lines' });
    await page.getByLabel('Source reliability').selectOption('D');
    await page.getByLabel('Faction for new actors').selectOption('belarus-state');
    await page.getByLabel('Source title').fill(`E2E import ${run}`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const summary = page.getByRole('region', { name: /Imported people-/ });
    await expect(summary).toBeVisible();
    await expect(page.getByRole('status')).toContainText('3 actors and 1 ties created');
    await expect(summary.getByRole('row', { name: /Actors/ }).getByRole('cell')).toHaveText(['3', '0', '0']);
    await expect(summary.getByRole('row', { name: /Ties/ }).getByRole('cell')).toHaveText(['1', '0', '0']);
    await expect(summary.getByRole('row', { name: /Sources/ }).getByRole('cell')).toHaveText(['1', '0', '0']);

    await summary.getByRole('link', { name: 'Go to the actor index' }).click();
    await expect(page).toHaveURL('/actors');
    await page.goto(`/actors?q=${encodeURIComponent('Импортова')}`);
    await page.getByRole('link', { name: PERSON }).click();
    await expect(page.getByRole('heading', { name: PERSON, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Names' }).getByText('Теста Импортова')).toBeVisible();
    await expect(page.getByRole('link', { name: COMPANY }).first()).toBeVisible();
    await expect(page.getByText('Managing Director').first()).toBeVisible();
  });

  test('a broken file, and is told why while nothing changes', async ({ page }, testInfo) => {
    const file = testInfo.outputPath(`broken-${run}.jsonl`);
    writeFileSync(file, `${ftmFile()}\n{"id": "half`);
    await signIn(page, 'analyst');
    await page.goto('/import');
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByLabel('Format', { exact: true }).selectOption('ftm');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toContainText('line 5: not JSON');
    const found = (await (await page.request.get(`/api/actors?q=${encodeURIComponent('Importov')}`)).json()) as { actors: unknown[] };
    expect(found.actors).toEqual([]);
  });
});

test.describe('a viewer', () => {
  test('sees no import link and no import form', async ({ page }) => {
    await signIn(page, 'viewer');
    await expect(page.getByRole('link', { name: 'Import', exact: true })).toHaveCount(0);
    await page.goto('/import');
    await expect(page.getByText('Your account can read Powermap but not change it.')).toBeVisible();
    await expect(page.getByLabel('File', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  });
});

test('an anonymous visitor is sent to sign in', async ({ page }) => {
  await page.goto('/import');
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await expect(page.getByLabel('File', { exact: true })).toHaveCount(0);
});
