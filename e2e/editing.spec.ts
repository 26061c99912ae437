// Editing journeys on the Belarus seed, by roles, labels and visible text: an analyst annotates
// the Karpenkov–GUBOPiK tie, adds a claim citing a new source, changes the tie's end date, sees
// all three in its history and restores the old date; a viewer sees no edit controls and their
// direct requests fail; two analysts editing one tie, the second is told of the conflict; server
// actions refuse another site.
//
// These tests share the e2e database with read-only specs, so they put back what they change on
// seeded records (the GUBOPiK tie's date, its claim count and notes) and make their own records
// for everything destructive.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const TIE = '/ties/karpenkov-leads-gubopik';
const run = `${Date.now().toString(36)}`;

/** A tie of our own, made through the write API with the page's session cookie. */
async function createOwnTie(page: Page, role: string): Promise<string> {
  const response = await page.request.post('/api/ties', {
    data: { source: 'ivan-tertel', target: 'vladimir-putin', type: 'associate_of', role, start: { date: '2019', precision: 'year' } },
  });
  expect(response.status(), await response.text()).toBe(201);
  expect(response.headers()['etag']).toBe('"1"');
  return ((await response.json()) as { id: string }).id;
}

/** Deletes through the API as a script would: a stale If-Match answers 412 with the current ETag, then it is tried again. */
async function deleteThroughApi(page: Page, path: string) {
  const response = await changeThroughApi(page, 'DELETE', path);
  expect(response.status(), await response.text()).toBe(200);
}

/** Sends a change through the API at whatever version is current (a stale If-Match answers 412 with the current ETag). */
async function changeThroughApi(page: Page, method: 'PATCH' | 'DELETE', path: string, data?: unknown) {
  const send = (etag: string) => page.request.fetch(path, { method, headers: { 'If-Match': etag }, data });
  let response = await send('"1"');
  if (response.status() === 412) response = await send(response.headers()['etag']);
  return response;
}

/**
 * Puts the seeded GUBOPiK tie back as the read-only specs expect it, even when the journey
 * failed half-way: our notes and claims deleted, the seed's role and dates.
 */
async function restoreSeededTie(page: Page) {
  const tie = await (await page.request.get('/api/ties/karpenkov-leads-gubopik')).json();
  for (const note of tie.notes ?? []) if (String(note.body).includes(`E2E ${run}`)) await changeThroughApi(page, 'DELETE', `/api/notes/${note.id}`);
  for (const claim of tie.claims ?? []) if (String(claim.source?.title).includes(`E2E ${run}`)) await changeThroughApi(page, 'DELETE', `/api/claims/${claim.id}`);
  if (tie.end?.date !== '2020-11-19' || tie.end?.precision !== 'day' || tie.role !== 'Head') {
    await changeThroughApi(page, 'PATCH', '/api/ties/karpenkov-leads-gubopik', { role: 'Head', start: { date: '2020-08', precision: 'month' }, end: { date: '2020-11-19', precision: 'day' }, reason: 'E2E clean-up' });
  }
}

test.describe('an analyst edits', () => {
  test.afterEach(async ({ page }, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus && testInfo.title.includes('Karpenkov–GUBOPiK')) await restoreSeededTie(page).catch(() => undefined);
  });

  test('annotates the Karpenkov–GUBOPiK tie, adds a claim citing a new source, changes the end date, sees all three in the history and restores the old date', async ({ page }) => {
    await signIn(page, 'analyst');
    await page.goto(TIE);
    const tools = page.getByRole('region', { name: 'Edit this tie' });
    await expect(tools.getByRole('link', { name: 'Edit tie' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('leads');

    // 1. An internal note, with a link.
    const noteText = `E2E ${run}: ask the desk about Decree 433, see https://pravo.by/document/?guid=433`;
    const notes = page.getByRole('region', { name: 'Notes' });
    await notes.getByRole('button', { name: 'Add note' }).click();
    await expect(notes.getByText('Note is required')).toBeVisible(); // checked in place before sending
    await notes.getByLabel('New note').fill(noteText);
    await expect(notes.getByLabel('Internal (analysts only)')).toBeChecked();
    await notes.getByRole('button', { name: 'Add note' }).click();
    const note = notes.getByRole('listitem').filter({ hasText: `E2E ${run}` });
    await expect(note).toBeVisible();
    await expect(note.getByText('Internal')).toBeVisible();
    await expect(note.getByRole('link', { name: 'https://pravo.by/document/?guid=433' })).toHaveAttribute('href', 'https://pravo.by/document/?guid=433');
    await expect(notes.getByLabel('New note')).toHaveValue('');

    // 2. A claim citing a source added on the way.
    await tools.getByRole('link', { name: 'Add claim' }).click();
    await expect(page).toHaveURL(`${TIE}/claims/new`);
    await page.getByRole('link', { name: 'Add a new source' }).click();
    await expect(page).toHaveURL(/\/sources\/new\?next=/);
    const sourceTitle = `E2E ${run}: Decree No. 433 of 19 November 2020`;
    await page.getByLabel('Title').fill(sourceTitle);
    await page.getByLabel('Link').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Add source' }).click();
    await expect(page.getByText('Only http and https links are allowed')).toBeVisible();
    await expect(page.getByText('Required')).toBeVisible(); // the reliability grade
    await page.getByLabel('Link').fill('https://pravo.by/document/?guid=433');
    await page.getByLabel('Reliability').selectOption('B');
    await page.getByRole('button', { name: 'Add source' }).click();
    await expect(page).toHaveURL(new RegExp(`${TIE}/claims/new\\?source=`));
    await expect(page.getByLabel('Source', { exact: true })).toHaveValue(/.+/);
    await expect(page.getByLabel('Source', { exact: true }).locator('option:checked')).toHaveText(`${sourceTitle} (B)`);
    await page.getByLabel('Quote').fill('Karpenkov is relieved of the post of head of GUBOPiK.');
    await page.getByLabel('Where in the source').fill('Art. 1');
    await page.getByLabel('Credibility').selectOption('1');
    await page.getByRole('button', { name: 'Add claim' }).click();
    await expect(page).toHaveURL(TIE);
    await expect(page.getByRole('heading', { name: /^5 claims/ })).toBeVisible();
    await expect(page.getByText('Karpenkov is relieved of the post of head of GUBOPiK.').first()).toBeVisible();

    // 3. The end date, with its precision.
    await page.getByRole('region', { name: 'Edit this tie' }).getByRole('link', { name: 'Edit tie' }).click();
    await expect(page).toHaveURL(`${TIE}/edit`);
    await expect(page.getByLabel('End date')).toHaveValue('2020-11-19');
    await page.getByLabel('End date').fill('2020-11-31');
    await page.getByRole('button', { name: 'Save tie' }).click();
    await expect(page.getByText(/Date "2020-11-31" does not match precision/)).toBeVisible();
    await page.getByLabel('End date').fill('2020-12');
    await page.getByLabel('End precision').selectOption('month');
    await page.getByLabel('Reason for the change (optional)').fill(`E2E ${run}: checking the decree's effective date`);
    await page.getByRole('button', { name: 'Save tie' }).click();
    await expect(page).toHaveURL(TIE);
    await expect(page.getByRole('region', { name: 'The tie' })).toContainText('Dec 2020');

    // 4. All three in the history.
    await page.getByRole('region', { name: 'Edit this tie' }).getByRole('link', { name: 'History' }).click();
    await expect(page).toHaveURL('/history/tie/karpenkov-leads-gubopik');
    const own = page.getByRole('list', { name: 'Changes to this tie' });
    const dateChange = own.getByRole('listitem').first();
    await expect(dateChange).toContainText('edited');
    await expect(dateChange).toContainText('by E2E Analyst');
    await expect(dateChange).toContainText(`Reason: E2E ${run}`);
    const endRow = dateChange.getByRole('row', { name: /End/ });
    await expect(endRow).toContainText('19 Nov 2020');
    await expect(endRow).toContainText('Dec 2020');
    const related = page.getByRole('list', { name: 'Changes to its claims and notes' });
    await expect(related.getByRole('listitem').filter({ hasText: `E2E ${run}: ask the desk` })).toContainText('Note');
    await expect(related.getByRole('listitem').filter({ hasText: 'Karpenkov is relieved' })).toContainText('Claim');

    // 5. Back to the old date: a new version, the history kept.
    const previous = own.getByRole('listitem').nth(1);
    await previous.getByRole('button', { name: /^Restore version \d+$/ }).click();
    await expect(own.getByRole('listitem').first()).toContainText(/Reason: Restored version \d+/);
    await expect(own.getByRole('listitem').first().getByRole('row', { name: /End/ })).toContainText('19 Nov 2020');
    await expect(own.getByRole('listitem').nth(1)).toContainText(`Reason: E2E ${run}`);
    await page.goto(TIE);
    await expect(page.getByRole('region', { name: 'The tie' })).toContainText('19 Nov 2020');

    // Put the tie back as the read-only specs expect it: delete our note, claim and source.
    const ourNote = page.getByRole('region', { name: 'Notes' }).getByRole('listitem').filter({ hasText: `E2E ${run}` });
    await ourNote.getByRole('button', { name: 'Delete' }).click();
    await ourNote.getByRole('button', { name: 'Yes, delete this note' }).click();
    await expect(page.getByText(`E2E ${run}: ask the desk`)).toHaveCount(0);
    await page.getByText('Review claims: change a status or delete').click();
    const ourClaim = page.getByRole('list', { name: 'Claims to review' }).getByRole('listitem').filter({ hasText: 'Karpenkov is relieved' });
    await ourClaim.getByRole('button', { name: 'Delete' }).click();
    await ourClaim.getByRole('button', { name: 'Yes, delete this claim' }).click();
    await expect(page.getByRole('heading', { name: /^4 claims/ })).toBeVisible();
    const sources = await (await page.request.get(`/api/sources?q=${encodeURIComponent(`E2E ${run}`)}`)).json();
    await deleteThroughApi(page, `/api/sources/${sources.sources[0].id}`);
  });

  test('changes a claim status with a reason, creates and deletes an actor with names in Cyrillic', async ({ page }) => {
    await signIn(page, 'analyst');
    const tieId = await createOwnTie(page, `E2E ${run} claims`);
    const claim = await page.request.post('/api/claims', { data: { tie: tieId, source: 'slow-invasion-article', quote: `E2E ${run} quote`, credibility: 3 } });
    expect(claim.status()).toBe(201);

    await page.goto(`/ties/${tieId}`);
    await page.getByText('Review claims: change a status or delete').click();
    const item = page.getByRole('list', { name: 'Claims to review' }).getByRole('listitem').filter({ hasText: `E2E ${run} quote` });
    await item.getByLabel('Status', { exact: true }).selectOption('needs_review');
    await item.getByRole('button', { name: 'Change status' }).click();
    await expect(item.getByText('Say why the status changes')).toBeVisible();
    await item.getByLabel('Reason').fill('Only one source');
    await item.getByRole('button', { name: 'Change status' }).click();
    await expect(page.getByText('Status is now needs review')).toBeVisible();
    await item.getByRole('link', { name: 'History' }).click();
    await expect(page.getByRole('list', { name: 'Changes to this claim' }).getByRole('listitem').first()).toContainText('Reason: Only one source');

    // An actor with its names in two scripts.
    const slug = `e2e-actor-${run}`;
    await page.goto('/actors/new');
    await page.getByLabel('Name', { exact: true }).first().fill(`E2E Actor ${run}`);
    await page.getByLabel('Slug').fill(`Bad Slug`);
    await page.getByLabel('Kind', { exact: true }).selectOption('organization');
    await page.getByLabel('Faction').selectOption('belarus-opposition');
    await page.getByRole('button', { name: 'Add a name variant' }).click();
    const variant = page.getByRole('group', { name: 'Name variant 1' });
    await variant.getByLabel('Name', { exact: true }).fill('Тэставая арганізацыя');
    await variant.getByLabel('Language').fill('be');
    await variant.getByLabel('Script').fill('Cyrl');
    await variant.getByLabel('Kind of name').selectOption('official');
    await page.getByRole('button', { name: 'Add actor' }).click();
    await expect(page.getByText('Slug uses lowercase letters, digits and single hyphens')).toBeVisible();
    await page.getByLabel('Slug').fill(slug);
    await page.getByRole('button', { name: 'Add actor' }).click();
    await expect(page).toHaveURL(`/actors/${slug}`);
    await expect(page.getByRole('region', { name: 'Names' }).getByText('Тэставая арганізацыя')).toBeVisible();
    await expect((await (await page.request.get(`/api/actors?q=${encodeURIComponent('арганізацыя')}`)).json()).actors.map((a: { slug: string }) => a.slug)).toContain(slug);

    // Edit it: a second variant in Latin script, a founding date by month.
    await page.getByRole('region', { name: 'Edit this actor' }).getByRole('link', { name: 'Edit actor' }).click();
    await expect(page).toHaveURL(`/actors/${slug}/edit`);
    await expect(page.getByRole('group', { name: 'Name variant 1' }).getByLabel('Name', { exact: true })).toHaveValue('Тэставая арганізацыя');
    await page.getByRole('button', { name: 'Add a name variant' }).click();
    const latin = page.getByRole('group', { name: 'Name variant 2' });
    await latin.getByLabel('Name', { exact: true }).fill('Testavaja arhanizacyja');
    await latin.getByLabel('Language').fill('be');
    await latin.getByLabel('Script').fill('Latn');
    await latin.getByLabel('Kind of name').selectOption('transliteration');
    await page.getByLabel('Start date').fill('2020-08');
    await page.getByRole('button', { name: 'Save actor' }).click();
    await expect(page).toHaveURL(`/actors/${slug}`);
    await expect(page.getByRole('region', { name: 'Names' }).getByText('Testavaja arhanizacyja')).toBeVisible();
    await page.getByRole('region', { name: 'Edit this actor' }).getByRole('link', { name: 'History' }).click();
    const latest = page.getByRole('list', { name: 'Changes to this actor' }).getByRole('listitem').first();
    await expect(latest.getByRole('row', { name: /Name variants/ })).toContainText('Testavaja arhanizacyja (be, Latn, transliteration)');
    await expect(latest.getByRole('row', { name: /Start/ })).toContainText('Aug 2020');
    await page.goto(`/actors/${slug}`);

    await page.getByRole('region', { name: 'Edit this actor' }).getByRole('button', { name: 'Delete actor' }).click();
    await page.getByRole('button', { name: 'Yes, delete this actor' }).click();
    await expect(page).toHaveURL('/actors');
    expect((await page.request.get(`/api/actors/${slug}`)).status()).toBe(404);

    await deleteThroughApi(page, `/api/ties/${tieId}`);
  });
});

test.describe('a viewer', () => {
  test('sees no edit controls, and their direct requests are refused', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto(TIE);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('leads');
    await expect(page.getByText('Analyst tools')).toHaveCount(0);
    for (const name of ['Edit tie', 'Add claim', 'Add source', 'Delete']) await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add note' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Delete/ })).toHaveCount(0);
    await page.goto('/actors/nikolai-karpenkov');
    await expect(page.getByRole('link', { name: 'Edit actor' })).toHaveCount(0);
    await page.goto(`${TIE}/edit`);
    await expect(page.getByText('Your account can read Powermap but not change it.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save tie' })).toHaveCount(0);

    const post = await page.request.post('/api/notes', { data: { tie: 'karpenkov-leads-gubopik', body: 'viewer note' } });
    expect(post.status()).toBe(403);
    const patch = await page.request.patch('/api/ties/karpenkov-leads-gubopik', { data: { role: 'x' }, headers: { 'If-Match': '"1"' } });
    expect(patch.status()).toBe(403);
    const del = await page.request.delete('/api/sources/slow-invasion-article', { headers: { 'If-Match': '"1"' } });
    expect(del.status()).toBe(403);
  });

  test('anonymous requests are refused with 401', async ({ request }) => {
    expect((await request.post('/api/ties', { data: { source: 'ivan-tertel', target: 'vladimir-putin', type: 'leads' } })).status()).toBe(401);
    expect((await request.delete('/api/claims/karpenkov-leads-gubopik-c1', { headers: { 'If-Match': '"1"' } })).status()).toBe(401);
  });
});

test.describe('two analysts on one tie', () => {
  test('the second save is refused with the current version shown beside what they typed, and nothing is lost', async ({ browser }) => {
    const first = await browser.newContext();
    const second = await browser.newContext();
    const a = await first.newPage();
    const b = await second.newPage();
    await signIn(a, 'analyst');
    await signIn(b, 'admin');
    const tieId = await createOwnTie(a, `E2E ${run} original role`);

    await a.goto(`/ties/${tieId}/edit`);
    await b.goto(`/ties/${tieId}/edit`);
    await a.getByLabel('Role').fill('Role saved first');
    await a.getByRole('button', { name: 'Save tie' }).click();
    await expect(a).toHaveURL(`/ties/${tieId}`);

    await b.getByLabel('Role').fill('Role typed second');
    await b.getByLabel('End date').fill('2022-03');
    await b.getByRole('button', { name: 'Save tie' }).click();
    const conflict = b.getByRole('alert').filter({ hasText: 'someone else' });
    await expect(conflict.getByRole('heading', { name: 'Not saved: someone else changed this tie (now version 2)' })).toBeVisible();
    await expect(conflict).toContainText('you edited version 1, it is now version 2');
    const role = conflict.getByRole('row', { name: /Role/ });
    await expect(role.getByRole('cell').nth(0)).toHaveText('Role saved first');
    await expect(role.getByRole('cell').nth(1)).toHaveText('Role typed second');
    await expect(conflict.getByRole('row', { name: /End/ })).toContainText('Mar 2022');
    await expect(b.getByLabel('Role')).toHaveValue('Role typed second');
    await expect(b.getByLabel('End date')).toHaveValue('2022-03');
    expect((await (await a.request.get(`/api/ties/${tieId}`)).json()).role).toBe('Role saved first');

    await b.getByRole('button', { name: 'Save mine over version 2' }).click();
    await expect(b).toHaveURL(`/ties/${tieId}`);
    await expect(b.getByRole('region', { name: 'The tie' })).toContainText('Role typed second');

    await deleteThroughApi(a, `/api/ties/${tieId}`);
    await first.close();
    await second.close();
  });
});

test.describe('cross-site requests', () => {
  test('a server action replayed from another site is refused and changes nothing', async ({ page }) => {
    await signIn(page, 'analyst');
    const tieId = await createOwnTie(page, `E2E ${run} csrf`);
    await page.goto(`/ties/${tieId}`);
    const notes = page.getByRole('region', { name: 'Notes' });
    await notes.getByLabel('New note').fill(`E2E ${run} first note`);
    const [action] = await Promise.all([page.waitForRequest((r) => r.method() === 'POST' && 'next-action' in r.headers()), notes.getByRole('button', { name: 'Add note' }).click()]);
    await expect(notes.getByRole('listitem').filter({ hasText: `E2E ${run} first note` })).toBeVisible();
    const count = async () => ((await (await page.request.get(`/api/ties/${tieId}`)).json()) as { notes: unknown[] }).notes.length;
    expect(await count()).toBe(1);

    const headers = await action.allHeaders();
    const replay = (origin: string) =>
      page.request.post(action.url(), {
        headers: { 'next-action': headers['next-action'], 'content-type': headers['content-type'], accept: 'text/x-component', origin },
        data: action.postDataBuffer() ?? undefined,
      });
    const forged = await replay('https://evil.example');
    expect(forged.status()).toBeGreaterThanOrEqual(400);
    expect(await count()).toBe(1);
    // The same request from this site goes through: the refusal above was the origin's doing.
    const genuine = await replay(new URL(page.url()).origin);
    expect(genuine.status()).toBe(200);
    expect(await count()).toBe(2);

    const api = await page.request.post('/api/notes', { headers: { origin: 'https://evil.example' }, data: { tie: tieId, body: 'forged' } });
    expect(api.status()).toBe(403);
    expect(await count()).toBe(2);

    await deleteThroughApi(page, `/api/ties/${tieId}`);
  });
});
