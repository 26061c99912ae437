// The map's canvas keeps every element it has shown and toggles them by view mask: checked against
// a headless Cytoscape, where the drawn graph must equal what buildView cuts for the same query.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyMask, maskedElements } from '../../components/graph/apply-mask';
import { buildView } from '../../lib/graph/build-view';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import type { GraphQuery } from '../../lib/graph/types';
import { graphColumns, viewMask } from '../../lib/graph/view-columns';
import { cloneMiniNetwork } from './fixtures/mini-network';

const graph = cloneMiniNetwork();
graph.nodes.forEach((node, i) => {
  node.x = i * 100;
  node.y = (i % 3) * 80;
});
graph.nodes[2]!.x = null;
graph.nodes[2]!.y = null;
const columns = graphColumns(graph);
const TODAY = '2024-05-01';
const query = (q: Partial<GraphQuery>): GraphQuery => ({ showEnded: true, hops: 1, ...q });

function setup() {
  const cy = cytoscape({ headless: true, styleEnabled: false, layout: { name: 'preset' } });
  return { cy, store: maskedElements(graph, columns) };
}

/** What the instance draws, as the same JSON buildView's elements give (positions aside). */
function drawn(cy: cytoscape.Core) {
  return {
    nodes: cy.nodes().map((n) => n.data()).sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: cy.edges().map((e) => e.data()).sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}
function expected(q: GraphQuery) {
  const elements = toCytoscapeElements(buildView(graph, q, TODAY));
  return {
    nodes: elements.nodes.map((n) => n.data).sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: elements.edges.map((e) => e.data).sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

describe('applyMask', () => {
  it('draws what buildView shows, through every change of date, filter and focus', () => {
    const { cy, store } = setup();
    const steps = [
      query({}),
      query({ asOf: '2019-01-01' }),
      query({ asOf: '2023-01-01' }),
      query({ asOf: '2023-01-01', showEnded: false }),
      query({ types: ['leads'] }),
      query({ focus: 'kgb', hops: 2, asOf: '2021-01-01' }),
      query({ kinds: ['person'], minGrade: 'B2' }),
      query({}),
    ];
    for (const q of steps) {
      applyMask(cy, store, viewMask(columns, q, TODAY));
      expect(drawn(cy), JSON.stringify(q)).toEqual(expected(q));
    }
  });

  it('restores the same element where it was, and touches nothing when nothing changed', () => {
    const { cy, store } = setup();
    applyMask(cy, store, viewMask(columns, query({}), TODAY));
    const kgb = cy.$id('actor:kgb');
    kgb.position({ x: 5, y: 7 });
    const hidden = applyMask(cy, store, viewMask(columns, query({ kinds: ['person'] }), TODAY));
    expect(hidden.hidden).toBeGreaterThan(0);
    expect(cy.$id('actor:kgb').empty()).toBe(true);
    applyMask(cy, store, viewMask(columns, query({}), TODAY));
    expect(cy.$id('actor:kgb').same(kgb)).toBe(true);
    expect(cy.$id('actor:kgb').position()).toEqual({ x: 5, y: 7 });
    expect(applyMask(cy, store, viewMask(columns, query({}), TODAY))).toEqual({ shown: 0, hidden: 0, remarked: 0 });
  });

  it('puts a node without a stored position beside its neighbours', () => {
    const { cy, store } = setup();
    applyMask(cy, store, viewMask(columns, query({}), TODAY));
    const unplaced = cy.$id(graph.nodes[2]!.id);
    const around = unplaced.neighborhood().nodes().map((n) => n.position());
    const mean = { x: around.reduce((s, p) => s + p.x, 0) / around.length, y: around.reduce((s, p) => s + p.y, 0) / around.length };
    expect(Math.hypot(unplaced.position().x - mean.x, unplaced.position().y - mean.y)).toBeLessThan(61);
  });
});
