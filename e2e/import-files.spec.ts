// Importing through /import what other tools write: a Cytoscape desktop .cyjs file, previewed (the
// layout it carries announced), imported, its actors placed on the map where Cytoscape put them;
// and a Gephi nodes file with its edges file chosen together, read as one network with the nodes'
// attributes. What the test imports it deletes again through the API, so specs that count the
// seeded actors are undisturbed.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/accounts';

const run = Date.now().toString(36);
const SOURCE_TITLE = `E2E files ${run}`;
const WORD = `Cyfile${run}`;

/** A network as Cytoscape desktop 3.10 exports it (File → Export → Network to File → .cyjs). */
function cyjsFile(): string {
  const node = (id: string, name: string, kind: string, x: number, y: number) => ({ data: { id, shared_name: name, name, SUID: Number(id), kind, selected: false }, position: { x, y }, selected: false });
  return JSON.stringify(
    {
      format_version: '1.0',
      generated_by: 'cytoscape-3.10.2',
      target_cytoscapejs_version: '~2.1',
      data: { shared_name: `${WORD}.sif`, name: `${WORD} network`, SUID: 52, __Annotations: [], selected: true },
      elements: {
        nodes: [node('101', `${WORD} Ministry`, 'organization', 1000, 2000), node('102', `Anna ${WORD}`, 'person', 1300, 2000), node('103', `Boris ${WORD}`, 'person', 1000, 2400)],
        edges: [
          { data: { id: '201', source: '102', target: '101', shared_name: 'a (leads) m', shared_interaction: 'leads', interaction: 'leads', SUID: 201, selected: false }, selected: false },
          { data: { id: '202', source: '103', target: '101', shared_name: 'b (member of) m', shared_interaction: 'member of', interaction: 'member of', SUID: 202, selected: false }, selected: false },
        ],
      },
    },
    null,
    2,
  );
}

/** Deletes through the API at whatever version is current: a stale If-Match answers 412 with the current ETag. */
async function deleteThroughApi(page: Page, path: string) {
  let response = await page.request.delete(path, { headers: { 'If-Match': '"1"' } });
  if (response.status() === 412) response = await page.request.delete(path, { headers: { 'If-Match': response.headers()['etag'] } });
  expect(response.status(), await response.text()).toBe(200);
}

async function actorsNamed(page: Page, q: string) {
  return ((await (await page.request.get(`/api/actors?q=${encodeURIComponent(q)}`)).json()) as { actors: { slug: string; name: string; kind: string; faction: string }[] }).actors;
}

async function cleanUp(page: Page) {
  for (const { slug } of await actorsNamed(page, WORD)) {
    if ((await page.request.get(`/api/actors/${slug}`)).ok()) await deleteThroughApi(page, `/api/actors/${slug}`);
  }
  const sources = (await (await page.request.get(`/api/sources?q=${encodeURIComponent(SOURCE_TITLE)}`)).json()) as { sources?: { id: string }[] };
  for (const { id } of sources.sources ?? []) {
    if ((await page.request.get(`/api/sources/${id}`)).ok()) await deleteThroughApi(page, `/api/sources/${id}`);
  }
}

test.describe('an analyst imports other tools’ files', () => {
  test.afterEach(async ({ page }) => {
    await cleanUp(page);
  });

  test('a Cytoscape desktop .cyjs file, its actors placed where Cytoscape laid them out', async ({ page }, testInfo) => {
    const file = testInfo.outputPath(`${WORD}.cyjs`);
    writeFileSync(file, cyjsFile());
    await signIn(page, 'analyst');
    await page.goto('/import');
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await expect(page.getByLabel('Format', { exact: true })).toHaveValue('cyjs');
    await page.getByLabel('Source title').fill(SOURCE_TITLE);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    const preview = page.getByRole('region', { name: `Preview of ${WORD}.cyjs` });
    await expect(preview.getByRole('status')).toHaveText(/create 3 actors and 2 ties/);
    await expect(preview).toContainText(`The file holds 3 nodes and 2 edges (“${WORD} network”)`);
    await expect(preview).toContainText('The file lays out 3 actors: they are placed on the map where the file puts them.');
    await expect(preview.getByLabel('Positions from')).toHaveValue('file');
    await expect(preview.getByLabel('Kind from')).toHaveValue('kind');
    expect(await actorsNamed(page, WORD), 'the preview wrote something').toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('import-preview-cyjs.png'), fullPage: true });

    await preview.getByRole('button', { name: 'Import with these choices' }).click();
    await expect(page.getByRole('status').first()).toContainText('3 actors and 2 ties created');

    const actors = await actorsNamed(page, WORD);
    expect(actors.map((a) => [a.name, a.kind]).sort()).toEqual([
      [`Anna ${WORD}`, 'person'],
      [`Boris ${WORD}`, 'person'],
      [`${WORD} Ministry`, 'organization'],
    ]);
    const ministry = actors.find((a) => a.kind === 'organization')!;
    const graph = (await (await page.request.get(`/api/graph?focus=${ministry.slug}&hops=1`)).json()) as { elements: { nodes: { data: { name: string }; position?: { x: number; y: number } }[] } };
    const positions = Object.fromEntries(graph.elements.nodes.filter((n) => n.data.name.includes(WORD)).map((n) => [n.data.name, n.position]));
    // The file's layout fitted to the map's scale beside the seed's actors: its shape is kept
    // (Anna 300 to the right of the ministry, Boris 400 below it, in the file).
    const [m, a, b] = [`${WORD} Ministry`, `Anna ${WORD}`, `Boris ${WORD}`].map((name) => positions[name]!);
    expect(a.y).toBeCloseTo(m.y, 0);
    expect(b.x).toBeCloseTo(m.x, 0);
    expect((a.x - m.x) / (b.y - m.y)).toBeCloseTo(0.75, 1);

    await page.goto(`/actors/${ministry.slug}`);
    await expect(page.getByRole('heading', { name: `${WORD} Ministry`, level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: `Anna ${WORD}` }).first()).toBeVisible();
  });

  test('a Gephi nodes file and edges file chosen together', async ({ page }, testInfo) => {
    const nodes = testInfo.outputPath(`${WORD}-nodes.csv`);
    const edges = testInfo.outputPath(`${WORD}-edges.csv`);
    writeFileSync(nodes, `Id,Label,Faction,x,y\nn1,Vera ${WORD},belarus-opposition,10,20\nn2,${WORD} Council,belarus-opposition,40,20\n`);
    writeFileSync(edges, `Source,Target,Type,Label\nn1,n2,Directed,member of\n`);
    await signIn(page, 'analyst');
    await page.goto('/import');
    await page.getByLabel('File', { exact: true }).setInputFiles([nodes, edges]);
    await expect(page.getByLabel('Format', { exact: true })).toHaveValue('csv');
    await page.getByLabel('Source title').fill(SOURCE_TITLE);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    const preview = page.getByRole('region', { name: `Preview of ${WORD}-edges.csv + ${WORD}-nodes.csv` });
    await expect(preview.getByRole('status')).toHaveText(/create 2 actors and 1 tie/);
    await expect(preview.getByRole('table', { name: 'Node attributes found' }).getByRole('row', { name: /^Faction/ })).toBeVisible();
    await expect(preview.getByLabel('Faction from')).toHaveValue('Faction');
    await preview.getByRole('button', { name: 'Import with these choices' }).click();
    await expect(page.getByRole('status').first()).toContainText('2 actors and 1 ties created');
    const actors = await actorsNamed(page, WORD);
    expect(new Map(actors.map((a) => [a.name, a.faction]))).toEqual(
      new Map([
        [`Vera ${WORD}`, 'belarus-opposition'],
        [`${WORD} Council`, 'belarus-opposition'],
      ]),
    );
  });

  test('refuses a third file, or two files that are not tables, before sending anything', async ({ page }, testInfo) => {
    const a = testInfo.outputPath(`${WORD}-a.csv`);
    const b = testInfo.outputPath(`${WORD}-b.gexf`);
    writeFileSync(a, 'Id\nx\n');
    writeFileSync(b, '<gexf/>');
    await signIn(page, 'analyst');
    await page.goto('/import');
    await page.getByLabel('File', { exact: true }).setInputFiles([a, b]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toHaveText('Nothing was imported: check the fields marked below.');
    await expect(page.getByLabel('File', { exact: true })).toHaveAccessibleDescription(/Several files are read together only as CSV/);
  });
});
