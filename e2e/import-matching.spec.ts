// Import matching, as an analyst importing a second sanctions list (test/fixtures/import-matching/)
// after a first: the preview shows the list's Cyrillic "Антон Матчов" may be the stored Anton
// Matchov (same spelling once transliterated, born the same day, sanctioned by the same office)
// and the company "Matchov Freight Holding LLC" may be "Matchov Freight Holding", each with why.
// The analyst chooses "same as" for the person and leaves the company new, imports, sees the
// person's name and ties land on the stored actor, and follows "1 possible duplicate — review" to
// /duplicates narrowed to what the import touched. Everything both lists made is deleted at the end.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../test/fixtures/import-matching');
const SOURCE_TITLE = 'E2E import matching';

async function deleteThroughApi(page: Page, path: string) {
  let response = await page.request.delete(path, { headers: { 'If-Match': '"1"' } });
  if (response.status() === 412) response = await page.request.delete(path, { headers: { 'If-Match': response.headers()['etag'] } });
  expect(response.status(), await response.text()).toBe(200);
}

async function actorsNamed(page: Page, q: string) {
  return ((await (await page.request.get(`/api/actors?q=${encodeURIComponent(q)}`)).json()) as { actors: { slug: string; name: string }[] }).actors;
}

/** Every actor and source the two lists make (also what an earlier, failed run left). */
async function cleanUp(page: Page) {
  const made = [...(await actorsNamed(page, 'Matchov')), ...(await actorsNamed(page, 'Fixture Sanctions Office'))];
  for (const { slug, name } of made) {
    if (!/Matchov|Fixture Sanctions Office/.test(name)) continue;
    if ((await page.request.get(`/api/actors/${slug}`, { maxRedirects: 0 })).status() === 200) await deleteThroughApi(page, `/api/actors/${slug}`);
  }
  const sources = (await (await page.request.get(`/api/sources?q=${encodeURIComponent(SOURCE_TITLE)}`)).json()) as { sources?: { id: string }[] };
  for (const { id } of sources.sources ?? []) {
    if ((await page.request.get(`/api/sources/${id}`)).ok()) await deleteThroughApi(page, `/api/sources/${id}`);
  }
}

test.describe('an analyst imports a second list onto the actors the first made', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'analyst');
    await cleanUp(page);
  });
  test.afterEach(async ({ page }) => {
    await cleanUp(page);
    expect(await actorsNamed(page, 'Matchov')).toEqual([]);
  });

  test('chooses “same as” for a person in the preview, imports, and reviews the possible duplicate left', async ({ page }, testInfo) => {
    const first = readFileSync(path.join(FIXTURES, 'first-list.ftm.jsonl'), 'utf8');
    const response = await page.request.post(`/api/import?format=ftm&fileName=first-list.ftm.jsonl&title=${encodeURIComponent(`${SOURCE_TITLE} 1`)}`, {
      data: first,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(response.status(), await response.text()).toBe(200);

    await page.goto('/import');
    await page.getByLabel('File', { exact: true }).setInputFiles(path.join(FIXTURES, 'second-list.ftm.jsonl'));
    await expect(page.getByLabel('Format', { exact: true })).toHaveValue('ftm');
    await page.getByLabel('Source title').fill(`${SOURCE_TITLE} 2`);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    const preview = page.getByRole('region', { name: 'Preview of second-list.ftm.jsonl' });
    await expect(preview.getByRole('status')).toHaveText(/create 2 actors and 2 ties, and update 1 actor/);
    await expect(preview.getByText(/1 actor of the file is an actor already here \(1 by slug\)/)).toBeVisible();
    await expect(preview.getByText(/2 new actors may be actors already here: choose for each/)).toBeVisible();
    const person = preview.getByRole('group', { name: 'Антон Матчов' });
    await expect(person.getByRole('list', { name: 'Why Антон Матчов may be Anton Matchov' }).getByRole('listitem')).toHaveText([
      /^“Anton Matchov” \(.+\) of Антон Матчов and “Anton Matchov” \(given\) of Anton Matchov are one spelling$/,
      'Both are tied to Fixture Sanctions Office',
      'Both born 1971-05-02',
    ]);
    const company = preview.getByRole('group', { name: 'Matchov Freight Holding LLC' });
    await expect(company.getByRole('radio', { name: 'New actor' })).toBeChecked();
    await expect(company.getByRole('radio', { name: 'Same as Matchov Freight Holding' })).not.toBeChecked();
    await person.getByRole('radio', { name: 'Same as Anton Matchov' }).check();
    await expect(preview.getByText('1 actor will be written onto an actor already here.', { exact: false })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('import-matching-preview.png'), fullPage: true });

    await preview.getByRole('button', { name: 'Import with these choices' }).click();
    const summary = page.getByRole('region', { name: 'Imported second-list.ftm.jsonl' });
    await expect(summary).toContainText('1 actor written onto the actor chosen in the preview');
    await page.screenshot({ path: testInfo.outputPath('import-matching-summary.png'), fullPage: true });

    // The person is one actor: the stored one, with the list's spelling and both lists' sanctions.
    const people = (await actorsNamed(page, 'Anton Matchov')).filter((a) => a.name.includes('Matchov') && !a.name.includes('Freight'));
    expect(people.map((a) => a.name)).toEqual(['Anton Matchov']);
    const profile = (await (await page.request.get(`/api/actors/${people[0]!.slug}`)).json()) as { names: { name: string }[]; ties: { type: string }[] };
    expect(profile.names.map((n) => n.name)).toContain('Антон Матчов');
    expect(profile.ties.filter((t) => t.type === 'sanctioned_by')).toHaveLength(2);

    // The company left new is the possible duplicate this import made.
    await summary.getByRole('link', { name: '1 possible duplicate — review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Possible duplicates' })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Only pairs with an actor the import of');
    const pair = page.getByRole('region', { name: /^Matchov Freight Holding(?: LLC)? and Matchov Freight Holding(?: LLC)?$/ });
    await expect(pair).toHaveCount(1);
    await expect(page.getByRole('region', { name: /^(?!Recent merges).* and / })).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath('import-matching-duplicates.png'), fullPage: true });
  });
});
