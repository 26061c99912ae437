// The map's column payload reads back into exactly the graph it was written from (summaries left
// for the panels to load), and stays close to the bare ids, ends and positions.
import { describe, expect, it } from 'vitest';
import { decodeDate, decodeMapPayload, encodeDate, encodeMapPayload } from '../../lib/graph/map-payload';
import { allTimeQuery, overviewOf, tieDates } from '../../lib/graph/overview';
import { buildView } from '../../lib/graph/build-view';
import type { GraphData } from '../../lib/graph/types';
import { miniNetwork } from './fixtures/mini-network';
import { generatedNetwork, random } from './fixtures/random-network';

function positioned(graph: GraphData, seed: number): GraphData {
  const rnd = random(seed);
  return { nodes: graph.nodes.map((n) => ({ ...n, x: rnd() < 0.1 ? null : (rnd() - 0.5) * 8000, y: rnd() * 6000 })), edges: graph.edges };
}

const asStored = (graph: GraphData): GraphData => ({
  nodes: graph.nodes.map((n) => ({ ...n, summary: '' })),
  edges: graph.edges,
});

describe('the map payload', () => {
  it('codes a date and its precision in one number, before 1970 too', () => {
    for (const d of [
      { date: '1954-08-30', precision: 'day' as const },
      { date: '2020-01-01', precision: 'year' as const },
      { date: '1969-12-01', precision: 'month' as const },
      { date: '2021-03-12', precision: 'asof' as const },
    ])
      expect(decodeDate(encodeDate(d))).toEqual(d);
    expect(decodeDate(encodeDate(null))).toBeNull();
  });

  it('reads back the graph it was written from', () => {
    for (const graph of [positioned(miniNetwork, 1), positioned(generatedNetwork(5, 200, 900), 2)]) {
      const payload = JSON.parse(JSON.stringify(encodeMapPayload({ mode: 'whole', revision: 7, asOf: null, graph })));
      const decoded = decodeMapPayload(payload);
      expect(decoded).toMatchObject({ mode: 'whole', revision: 7, overview: null });
      expect(decoded.graph).toEqual(asStored(graph));
    }
  });

  it('carries an overview with an open group', () => {
    const view = buildView(miniNetwork, { showEnded: true, hops: 1 }, '2024-01-01');
    const dated = tieDates(buildView(miniNetwork, allTimeQuery({ showEnded: true, hops: 1 }), '2024-01-01').edges);
    expect(dated).not.toBeNull();
    const result = overviewOf(view, 'belarus-state:person', 3, dated);
    const payload = JSON.parse(JSON.stringify(encodeMapPayload({ mode: 'overview', revision: 1, asOf: view.asOf, graph: result.members, overview: result.overview })));
    const decoded = decodeMapPayload(payload);
    expect(decoded.overview).toEqual(result.overview);
    expect(decoded.graph.nodes.map((n) => n.id)).toEqual(result.members.nodes.map((n) => n.id));
    expect(result.overview.omitted).toBeGreaterThan(0);
    expect(decoded.overview?.dated).toEqual(dated);
  });

  it('reads an overview written before the tie dates were sent as having none', () => {
    const view = buildView(miniNetwork, { showEnded: true, hops: 1 }, '2024-01-01');
    const result = overviewOf(view, null, 3, { first: '1994-07-20', last: '2023-01-01' });
    const { dated: _dated, ...older } = encodeMapPayload({ mode: 'overview', revision: 1, asOf: view.asOf, graph: result.members, overview: result.overview });
    expect(decodeMapPayload(older).overview?.dated).toBeNull();
  });

  it('is within 1.5 times the minimal JSON of ids, ends and positions', () => {
    const graph = positioned(generatedNetwork(9, 2000, 8000), 3);
    const minimal = JSON.stringify({
      nodes: graph.nodes.map((n) => ({ id: n.id, x: n.x, y: n.y })),
      edges: graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    }).length;
    const payload = JSON.stringify(encodeMapPayload({ mode: 'whole', revision: 1, asOf: null, graph })).length;
    expect(payload / minimal).toBeLessThan(1.5);
  });

  it('carries the ties a capped hub leaves out', () => {
    const payload = JSON.parse(JSON.stringify(encodeMapPayload({ mode: 'view', revision: 2, asOf: '2024-01-01', graph: miniNetwork, hidden: [{ nodeId: 'actor:lukashenko', count: 12 }] })));
    expect(decodeMapPayload(payload).hidden).toEqual(new Map([['actor:lukashenko', 12]]));
    expect(decodeMapPayload(encodeMapPayload({ mode: 'whole', revision: 2, asOf: null, graph: miniNetwork })).hidden.size).toBe(0);
  });

  it('refuses a payload of another format', () => {
    const payload = encodeMapPayload({ mode: 'whole', revision: 1, asOf: null, graph: miniNetwork });
    expect(() => decodeMapPayload({ ...payload, format: 'other' as never })).toThrow(/format/);
  });
});
