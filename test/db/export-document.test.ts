// GET /api/export?format=powermap&scope=all: the whole database as an import document, read in
// chunks, re-importable into an empty database with the same result: seed (plus an analyst's
// own source, an actor claim, a deleted tie and a tie without claims) → export → import into an
// empty database → the same network, and its export equals the first.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: { type: 'anonymous' } as import('../../lib/data/principal').Principal }));
vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => auth.principal }));

import * as exportRoute from '../../app/api/export/route';
import { getDb } from '../../lib/db/client';
import { DOCUMENT_CHUNK } from '../../lib/data/export/export-document';
import { loadGraph } from '../../lib/data/graph';
import { importDocument } from '../../lib/data/import-document';
import { ANONYMOUS, SEED } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import type { GraphData } from '../../lib/graph/types';
import { safeParseImportDocument } from '../../lib/validation/import-document';
import { generateNetwork } from '../../bench/generate-network';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

const exportAll = async () => {
  const response = await exportRoute.GET(new Request('http://powermap.test/api/export?format=powermap&scope=all'));
  expect(response.status).toBe(200);
  return { response, text: await response.text() };
};

/** The network as its reads see it, positions aside (the layout job places actors again), names as a set. */
const network = (graph: GraphData) => ({ nodes: graph.nodes.map(({ x: _x, y: _y, ...n }) => ({ ...n, names: [...n.names].sort() })), edges: graph.edges });

describe.skipIf(!available)(`The Powermap document export on ${TEST_KIND}`, () => {
  let first: { text: string; headers: Headers };
  let before: GraphData;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    const db = await getDb();
    const [a, b, c] = await db.actor.findMany({ orderBy: { slug: 'asc' }, take: 3 });
    const source = await db.source.create({ data: { id: 'analyst-source', title: 'Interview, Minsk', publisher: 'Our team', url: 'https://example.org/interview', publishedDate: '2021-03-01', publishedPrecision: 'month', reliability: 'B' } });
    await db.claim.create({ data: { id: 'analyst-actor-claim', sourceId: source.id, actorId: a!.id, fact: 'born', quote: 'Born in Minsk', credibility: 2 } });
    await db.tie.create({ data: { id: 'tie-without-claims', sourceId: a!.id, targetId: b!.id, type: 'ally_of' } });
    const gone = await db.tie.create({ data: { id: 'deleted-tie', sourceId: b!.id, targetId: c!.id, type: 'rival_of', deletedAt: new Date() } });
    await db.claim.create({ data: { id: 'claim-of-deleted-tie', sourceId: source.id, tieId: gone.id, quote: 'Gone', credibility: 3 } });
    before = await loadGraph(ANONYMOUS);
    const { response, text } = await exportAll();
    first = { text, headers: response.headers };
  });

  it('is an attachment of the whole database that passes the import schema, saying what it cannot hold', async () => {
    expect(first.headers.get('content-disposition')).toMatch(/^attachment; filename="powermap-all-\d{4}-\d{2}-\d{2}\.powermap\.json"$/);
    expect(first.headers.get('cache-control')).toMatch(/^private/);
    expect(first.headers.get('powermap-ties-without-claims')).toBe('1');
    const parsed = safeParseImportDocument(JSON.parse(first.text));
    expect(parsed.success).toBe(true);
    const doc = parsed.data!;
    expect(doc.actors).toHaveLength(before.nodes.length);
    expect(doc.ties).toHaveLength(before.edges.length - 1);
    expect(doc.ties.map((t) => t.id)).not.toContain('deleted-tie');
    expect(doc.sources.find((s) => s.id === 'analyst-source')).toMatchObject({ url: 'https://example.org/interview', published: { date: '2021-03-01', precision: 'month' } });
    expect(doc.actors.flatMap((a) => a.claims).map((c) => c.id)).toContain('analyst-actor-claim');
    // Latin forms generated from Cyrillic names are left to the import to generate again.
    const db = await getDb();
    const [own, generated] = await Promise.all([db.actorName.count({ where: { scheme: null } }), db.actorName.count({ where: { scheme: { not: null } } })]);
    expect(generated).toBeGreaterThan(0);
    expect(doc.actors.reduce((n, a) => n + a.names.length, 0)).toBe(own);
  });

  it('imported into an empty database gives the same network, and exports the same document again', async () => {
    await freshDatabase();
    await importDocument(SEED, JSON.parse(first.text));
    const after = await loadGraph(ANONYMOUS);
    const withoutClaimless = { ...before, edges: before.edges.filter((e) => e.tieId !== 'tie-without-claims') };
    expect(network(after)).toEqual(network(withoutClaimless));
    const again = await exportAll();
    expect(again.response.headers.get('powermap-ties-without-claims')).toBe('0');
    expect(JSON.parse(again.text)).toEqual(JSON.parse(first.text));
  });

  it('reads in chunks: a network larger than one chunk comes back whole', async () => {
    await freshDatabase();
    const generated = generateNetwork(DOCUMENT_CHUNK * 2 + 7, DOCUMENT_CHUNK * 3 + 11, 5);
    await importDocument(SEED, generated);
    const doc = JSON.parse((await exportAll()).text);
    expect(doc.actors).toHaveLength(generated.actors.length);
    expect(doc.ties).toHaveLength(generated.ties.length);
    expect(new Set(doc.ties.map((t: { id: string }) => t.id)).size).toBe(generated.ties.length);
  });
});
