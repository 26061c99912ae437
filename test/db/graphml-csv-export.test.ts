// GET /api/export?format=graphml|csv on the seed: the view loadView cuts, written by the registry's
// GraphML and CSV writers, read by graphology-graphml (a parser nobody here wrote) and by
// Powermap's own readers: the same actors and ties with the same attributes; the CSV zip's
// first_source is the source of each tie's best claim, as the export's evidence ranks them.
import Graph from 'graphology';
import { parse as parseWithGraphology } from 'graphology-graphml';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const auth = vi.hoisted(() => ({ principal: { type: 'anonymous' } as import('../../lib/data/principal').Principal }));
vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => auth.principal }));

import * as exportRoute from '../../app/api/export/route';
import { dateText } from '../../lib/domain/dates';
import { loadExportEvidence } from '../../lib/data/export/load-export-view';
import { loadView } from '../../lib/data/network/load-view';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { readCsvZip } from '../../lib/exchange/csv/read-csv';
import { readGraphml } from '../../lib/exchange/graphml/read-graphml';
import { tieLabel } from '../../lib/exchange/view-attributes';
import type { GraphView } from '../../lib/graph/types';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const ORIGIN = 'http://powermap.test';
const get = (query: string) => exportRoute.GET(new Request(`${ORIGIN}/api/export?${query}`, { headers: { host: 'powermap.test' } }));

describe.skipIf(!available)(`GraphML and CSV exports of the seed (${TEST_KIND})`, () => {
  let view: GraphView;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    view = await loadView(ANONYMOUS, { asOf: '2022-01-01', showEnded: true, hops: 1 });
  });

  it('GraphML: an attachment graphology-graphml and Powermap read into the same network', async () => {
    const response = await get('format=graphml&asOf=2022-01-01');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="powermap-view-2022-01-01.graphml"');
    const text = await response.text();
    expect(view.nodes.length).toBeGreaterThan(50);

    const graph = parseWithGraphology(Graph, text);
    expect([graph.order, graph.size]).toEqual([view.nodes.length, view.edges.length]);
    const tie = view.edges.find((e) => e.role && e.start)!;
    expect(graph.getEdgeAttributes(tie.id)).toMatchObject({ type: tie.type, role: tie.role, start: dateText(tie.start), claimCount: tie.claimCount, disputed: tie.disputed, weight: tie.strength });
    const actor = view.nodes[0]!;
    expect(graph.getNodeAttributes(actor.id)).toMatchObject({ label: actor.label, kind: actor.kind, faction: actor.faction });

    const read = readGraphml(text);
    expect(read.title).toMatch(/2022-01-01/);
    expect(read.nodes.map((n) => n.id)).toEqual(view.nodes.map((n) => n.id));
    expect(read.edges.map((e) => [e.id, e.source, e.target, e.label])).toEqual(view.edges.map((e) => [e.id, e.source, e.target, tieLabel(e)]));
    // Every actor has a place: stored, or beside its neighbours until the layout job runs.
    expect(read.nodes.every((n) => n.x !== null && n.y !== null)).toBe(true);
  });

  it('CSV: one zip of nodes.csv and edges.csv, with each tie’s first source', async () => {
    const response = await get('format=csv&asOf=2022-01-01');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="powermap-view-2022-01-01.zip"');
    const read = readCsvZip(new Uint8Array(await response.arrayBuffer()));
    expect(read.nodes.map((n) => [n.id, n.label])).toEqual(view.nodes.map((n) => [n.id, n.label]));
    expect(read.edges.map((e) => [e.id, e.source, e.target, e.weight])).toEqual(view.edges.map((e) => [e.id, e.source, e.target, e.strength]));

    const evidence = await loadExportEvidence(ANONYMOUS, view.edges.map((e) => e.tieId));
    const cited = view.edges.filter((e) => evidence.sourcesOfTie.get(e.tieId)?.length);
    expect(cited.length).toBeGreaterThan(20);
    const byId = new Map(read.edges.map((e) => [e.id, e]));
    for (const tie of cited) {
      const best = evidence.sourcesOfTie.get(tie.tieId)![0]!;
      expect(byId.get(tie.id)!.attributes, tie.id).toMatchObject({ first_source: best.title, first_source_url: best.url });
    }
  });

  it('scope=all writes every live actor and tie in both formats', async () => {
    const all = readGraphml(await (await get('format=graphml&scope=all')).text());
    const zip = readCsvZip(new Uint8Array(await (await get('format=csv&scope=all')).arrayBuffer()));
    expect(all.nodes.length).toBeGreaterThanOrEqual(view.nodes.length);
    expect([zip.nodes.length, zip.edges.length]).toEqual([all.nodes.length, all.edges.length]);
  });
});
