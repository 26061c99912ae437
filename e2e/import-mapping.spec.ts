// Previewing an import and changing its mapping before anything is written: an FtM file (a name in
// capitals, a faction rule for organisations) and a GEXF file (a tie type value mapped by hand, one
// left unmapped), each previewed, changed, imported and found on a profile; and refused files
// (nothing to import, not UTF-8) that change nothing. What the test imports it deletes again
// through the API, so specs that count the seeded actors are undisturbed.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const run = Date.now().toString(36);
const SOURCE_TITLE = `E2E mapping ${run}`;

function ftmFile(): string {
  return [
    { id: `e2e-map-${run}-p1`, schema: 'Person', caption: 'Ivan Petrovich MAPPINGOV', properties: { name: ['Ivan Petrovich MAPPINGOV'] } },
    { id: `e2e-map-${run}-c1`, schema: 'Company', caption: 'Mappingov Trading', properties: { name: ['Mappingov Trading'] } },
    { id: `e2e-map-${run}-d1`, schema: 'Directorship', properties: { director: [`e2e-map-${run}-p1`], organization: [`e2e-map-${run}-c1`], role: ['Owner-director'] } },
    { id: `e2e-map-${run}-a1`, schema: 'Address', caption: '2 Mapping Lane', properties: {} },
  ]
    .map((e) => JSON.stringify(e))
    .join('\n');
}

function gexfFile(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><title>Mappingov circle</title></meta>
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="camp" title="camp" type="string"/>
      <attribute id="type" title="type" type="string"/>
    </attributes>
    <attributes class="edge">
      <attribute id="relation" title="relation" type="string"/>
    </attributes>
    <nodes>
      <node id="a" label="Olga Mappingova"><attvalues><attvalue for="camp" value="regime"/><attvalue for="type" value="person"/></attvalues></node>
      <node id="b" label="Mappingov Foundation"><attvalues><attvalue for="camp" value="regime"/><attvalue for="type" value="foundation"/></attvalues></node>
      <node id="c" label="Pavel Mappingov"><attvalues><attvalue for="type" value="person"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="e1" source="b" target="a" start="2019-03" end="2022"><attvalues><attvalue for="relation" value="bankrolls"/></attvalues></edge>
      <edge id="e2" source="c" target="a"><attvalues><attvalue for="relation" value="plays chess with"/></attvalues></edge>
    </edges>
  </graph>
</gexf>
`;
}

/** Deletes through the API at whatever version is current: a stale If-Match answers 412 with the current ETag. */
async function deleteThroughApi(page: Page, path: string) {
  let response = await page.request.delete(path, { headers: { 'If-Match': '"1"' } });
  if (response.status() === 412) response = await page.request.delete(path, { headers: { 'If-Match': response.headers()['etag'] } });
  expect(response.status(), await response.text()).toBe(200);
}

async function actorsNamed(page: Page, q: string) {
  return ((await (await page.request.get(`/api/actors?q=${encodeURIComponent(q)}`)).json()) as { actors: { slug: string; name: string; faction: string }[] }).actors;
}

async function cleanUp(page: Page) {
  for (const { slug } of await actorsNamed(page, 'Mappingov')) {
    if ((await page.request.get(`/api/actors/${slug}`)).ok()) await deleteThroughApi(page, `/api/actors/${slug}`);
  }
  for (const { slug } of await actorsNamed(page, 'Mappingova')) {
    if ((await page.request.get(`/api/actors/${slug}`)).ok()) await deleteThroughApi(page, `/api/actors/${slug}`);
  }
  const sources = (await (await page.request.get(`/api/sources?q=${encodeURIComponent(SOURCE_TITLE)}`)).json()) as { sources?: { id: string }[] };
  for (const { id } of sources.sources ?? []) {
    if ((await page.request.get(`/api/sources/${id}`)).ok()) await deleteThroughApi(page, `/api/sources/${id}`);
  }
}

test.describe('an analyst previews an import', () => {
  test.afterEach(async ({ page }) => {
    await cleanUp(page);
  });

  test('of FollowTheMoney entities, sets the faction of organisations, and finds the readable name', async ({ page }, testInfo) => {
    const file = testInfo.outputPath(`mapping-${run}.ftm.jsonl`);
    writeFileSync(file, ftmFile());
    await signIn(page, 'analyst');
    await page.goto('/import');
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await expect(page.getByLabel('Format', { exact: true })).toHaveValue('ftm');
    await page.getByLabel('Source title').fill(SOURCE_TITLE);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    const preview = page.getByRole('region', { name: `Preview of mapping-${run}.ftm.jsonl` });
    await expect(preview.getByRole('status')).toHaveText(/Nothing has been written yet\. Importing would create 2 actors and 1 tie, and update 0 actors and 0 ties/);
    const schemas = preview.getByRole('table', { name: 'FollowTheMoney entities by schema' });
    await expect(schemas.getByRole('row', { name: /^Person/ }).getByRole('cell')).toHaveText(['1']);
    await expect(schemas.getByRole('row', { name: /^Address/ }).getByRole('cell')).toHaveText(['1']);
    expect(await actorsNamed(page, 'Mappingov'), 'the preview wrote something').toEqual([]);

    await preview.getByLabel('Faction for organisation actors (1)').selectOption({ label: 'The West' });
    await page.screenshot({ path: testInfo.outputPath('import-preview-ftm.png'), fullPage: true });
    await preview.getByRole('button', { name: 'Import with these choices' }).click();
    await expect(page.getByRole('status').first()).toContainText('2 actors and 1 ties created');

    const [company] = await actorsNamed(page, 'Mappingov Trading');
    expect(company.faction).toBe('west');
    await page.goto(`/actors?q=${encodeURIComponent('Mappingov')}`);
    await page.getByRole('link', { name: 'Ivan Petrovich Mappingov' }).click();
    await expect(page.getByRole('heading', { name: 'Ivan Petrovich Mappingov', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Names' }).getByText('Ivan Petrovich MAPPINGOV', { exact: true })).toBeVisible();
  });

  test('of a GEXF file, maps a tie type by hand, and sees the new actors and ties', async ({ page }, testInfo) => {
    const file = testInfo.outputPath(`circle-${run}.gexf`);
    writeFileSync(file, gexfFile());
    await signIn(page, 'analyst');
    await page.goto('/import');
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await expect(page.getByLabel('Format', { exact: true })).toHaveValue('gexf');
    await page.getByLabel('Source title').fill(SOURCE_TITLE);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    const preview = page.getByRole('region', { name: `Preview of circle-${run}.gexf` });
    await expect(preview.getByRole('status')).toHaveText(/create 3 actors and 2 ties/);
    await expect(preview.getByRole('table', { name: 'Node attributes found' }).getByRole('row', { name: /^camp/ })).toBeVisible();
    // The suggestion found the columns by their names.
    await expect(preview.getByLabel('Kind from')).toHaveValue('type');
    await expect(preview.getByLabel('Faction from')).toHaveValue('camp');
    await expect(preview.getByLabel('Tie type from')).toHaveValue('relation');
    await expect(preview.getByLabel('Tie type for “bankrolls”')).toHaveValue('');
    await expect(preview).toContainText('2 ties of no mapped type would be imported as “associate of”, needing review.');

    await preview.getByLabel('Tie type for “bankrolls”').selectOption({ label: 'supports' });
    await preview.getByLabel('Kind for “foundation”').selectOption({ label: 'Organisation' });
    await preview.getByLabel('Faction for “regime”').selectOption({ label: 'Belarusian state' });
    await page.getByRole('button', { name: 'Preview again' }).click();
    await expect(preview).toContainText('1 tie of no mapped type would be imported as “associate of”, needing review.');
    await page.screenshot({ path: testInfo.outputPath('import-preview-gexf.png'), fullPage: true });

    await preview.getByRole('button', { name: 'Import with these choices' }).click();
    await expect(page.getByRole('status').first()).toContainText('3 actors and 2 ties created');

    const [foundation] = await actorsNamed(page, 'Mappingov Foundation');
    const profile = (await (await page.request.get(`/api/actors/${foundation.slug}`)).json()) as {
      kind: string;
      faction: string;
      ties: { type: string; start: { date: string } | null; other: { name: string } }[];
    };
    expect(profile).toMatchObject({ kind: 'organization', faction: 'belarus-state' });
    expect(profile.ties.map((t) => [t.type, t.start?.date, t.other.name])).toEqual([['supports', '2019-03-01', 'Olga Mappingova']]);

    await page.goto(`/actors/${foundation.slug}`);
    await expect(page.getByRole('heading', { name: 'Mappingov Foundation', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Olga Mappingova' }).first()).toBeVisible();
    const [olga] = await actorsNamed(page, 'Olga Mappingova');
    const olgaProfile = (await (await page.request.get(`/api/actors/${olga.slug}`)).json()) as { ties: { type: string; other: { name: string } }[] };
    expect(olgaProfile.ties.map((t) => [t.type, t.other.name]).sort()).toEqual([
      ['associate_of', 'Pavel Mappingov'],
      ['supports', 'Mappingov Foundation'],
    ]);
  });

  test('of files it refuses, and nothing changes', async ({ page }, testInfo) => {
    const things = testInfo.outputPath(`things-${run}.ftm.jsonl`);
    writeFileSync(things, JSON.stringify({ id: `e2e-map-${run}-addr`, schema: 'Address', caption: '3 Mapping Lane', properties: {} }));
    const latin1 = testInfo.outputPath(`latin1-${run}.ftm.jsonl`);
    writeFileSync(latin1, Buffer.from(JSON.stringify({ id: `e2e-map-${run}-p9`, schema: 'Person', caption: 'Mappingov Caf\u00e9', properties: {} }), 'latin1'));
    await signIn(page, 'analyst');
    const sourcesBefore = await (await page.request.get('/api/sources')).text();
    await page.goto('/import');

    await page.getByLabel('File', { exact: true }).setInputFiles(things);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'No preview' })).toContainText(`Nothing to import: things-${run}.ftm.jsonl holds no people, organisations or ties`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toContainText('(left out: Address: 1)');

    await page.getByLabel('File', { exact: true }).setInputFiles(latin1);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toContainText('The file is not UTF-8 text');

    expect(await actorsNamed(page, 'Mappingov')).toEqual([]);
    expect(await (await page.request.get('/api/sources')).text(), 'a refused import wrote a source').toBe(sourcesBefore);
  });
});
