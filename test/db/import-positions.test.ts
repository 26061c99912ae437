// Positions a file carries (Cytoscape desktop's node positions here; GEXF viz, yEd geometry and CSV
// x/y reach the same ForeignNode.x/y) become the map's stored positions of the actors they place:
// a first import places them where the file does; an actor the map has placed since keeps its
// place on the next import unless positions=replace; the mapping can leave the file's layout out;
// the full Powermap document carries positions, so an archive opens with the same picture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: { type: 'anonymous' } as import('../../lib/data/principal').Principal }));
vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => auth.principal }));

import * as exportRoute from '../../app/api/export/route';
import { getDb } from '../../lib/db/client';
import { importFile, previewFile } from '../../lib/data/import/import-file';
import { importDocument } from '../../lib/data/import-document';
import { getNetworkRevision } from '../../lib/data/network/network-revision';
import { SEED, type Principal } from '../../lib/data/principal';
import { suggestMapping } from '../../lib/exchange/suggest-mapping';
import { readCyjs } from '../../lib/exchange/cyjs/read-cyjs';
import { normaliseImportedPositions } from '../../lib/graph/normalise-positions';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const text = readFileSync(path.join(import.meta.dirname, '../fixtures/exchange/desktop-small.cyjs'), 'utf8');
const fileName = 'desktop-small.cyjs';

async function positions(): Promise<Record<string, [number | null, number | null]>> {
  const db = await getDb();
  const rows = await db.actor.findMany({ select: { name: true, x: true, y: true } });
  return Object.fromEntries(rows.map((r) => [r.name, [r.x, r.y]]));
}

describe.skipIf(!available)(`positions from an imported file on ${TEST_KIND}`, () => {
  let analyst: Principal;
  let ivanFitted: number[] | undefined;

  beforeAll(async () => {
    await freshDatabase();
    const db = await getDb();
    const user = await db.user.create({ data: { name: 'Layout analyst', email: 'layout-analyst@example.test', role: 'analyst' } });
    analyst = { type: 'user', userId: user.id, role: 'analyst', name: user.name } as Principal;
  });

  it('places new actors where the file lays them out, and the preview says so', async () => {
    const preview = await previewFile(analyst, { format: 'cyjs', text, fileName });
    expect(preview.positions).toEqual({ inFile: 3, placed: 0 });
    await importFile(analyst, { format: 'cyjs', text, fileName });
    // The file's layout, fitted to the map's scale (an empty map: from the origin).
    const fitted = Object.fromEntries(
      normaliseImportedPositions<string>(
        [
          ['Ministry of Interior', { x: -12.5, y: 40 }],
          ['Ivan Kubrakov', { x: 80, y: -3.2 }],
          ['Alexander Lukashenko', { x: 0, y: 0 }],
        ],
        [],
      ).map(([name, p]) => [name, [p.x, p.y]]),
    );
    expect(await positions()).toEqual(fitted);
    ivanFitted = fitted['Ivan Kubrakov'];
  });

  it('leaves an actor the map placed since where it is, unless asked to move it', async () => {
    const db = await getDb();
    await db.actor.updateMany({ where: { name: 'Ivan Kubrakov' }, data: { x: 500, y: 600 } });
    expect((await previewFile(analyst, { format: 'cyjs', text, fileName })).positions).toEqual({ inFile: 3, placed: 3 });

    const revision = await getNetworkRevision();
    await importFile(analyst, { format: 'cyjs', text, fileName });
    expect((await positions())['Ivan Kubrakov']).toEqual([500, 600]);
    expect(await getNetworkRevision(), 'an import that changed nothing bumped the revision').toBe(revision);

    await importFile(analyst, { format: 'cyjs', text, fileName, positions: 'replace' });
    expect((await positions())['Ivan Kubrakov']).toEqual(ivanFitted);
    expect(await getNetworkRevision(), 'moving an actor must invalidate the map caches').toBeGreaterThan(revision);
  });

  it('leaves the file’s layout out when the mapping says so', async () => {
    await freshDatabase();
    const mapping = { ...suggestMapping(await readCyjs(text)), nodes: { ...suggestMapping(await readCyjs(text)).nodes, positions: 'none' as const } };
    const preview = await previewFile(analyst, { format: 'cyjs', text, fileName, mapping: JSON.stringify(mapping) });
    expect(preview.positions.inFile).toBe(0);
    await importFile(SEED, { format: 'cyjs', text, fileName, mapping: JSON.stringify(mapping) });
    expect(Object.values(await positions())).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it('round-trips positions through the full Powermap document', async () => {
    await freshDatabase();
    await importFile(SEED, { format: 'cyjs', text, fileName });
    const before = await positions();
    const document = JSON.parse(await (await exportRoute.GET(new Request('http://powermap.test/api/export?format=powermap&scope=all'))).text()) as { actors: { position?: unknown }[] };
    expect(document.actors.map((a) => a.position)).toContainEqual({ x: before['Ivan Kubrakov'][0], y: before['Ivan Kubrakov'][1] });
    await freshDatabase();
    await importDocument(SEED, document);
    expect(await positions()).toEqual(before);
  });

  it('refuses a position that is not a pair of finite numbers', async () => {
    await freshDatabase();
    const document = { sources: [], actors: [{ slug: 'far-away', name: 'Far Away', kind: 'person', faction: 'other', position: { x: 1e12, y: 0 } }], ties: [] };
    await expect(importDocument(SEED, document)).rejects.toThrow(/position/);
    expect(await positions()).toEqual({});
  });
});
