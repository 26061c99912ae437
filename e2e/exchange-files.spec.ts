// The map's export menu as GraphML and as the CSV zip: each link downloads a file that Powermap's
// own readers parse into exactly the actors and ties the map draws, with names and tie types;
// and the GraphML file goes back in through the import's reader registry (POST /api/import?preview=1)
// with every actor and tie counted. Importing into a second, empty instance is tested on the data
// layer (test/db/graphml-csv-round-trip.test.ts): a server started on an empty database seeds it.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { readCsvZip } from '../lib/exchange/csv/read-csv';
import { readGraphml } from '../lib/exchange/graphml/read-graphml';
import { signIn } from './support/accounts';

type CyWindow = Window & { __cy: { nodes(): { map<T>(f: (n: { id(): string; data(k: string): unknown }) => T): T[] }; edges(): { map<T>(f: (e: { id(): string }) => T): T[] } } };

async function openMap(page: Page, address: string) {
  await page.goto(address);
  await page.waitForFunction(() => Boolean((window as unknown as { __cy?: unknown }).__cy), null, { timeout: 30_000 });
}

async function download(page: Page, name: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('list', { name: 'This view as a file' }).getByRole('link', { name, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('the map exports its view as GraphML and as CSV, and the GraphML file reads back into the import', async ({ page }) => {
  await openMap(page, '/?asOf=2022-01-01');
  const drawn = await page.evaluate(() => {
    const cy = (window as unknown as CyWindow).__cy;
    return { nodes: cy.nodes().map((n) => [n.id(), n.data('label')] as [string, unknown]).sort(), edges: cy.edges().map((e) => e.id()).sort() };
  });
  expect(drawn.nodes.length).toBeGreaterThan(50);

  const graphml = await download(page, 'GraphML');
  expect(graphml.name).toBe('powermap-view-2022-01-01.graphml');
  const fromGraphml = readGraphml(graphml.bytes);
  expect(fromGraphml.nodes.map((n) => [n.id, n.label]).sort()).toEqual(drawn.nodes);
  expect(fromGraphml.edges.map((e) => e.id).sort()).toEqual(drawn.edges);

  const csv = await download(page, 'CSV (nodes and edges, zip)');
  expect(csv.name).toBe('powermap-view-2022-01-01.zip');
  const fromCsv = readCsvZip(new Uint8Array(csv.bytes));
  expect(fromCsv.nodes.map((n) => [n.id, n.label]).sort()).toEqual(drawn.nodes);
  expect(fromCsv.edges.map((e) => e.id).sort()).toEqual(drawn.edges);
  expect(fromCsv.edges.every((e) => typeof e.attributes.tie_type === 'string')).toBe(true);

  // The same file, offered to the import: the preview counts every actor and tie and writes nothing.
  await signIn(page, 'analyst');
  const preview = await page.request.post('/api/import?preview=1&format=graphml&fileName=view.graphml', {
    data: graphml.bytes,
    headers: { 'Content-Type': 'application/graphml+xml', Origin: new URL(page.url()).origin },
  });
  expect(preview.status(), await preview.text()).toBe(200);
  const { preview: result } = await preview.json();
  expect(result.foreign).toMatchObject({ nodes: drawn.nodes.length, edges: drawn.edges.length });
  expect(result.foreign.suggested.edges.type).toBe('type');
  expect(result.actors.create + result.actors.update).toBe(drawn.nodes.length);
});
