// Internal notes in the whole database's Powermap document: a signed-in analyst finds "Powermap
// document with internal notes" in the map's export menu and downloads a document holding an
// internal note, which the plain document leaves out; an anonymous reader is offered no such link,
// and asking GET /api/export for it is refused with a message saying who may.
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

type Doc = { actors: { slug: string; notes?: { id: string; body: string; visibility: string }[] }[] };

async function save(page: Page, link: string): Promise<Doc> {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('list', { name: 'The whole database' }).getByRole('link', { name: link, exact: true }).click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as Doc;
}

const bodies = (doc: Doc) => doc.actors.flatMap((a) => a.notes ?? []).map((n) => n.body);

test('an analyst exports the whole database with its internal notes; nobody else can', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, 'analyst');
  const internal = `Internal: the archive must keep this (${Date.now()})`;
  const created = await page.request.post('/api/notes', { data: { actor: 'gubopik', body: internal, visibility: 'internal' } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  try {
    await page.goto('/?asOf=2022-01-01');
    await page.getByRole('heading', { name: 'Export this view' }).scrollIntoViewIfNeeded();
    const withNotes = await save(page, 'Powermap document with internal notes');
    expect(bodies(withNotes)).toContain(internal);
    expect(withNotes.actors.find((a) => a.slug === 'gubopik')?.notes).toEqual(expect.arrayContaining([expect.objectContaining({ id, visibility: 'internal' })]));
    expect(bodies(await save(page, 'Powermap document'))).not.toContain(internal);

    const anonymous = await browser.newContext();
    const reader = await anonymous.newPage();
    await reader.goto('/?asOf=2022-01-01');
    await expect(reader.getByRole('list', { name: 'The whole database' }).getByRole('link', { name: 'Powermap document', exact: true })).toBeVisible();
    await expect(reader.getByRole('link', { name: 'Powermap document with internal notes' })).toHaveCount(0);
    const refused = await anonymous.request.get('/api/export?format=powermap&scope=all&includeInternal=1');
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('Internal notes are exported for analysts and admins only');
    await anonymous.close();
  } finally {
    let response = await page.request.delete(`/api/notes/${id}`, { headers: { 'If-Match': '"1"' } });
    if (response.status() === 412) response = await page.request.delete(`/api/notes/${id}`, { headers: { 'If-Match': response.headers()['etag'] } });
    expect(response.status(), await response.text()).toBe(200);
  }
});
