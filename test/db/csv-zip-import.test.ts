// CSV of several files through POST /api/import, as /import sends it: the zip the export writes
// (GET /api/export?format=csv) imported into an empty database gives the same actors with their
// kinds and factions and the same ties; a nodes file and an edges file chosen together (zipped by
// the form's bundleUpload) import as one network with the nodes' attributes; a zip for a format
// that is not CSV, a zip holding a file that is not UTF-8 and a broken zip are refused naming the
// problem, writing nothing; a CSV in UTF-16 with its byte-order mark is read.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: { type: 'anonymous' } as import('../../lib/data/principal').Principal }));
vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => auth.principal }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/server', async (original) => ({ ...(await original<typeof import('next/server')>()), after: () => undefined }));

import * as exportRoute from '../../app/api/export/route';
import { POST } from '../../app/api/import/route';
import { bundleUpload } from '../../components/import/bundle-upload';
import { getDb } from '../../lib/db/client';
import { loadGraph } from '../../lib/data/graph';
import { loadView } from '../../lib/data/network/load-view';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import type { GraphEdge, GraphNode } from '../../lib/graph/types';
import type { ImportFileResult, ImportPreview } from '../../lib/validation/import-file';
import { dbFingerprint } from '../support/db-fingerprint';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures/exchange', name));

function post(body: Uint8Array, query: string) {
  return POST(new Request(`http://powermap.test/api/import?${query}`, { method: 'POST', headers: { host: 'powermap.test', origin: 'http://powermap.test' }, body: body as Uint8Array<ArrayBuffer> }));
}

async function analyst(): Promise<Principal> {
  const db = await getDb();
  const user = await db.user.create({ data: { name: 'Zip analyst', email: `zip-analyst-${Date.now()}@example.test`, role: 'analyst' } });
  return { type: 'user', userId: user.id, role: 'analyst', name: user.name };
}

describe.skipIf(!available)(`CSV files and zips through POST /api/import on ${TEST_KIND}`, () => {
  let zip: Uint8Array;
  let shown: { nodes: GraphNode[]; edges: GraphEdge[] };

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    auth.principal = ANONYMOUS;
    zip = new Uint8Array(await (await exportRoute.GET(new Request('http://powermap.test/api/export?format=csv&asOf=2022-01-01'))).arrayBuffer());
    shown = await loadView(ANONYMOUS, { asOf: '2022-01-01', showEnded: true, hops: 1 });
  });

  it('imports the export’s zip into an empty database as the same actors and ties, positions kept', async () => {
    await freshDatabase();
    auth.principal = await analyst();
    const preview = await post(zip, 'format=csv&fileName=powermap-view-2022-01-01.zip&preview=1');
    expect(preview.status).toBe(200);
    const { preview: p } = (await preview.json()) as { preview: ImportPreview };
    expect(p.actors.create).toBe(shown.nodes.length);
    expect(p.ties.create).toBeGreaterThanOrEqual(shown.edges.length);
    // The export places every actor, as the map draws it: each row carries x and y.
    expect(p.positions).toEqual({ inFile: shown.nodes.length, placed: 0 });

    const response = await post(zip, 'format=csv&fileName=powermap-view-2022-01-01.zip');
    expect(response.status).toBe(200);
    const graph = await loadGraph(ANONYMOUS);
    expect(await (await getDb()).actor.count({ where: { OR: [{ x: null }, { y: null }] } }), 'actors left unplaced').toBe(0);
    const actor = (n: GraphNode) => [n.label, n.kind, n.faction];
    expect(graph.nodes.map(actor).sort()).toEqual(shown.nodes.map(actor).sort());
    const names = (nodes: GraphNode[]) => new Map(nodes.map((n) => [n.id, n.label]));
    const [before, after] = [names(shown.nodes), names(graph.nodes)];
    const tie = (of: Map<string, string>) => (e: GraphEdge) => JSON.stringify([of.get(e.source), e.type, of.get(e.target), e.role]);
    expect([...new Set(graph.edges.map(tie(after)))].sort()).toEqual([...new Set(shown.edges.map(tie(before)))].sort());

    // The same zip again changes nothing.
    const fingerprint = await dbFingerprint();
    const { result } = (await (await post(zip, 'format=csv&fileName=powermap-view-2022-01-01.zip')).json()) as { result: ImportFileResult };
    expect(result.counts.actors.created + result.counts.ties.created + result.counts.actors.updated + result.counts.ties.updated).toBe(0);
    expect(await dbFingerprint()).toBe(fingerprint);
  });

  it('imports a nodes file and an edges file chosen together, with the nodes’ attributes', async () => {
    await freshDatabase();
    auth.principal = await analyst();
    const files = [new File([fixture('gephi-edges.csv')], 'gephi-edges.csv'), new File([fixture('gephi-nodes.csv')], 'gephi-nodes.csv')];
    const upload = await bundleUpload(files);
    if (!('file' in upload)) throw new Error(upload.error);
    expect(upload.file.name).toBe('gephi-edges.csv + gephi-nodes.csv');
    const body = new Uint8Array(await upload.file.arrayBuffer());
    const { preview } = (await (await post(body, `format=csv&fileName=${encodeURIComponent(upload.file.name)}&preview=1`)).json()) as { preview: ImportPreview };
    expect(preview.foreign?.nodeAttributes.map((a) => a.key)).toContain('Faction');
    expect(preview.foreign?.edgeAttributes.map((a) => a.key)).toContain('relation');
    const response = await post(body, `format=csv&fileName=${encodeURIComponent(upload.file.name)}`);
    expect(response.status).toBe(200);
    const graph = await loadGraph(ANONYMOUS);
    expect(graph.nodes.map((n) => n.label)).toEqual(expect.arrayContaining(['Alexander Lukashenko', 'Ivan Tertel']));
    expect(graph.edges.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses what cannot be read, naming the problem, and writes nothing', async () => {
    await freshDatabase();
    auth.principal = await analyst();
    const before = await dbFingerprint();
    const refusal = async (body: Uint8Array, query: string) => {
      const response = await post(body, query);
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: { message: string } }).error.message;
    };
    expect(await refusal(zip, 'format=gexf&fileName=view.zip')).toMatch(/A zip is read as CSV only/);
    const latin1 = zipSync({ 'nodes.csv': new Uint8Array([...strToU8('Id,Label\nx,'), 0xe9, 0x0a]) });
    expect(await refusal(latin1, 'format=csv&fileName=latin1.zip')).toMatch(/nodes\.csv is not UTF-8 text/);
    expect(await refusal(zip.slice(0, 40), 'format=csv&fileName=cut.zip')).toMatch(/not a readable zip/);
    expect(await refusal(zipSync({ 'readme.txt': strToU8('hello') }), 'format=csv&fileName=empty.zip')).toMatch(/holds no \.csv file/);
    expect(await dbFingerprint()).toBe(before);

    const bundle = await bundleUpload([new File(['Id\n'], 'a.csv'), new File(['Id\n'], 'b.gexf')]);
    expect(bundle).toEqual({ error: expect.stringMatching(/Several files are read together only as CSV/) });
    expect(await bundleUpload([new File(['Id\n'], 'a.csv'), new File([''], 'b.csv')])).toEqual({ error: 'b.csv is empty' });
  });

  it('reads a CSV saved as UTF-16 with its byte-order mark', async () => {
    await freshDatabase();
    auth.principal = await analyst();
    const text = 'Source,Target,Label\nЛукашенко,Тертель,leads\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const response = await post(zipSync({ 'edges.csv': utf16 }), 'format=csv&fileName=utf16.zip');
    expect(response.status).toBe(200);
    expect((await loadGraph(ANONYMOUS)).nodes.map((n) => n.label).sort()).toEqual(['Лукашенко', 'Тертель']);
  });
});
