// Importing a network from a file: an analyst uploads FollowTheMoney entities (two people, a
// company, a Directorship), reads the progress and the summary, and finds the imported person and
// their tie in the actor index and profile; the seed document imported again is followed as it
// goes and creates nothing; a viewer gets no import form. What the test imports it deletes
// again through the API, so specs that count the seeded actors are undisturbed.
import { readFileSync, writeFileSync } from 'node:fs';
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
    // The progress the import reported as it wrote stays beside the summary.
    const progress = page.getByRole('region', { name: 'Import progress' });
    await expect(progress.getByRole('list', { name: 'Records by kind' }).getByRole('listitem')).toHaveText(['Sources: 1 of 1', 'Actors: 3 of 3', 'Ties: 1 of 1', 'Claims: 1 of 1']);
    await expect(progress).toContainText(/Done: 6 records compared in \d+\.\d s/);

    await summary.getByRole('link', { name: 'Go to the actor index' }).click();
    await expect(page).toHaveURL('/actors');
    await page.goto(`/actors?q=${encodeURIComponent('Импортова')}`);
    await page.getByRole('link', { name: PERSON }).click();
    await expect(page.getByRole('heading', { name: PERSON, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Names' }).getByText('Теста Импортова')).toBeVisible();
    await expect(page.getByRole('link', { name: COMPANY }).first()).toBeVisible();
    await expect(page.getByText('Managing Director').first()).toBeVisible();
  });

  test('the seed document again, watching its progress, and nothing is created', async ({ page }, testInfo) => {
    const seed = JSON.parse(readFileSync('seed/belarus.json', 'utf8')) as { sources: unknown[]; actors: { claims?: unknown[] }[]; ties: { claims: unknown[] }[] };
    const claims = seed.actors.reduce((n, a) => n + (a.claims?.length ?? 0), 0) + seed.ties.reduce((n, t) => n + t.claims.length, 0);
    const total = seed.sources.length + seed.actors.length + seed.ties.length + claims;
    await signIn(page, 'analyst');
    await page.goto('/import');
    // Every text the progress panel shows, recorded as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressTexts: string[] }).progressTexts = seen;
      new MutationObserver(() => {
        const panel = document.querySelector('section[aria-label="Import progress"]');
        if (panel?.textContent && seen.at(-1) !== panel.textContent) seen.push(panel.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('File', { exact: true }).setInputFiles('seed/belarus.json');
    await expect(page.getByLabel('Format', { exact: true })).toHaveValue('powermap');
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await expect(page.getByRole('status')).toContainText('Imported belarus.json: 0 actors and 0 ties created');
    const progress = page.getByRole('region', { name: 'Import progress' });
    await expect(progress.getByRole('list', { name: 'Records by kind' }).getByRole('listitem').first()).toHaveText(`Sources: ${seed.sources.length} of ${seed.sources.length}`);
    await expect(progress.getByRole('list', { name: 'Records by kind' })).toContainText(`Claims: ${claims} of ${claims}`);
    await expect(progress).toContainText(`Done: ${total} records compared`);
    await page.screenshot({ path: testInfo.outputPath('import-progress.png'), fullPage: true });
    const summary = page.getByRole('region', { name: 'Imported belarus.json' });
    for (const row of ['Sources', 'Actors', 'Ties', 'Claims']) await expect(summary.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell').first()).toHaveText('0');

    // Before the summary, the panel said the file was being checked, then counted records as they went.
    const seen = await page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
    expect(seen.some((t) => t.includes('Sending and checking the file'))).toBe(true);
    const partial = seen.map((t) => new RegExp(`Importing [a-z ]+: (\\d+) of ${total} records`).exec(t)).filter((m) => m && Number(m[1]) < total);
    expect(partial.length, `progress texts seen: ${JSON.stringify(seen)}`).toBeGreaterThan(0);
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
