// Duplicates, as an analyst after importing a sanctions file that names the Office of Foreign
// Assets Control twice (by its acronym and in full, each sanctioning the same two actors): the
// analyst opens /duplicates, reads why the pair was suggested, judges it the same (the next visit
// shows who judged it), merges the two, follows the old address to the actor kept, whose ties now
// hold both files' sanctions, and unmerges them.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** FollowTheMoney lines: a person and a company, each sanctioned by "OFAC" and by "Office of Foreign Assets Control". */
function ofacTwice(tag: string): string {
  const person = { id: `dup-person-${tag}`, schema: 'Person', caption: `Anton Fixturov ${tag}`, properties: { name: [`Anton Fixturov ${tag}`] }, datasets: ['fixture'] };
  const company = { id: `dup-company-${tag}`, schema: 'Company', caption: `Fixture Freight ${tag}`, properties: { name: [`Fixture Freight ${tag}`] }, datasets: ['fixture'] };
  const sanctions = [
    [person, 'OFAC'],
    [company, 'OFAC'],
    [person, 'Office of Foreign Assets Control'],
    [company, 'Office of Foreign Assets Control'],
  ].map(([entity, authority], i) => ({ id: `dup-sanction-${tag}-${i}`, schema: 'Sanction', properties: { entity: [(entity as { id: string }).id], authority: [authority], startDate: ['2022-06-28'] }, datasets: ['fixture'] }));
  return [person, company, ...sanctions].map((e) => JSON.stringify(e)).join('\n');
}

async function importFtm(page: Page, text: string) {
  const response = await page.request.post('/api/import?format=ftm&fileName=ofac-twice.ftm.jsonl', { data: text, headers: { 'Content-Type': 'text/plain' } });
  expect(response.status(), await response.text()).toBe(200);
}

// The specs share one database, and later ones count the seed's actors: every actor this file
// imports (the two tagged ones and the two authorities they are tied to) is deleted afterwards.
const imported = new Set<string>();

async function noteImported(page: Page, tag: string) {
  const found = (await (await page.request.get(`/api/actors?q=${encodeURIComponent(tag)}`)).json()) as { actors: { slug: string; name: string }[] };
  for (const actor of found.actors.filter((a) => a.name.includes(tag))) {
    imported.add(actor.slug);
    const profile = (await (await page.request.get(`/api/actors/${actor.slug}`)).json()) as { ties: { type: string; other: { slug: string } }[] };
    for (const tie of profile.ties) if (tie.type === 'sanctioned_by') imported.add(tie.other.slug);
  }
  expect(imported.size, 'a person, a company and the two names of one authority').toBe(4);
}

test.afterEach(async ({ page }) => {
  for (const slug of imported) {
    const path = `/api/actors/${slug}`;
    let response = await page.request.get(path, { maxRedirects: 0 });
    if (response.status() !== 200) continue; // already gone, or merged away (a redirect)
    response = await page.request.delete(path, { headers: { 'If-Match': response.headers()['etag']! } });
    expect(response.status(), await response.text()).toBe(200);
  }
  imported.clear();
});

test('an analyst sees why OFAC and the Office of Foreign Assets Control were suggested as one, judges them the same, merges and unmerges them', async ({ page }) => {
  await signIn(page, 'analyst');
  const tag = unique();
  await importFtm(page, ofacTwice(tag));
  await noteImported(page, tag);

  await page.getByRole('link', { name: 'Duplicates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Possible duplicates' })).toBeVisible();
  const pair = page.getByRole('region', { name: /^(OFAC and Office of Foreign Assets Control|Office of Foreign Assets Control and OFAC)$/ }).filter({ hasText: tag });
  await expect(pair).toHaveCount(1);
  const why = pair.getByRole('list', { name: /^Why .* were suggested$/ });
  await expect(why.getByRole('listitem')).toHaveText([
    '“OFAC” is the initials of “Office of Foreign Assets Control”',
    new RegExp(`^Both are tied to (Anton Fixturov ${tag}, Fixture Freight ${tag}|Fixture Freight ${tag}, Anton Fixturov ${tag})$`),
  ]);

  await pair.getByRole('radio', { name: 'The same actor' }).check();
  await pair.getByLabel('Reason').fill('Same programme, same targets');
  await pair.getByRole('button', { name: 'Save judgement' }).click();
  await expect(pair.getByRole('status')).toHaveText('Judged: the same actor');

  // The next analyst (or the next visit) sees the judgement with who made it.
  await page.reload();
  const again = page.getByRole('region', { name: /OFAC/ }).filter({ hasText: tag });
  await expect(again.getByText(/^Judged the same actor by E2E Analyst on .* UTC: “Same programme, same targets”$/)).toBeVisible();
  await expect(again.getByRole('radio', { name: 'The same actor' })).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('duplicates.png'), fullPage: true });

  // Merge: keep the Office, with one reason.
  await again.getByRole('link', { name: /^Merge / }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Merge actors' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Merge actors' });
  await form.getByRole('radio', { name: 'Keep Office of Foreign Assets Control' }).check();
  await form.getByLabel('Reason').fill('The SDN list writes it short');
  await form.getByRole('button', { name: 'Merge 2 actors' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Merged into Office of Foreign Assets Control' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'duplicate ties combined' })).toHaveText('2 duplicate ties combined: sanctioned by, sanctioned by');
  const mergeAddress = page.url();

  // The old address leads to the actor kept, on the page and in the API; its ties hold both files' sanctions.
  const oldLink = page.getByRole('link', { name: /^\/actors\/ofac/ });
  const oldSlug = (await oldLink.textContent())!.replace('/actors/', '');
  const api = await page.request.get(`/api/actors/${oldSlug}`, { maxRedirects: 0 });
  expect(api.status()).toBe(308);
  expect(api.headers().location).toMatch(/\/api\/actors\/office-of-foreign-assets-control/);
  await oldLink.click();
  await expect(page).toHaveURL(/\/actors\/office-of-foreign-assets-control/);
  await expect(page.getByRole('heading', { level: 1, name: 'Office of Foreign Assets Control' })).toBeVisible();
  await expect(page.getByRole('link', { name: `Anton Fixturov ${tag}` }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: `Fixture Freight ${tag}` }).first()).toBeVisible();
  await expect(page.getByText('OFAC', { exact: true }).first()).toBeVisible();
  const office = await (await page.request.get(page.url().replace('/actors/', '/api/actors/'))).json();
  const sanctions = office.ties.filter((t: { type: string }) => t.type === 'sanctioned_by');
  expect(sanctions).toHaveLength(2);

  // Unmerge, from the merge listed on /duplicates: OFAC is back at its own address.
  await page.getByRole('link', { name: 'Duplicates' }).click();
  await page.getByRole('region', { name: 'Recent merges' }).getByRole('link', { name: 'OFAC into Office of Foreign Assets Control' }).first().click();
  await expect(page).toHaveURL(mergeAddress);
  const unmerge = page.getByRole('form', { name: 'Unmerge' });
  await unmerge.getByLabel('Reason').fill('Checking again');
  await unmerge.getByRole('button', { name: 'Unmerge' }).click();
  // The page then shows the merge as undone.
  await expect(page.getByRole('status')).toHaveText(/^(Unmerged: OFAC is back|This merge was undone: every record it changed is as it was before\.)$/);
  await expect(page.getByText(/Undone on .* UTC\./)).toBeVisible();
  await page.goto(`/actors/${oldSlug}`);
  await expect(page.getByRole('heading', { level: 1, name: 'OFAC' })).toBeVisible();
  expect((await page.request.get(`/api/actors/${oldSlug}`, { maxRedirects: 0 })).status()).toBe(200);
});
