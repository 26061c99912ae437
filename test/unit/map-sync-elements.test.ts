// The element diff against a headless Cytoscape, as the map uses it on every date or filter change.
import cytoscape, { type Position } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { syncElements } from '../../components/graph/sync-elements';
import { buildView } from '../../lib/graph/build-view';
import { toCytoscapeElements } from '../../lib/graph/cytoscape-elements';
import type { GraphQuery } from '../../lib/graph/types';
import { cloneMiniNetwork } from './fixtures/mini-network';

const graph = cloneMiniNetwork();
graph.nodes.forEach((node, i) => {
  node.x = i * 100;
  node.y = (i % 3) * 80;
});
const elementsFor = (query: Partial<GraphQuery>, asOf = '2023-01-01') =>
  toCytoscapeElements(buildView(graph, { showEnded: true, hops: 1, ...query }, asOf));

function headless() {
  return cytoscape({ headless: true, styleEnabled: false, layout: { name: 'preset' } });
}

describe('syncElements', () => {
  it('adds everything to an empty instance, at the stored positions', () => {
    const cy = headless();
    const result = syncElements(cy, elementsFor({}));
    expect(cy.nodes()).toHaveLength(graph.nodes.length);
    expect(result.added).toHaveLength(cy.elements().length);
    expect(cy.$id('actor:tertel').position()).toEqual({ x: 100, y: 80 });
  });

  it('changes nothing when given the same elements again', () => {
    const cy = headless();
    syncElements(cy, elementsFor({}));
    const again = syncElements(cy, elementsFor({}));
    expect(again).toEqual({ added: [], removed: [], updated: [] });
  });

  it('removes and adds by id without touching the nodes that stay', () => {
    const cy = headless();
    const remembered = new Map<string, Position>();
    syncElements(cy, elementsFor({}), { remembered });
    const kgb = cy.$id('actor:kgb');
    kgb.position({ x: 555, y: 444 }); // moved by the reader
    const result = syncElements(cy, elementsFor({ kinds: ['person'] }), { remembered });
    expect(result.removed).toEqual(expect.arrayContaining(['actor:kgb', 'actor:mfa', 'tie:tertel-leads-kgb']));
    expect(cy.$id('actor:kgb').empty()).toBe(true);
    expect(cy.$id('actor:tertel').position()).toEqual({ x: 100, y: 80 });

    // Back again: the KGB returns where the reader left it, not to its stored place.
    syncElements(cy, elementsFor({}), { remembered });
    expect(cy.$id('actor:kgb').position()).toEqual({ x: 555, y: 444 });
  });

  it('updates changed data in place, so styles follow the date', () => {
    const cy = headless();
    syncElements(cy, elementsFor({}, '2022-01-01'));
    const before = cy.$id('tie:makei-leads-mfa');
    expect(before.data('past')).toBe(false);
    const result = syncElements(cy, elementsFor({}, '2023-01-01'));
    expect(result.updated).toEqual(expect.arrayContaining(['tie:makei-leads-mfa', 'actor:makei']));
    expect(cy.$id('tie:makei-leads-mfa').data('past')).toBe(true);
    expect(cy.$id('tie:makei-leads-mfa').same(before)).toBe(true);
    expect(cy.$id('actor:makei').data('ended')).toBe(true);
  });

  it('hides ties that have not begun and brings them in when they do', () => {
    const cy = headless();
    syncElements(cy, elementsFor({}, '2019-06-01'));
    expect(cy.$id('tie:tertel-leads-kgb').empty()).toBe(true);
    const result = syncElements(cy, elementsFor({}, '2021-01-01'));
    expect(result.added).toContain('tie:tertel-leads-kgb');
  });

  it('places a node without any position beside its neighbours', () => {
    const unplaced = cloneMiniNetwork();
    unplaced.nodes.forEach((node) => {
      node.x = node.id === 'actor:tertel' ? null : 1000;
      node.y = node.id === 'actor:tertel' ? null : 1000;
    });
    const cy = headless();
    const remembered = new Map<string, Position>();
    syncElements(cy, toCytoscapeElements(buildView(unplaced, { showEnded: true, hops: 1 }, '2023-01-01')), { remembered });
    const p = cy.$id('actor:tertel').position();
    expect(Math.hypot(p.x - 1000, p.y - 1000)).toBeLessThan(100);
    expect(p).not.toEqual({ x: 1000, y: 1000 });
  });

  it('prefers neighbours over stored positions for layouts other than force', () => {
    const cy = headless();
    const elements = elementsFor({ focus: 'tertel', hops: 1 });
    syncElements(cy, { nodes: elements.nodes.filter((n) => n.data.id !== 'actor:kgb'), edges: [] });
    cy.nodes().positions(() => ({ x: -500, y: -500 }));
    syncElements(cy, elements, { placement: 'neighbours-first' });
    const p = cy.$id('actor:kgb').position();
    expect(Math.hypot(p.x + 500, p.y + 500)).toBeLessThan(100);
  });

  it('replaces an edge whose ends changed, since Cytoscape cannot move them', () => {
    const cy = headless();
    const elements = elementsFor({});
    syncElements(cy, elements);
    const moved = structuredClone(elements);
    const edge = moved.edges.find((e) => e.data.id === 'tie:tertel-leads-kgb')!;
    edge.data.target = 'actor:mfa';
    syncElements(cy, moved);
    expect(cy.$id('tie:tertel-leads-kgb').target().id()).toBe('actor:mfa');
  });
});
