// The seed's Belarus map, cut by loadView as GET /api/export cuts it, written as GEXF and read back
// by graphology-gexf (a parser nobody here wrote) and by Powermap's own reader: the same actors and
// ties, the same dates, the same attributes; and GET /api/export?format=gexf serves that file.
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseWithGraphology } from 'graphology-gexf';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/auth/current-principal', () => ({ currentPrincipal: async () => ({ type: 'anonymous' }) }));

import * as exportRoute from '../../app/api/export/route';
import { periodEnd, periodStart } from '../../lib/domain/dates';
import { loadView } from '../../lib/data/network/load-view';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { readGexf } from '../../lib/exchange/gexf/read-gexf';
import { writeGexf } from '../../lib/exchange/gexf/write-gexf';
import type { GraphView } from '../../lib/graph/types';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

describe.skipIf(!available)(`the seed as GEXF (${TEST_KIND})`, () => {
  let view: GraphView;
  let xml: string;

  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    view = await loadView(ANONYMOUS, { showEnded: true, hops: 1 }, { today: '2024-06-15' });
    xml = writeGexf(view, { title: 'Belarus', address: 'http://127.0.0.1/?showEnded=1', asOf: view.asOf });
  });

  it('graphology-gexf reads every actor and tie of the view, with the ties’ dates', () => {
    expect(view.nodes.length).toBeGreaterThan(50);
    expect(view.edges.length).toBeGreaterThan(50);
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const graph = parseWithGraphology(Graph, doc as unknown as Document);
    expect([graph.order, graph.size]).toEqual([view.nodes.length, view.edges.length]);
    const list = doc.getElementsByTagName('edge');
    const dated = new Map(Array.from({ length: list.length }, (_, i) => list.item(i)!).map((e) => [e.getAttribute('id'), [e.getAttribute('start') || null, e.getAttribute('end') || null]]));
    for (const tie of view.edges) {
      expect(dated.get(tie.tieId), tie.tieId).toEqual([tie.start ? periodStart(tie.start) : null, tie.end ? periodEnd(tie.end) : null]);
      expect(graph.getEdgeAttributes(tie.tieId)).toMatchObject({ type: tie.type, claimCount: tie.claimCount, disputed: tie.disputed, strength: tie.strength });
    }
    for (const actor of view.nodes) expect(graph.getNodeAttributes(actor.slug)).toMatchObject({ label: actor.label, kind: actor.kind, faction: actor.faction });
  });

  it('reads back through Powermap’s reader with dates as precise as stored and positions as laid out', () => {
    const back = readGexf(xml);
    expect(back.nodes.map((n) => n.id).sort()).toEqual(view.nodes.map((n) => n.slug).sort());
    const text = (d: { date: string; precision: string } | null) => (d === null ? null : d.precision === 'year' ? d.date.slice(0, 4) : d.precision === 'month' ? d.date.slice(0, 7) : d.date);
    for (const tie of view.edges) {
      const edge = back.edges.find((e) => e.id === tie.tieId)!;
      expect(edge.spells, tie.tieId).toEqual(tie.start || tie.end ? [{ start: text(tie.start), end: tie.end ? text(tie.end) : null }] : []);
    }
    for (const actor of view.nodes) {
      const node = back.nodes.find((n) => n.id === actor.slug)!;
      expect([node.x, node.y]).toEqual([actor.x, actor.y]);
    }
  });

  it('GET /api/export?format=gexf streams the same file for the map’s query, as a .gexf attachment', async () => {
    const response = await exportRoute.GET(new Request('http://powermap.test/api/export?format=gexf&asOf=2022-01-01', { headers: { host: 'powermap.test' } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="powermap-view-2022-01-01.gexf"');
    const served = readGexf(new Uint8Array(await response.arrayBuffer()));
    const cut = await loadView(ANONYMOUS, { asOf: '2022-01-01', showEnded: true, hops: 1 });
    expect(served.nodes.map((n) => n.id)).toEqual(cut.nodes.map((n) => n.slug));
    expect(served.edges.map((e) => e.id)).toEqual(cut.edges.map((e) => e.tieId));
    // Every actor has a place in the file: stored, or beside its neighbours until the layout job runs.
    expect(served.nodes.every((n) => n.x !== null && n.y !== null)).toBe(true);
    expect(served.title).toMatch(/2022-01-01/);
  });
});
