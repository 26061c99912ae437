// The map's export menu: the Belarus view as files from GET /api/export (FollowTheMoney, GEXF,
// Cytoscape JSON) holding exactly what the map draws, and the whole database as a Powermap document that
// the import takes. Downloads are read from the browser's download event.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';

const seed = JSON.parse(readFileSync(path.join('seed', 'belarus.json'), 'utf8')) as { actors: { slug: string }[]; ties: { id: string }[] };
type CyWindow = Window & { __cy: { nodes(): { map<T>(f: (n: { id(): string }) => T): T[] }; edges(): { map<T>(f: (n: { id(): string }) => T): T[] } } };

const VIEW = '/?asOf=2022-01-01&focus=alexander-lukashenko';

async function openMap(page: Page, address: string) {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

async function save(page: Page, list: string, link: string): Promise<{ file: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByRole('list', { name: list }).getByRole('link', { name: link, exact: true }).click()]);
  return { file: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

const drawn = (page: Page) =>
  page.evaluate(() => ({
    nodes: (window as unknown as CyWindow).__cy.nodes().map((n) => n.id()).sort(),
    edges: (window as unknown as CyWindow).__cy.edges().map((e) => e.id()).sort(),
  }));

test.describe('the map’s export menu', () => {
  test('exports the Belarus view as FollowTheMoney, GEXF and Cytoscape JSON, holding what the map draws', async ({ page }) => {
    await openMap(page, VIEW);
    const shown = await drawn(page);
    expect(shown.nodes.length).toBeGreaterThan(5);
    await page.getByRole('heading', { name: 'Export this view' }).scrollIntoViewIfNeeded();
    await page.locator('.map-export').screenshot({ path: path.join('e2e', 'screenshots', 'export-menu.png') });

    const ftm = await save(page, 'This view as a file', 'FollowTheMoney');
    expect(ftm.file).toBe('powermap-view-2022-01-01-alexander-lukashenko.ftm.json');
    const entities = ftm.text.trim().split('\n').map((line) => JSON.parse(line) as { id: string; schema: string; caption: string; properties: Record<string, string[]> });
    const actors = entities.filter((e) => ['Person', 'Organization', 'PublicBody', 'Event'].includes(e.schema));
    expect(actors.map((e) => `actor:${e.id.replace(/^powermap-/, '')}`).sort()).toEqual(shown.nodes);
    expect(actors.find((e) => e.id === 'powermap-alexander-lukashenko')).toMatchObject({ schema: 'Person', caption: 'Alexander Lukashenko' });
    const links = entities.filter((e) => e.schema !== 'Position' && !actors.includes(e));
    expect(links.map((e) => `tie:${e.id.replace(/^powermap-tie-/, '')}`).sort()).toEqual(shown.edges);
    expect(links.some((e) => e.schema === 'Occupancy' || e.schema === 'Directorship')).toBe(true);

    const gexf = await save(page, 'This view as a file', 'GEXF (Gephi)');
    expect(gexf.file).toBe('powermap-view-2022-01-01-alexander-lukashenko.gexf');
    const parsed = await page.evaluate((text) => {
      const xml = new DOMParser().parseFromString(text, 'application/xml');
      const ids = (tag: string) => [...xml.getElementsByTagName(tag)].map((e) => e.getAttribute('id') ?? '').sort();
      return { errors: xml.getElementsByTagName('parsererror').length, nodes: ids('node'), edges: ids('edge') };
    }, gexf.text);
    // GEXF ids are Powermap's own, without the element prefixes.
    expect(parsed).toEqual({ errors: 0, nodes: shown.nodes.map((id) => id.slice('actor:'.length)).sort(), edges: shown.edges.map((id) => id.slice('tie:'.length)).sort() });

    const cyjs = await save(page, 'This view as a file', 'Cytoscape JSON');
    expect(cyjs.file).toBe('powermap-view-2022-01-01-alexander-lukashenko.cyjs');
    const doc = JSON.parse(cyjs.text) as { elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string } }[] } };
    expect(doc.elements.nodes.map((n) => n.data.id).sort()).toEqual(shown.nodes);
    expect(doc.elements.edges.map((e) => e.data.id).sort()).toEqual(shown.edges);
  });

  test('exports the whole database as a Powermap document the import takes', async ({ page }) => {
    await openMap(page, VIEW);
    await expect(page.getByRole('list', { name: 'This view as a file' }).getByRole('link', { name: 'Powermap document' })).toHaveCount(0);
    const whole = await save(page, 'The whole database', 'Powermap document');
    expect(whole.file).toMatch(/^powermap-all-\d{4}-\d{2}-\d{2}\.powermap\.json$/);
    const doc = JSON.parse(whole.text) as { sources: unknown[]; actors: { slug: string }[]; ties: { id: string; claims: unknown[] }[] };
    expect(doc.actors.map((a) => a.slug)).toEqual(expect.arrayContaining(seed.actors.map((a) => a.slug)));
    expect(doc.ties.map((t) => t.id)).toEqual(expect.arrayContaining(seed.ties.map((t) => t.id)));
    expect(doc.ties.every((t) => t.claims.length > 0)).toBe(true);
    // The whole database's FollowTheMoney holds every actor, not only the view's.
    const ftm = await save(page, 'The whole database', 'FollowTheMoney');
    expect(ftm.file).toMatch(/^powermap-all-\d{4}-\d{2}-\d{2}\.ftm\.json$/);
    const ids = new Set(ftm.text.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id));
    for (const a of seed.actors) expect(ids.has(`powermap-${a.slug}`)).toBe(true);
  });
});
