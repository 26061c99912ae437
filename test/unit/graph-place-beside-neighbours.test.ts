// Where actors without a stored position are drawn until the layout job places them.
import { describe, expect, it } from 'vitest';
import { NEIGHBOUR_DISTANCE, placeBesideNeighbours, withProvisionalPositions, type Position } from '../../lib/graph/place-beside-neighbours';
import { cloneMiniNetwork, id } from './fixtures/mini-network';

const dist = (a: Position, b: Position) => Math.hypot(a.x - b.x, a.y - b.y);

/** The mini network with every actor on a grid, except the ones named. */
function laidOutExcept(...slugs: string[]) {
  const graph = cloneMiniNetwork();
  graph.nodes.forEach((n, i) => {
    const placed = !slugs.map(id).includes(n.id);
    n.x = placed ? (i % 4) * 300 : null;
    n.y = placed ? Math.floor(i / 4) * 300 : null;
  });
  return graph;
}

describe('placeBesideNeighbours', () => {
  it('puts a new actor a nudge away from the mean of its placed neighbours', () => {
    const placed = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 200, y: 0 }],
      ['far', { x: 5000, y: 5000 }],
    ]);
    const edges = [
      { source: 'new', target: 'a' },
      { source: 'b', target: 'new' },
    ];
    const places = placeBesideNeighbours(['new'], edges, placed);
    expect([...places.keys()]).toEqual(['new']);
    expect(dist(places.get('new')!, { x: 100, y: 0 })).toBeCloseTo(NEIGHBOUR_DISTANCE, 0);
  });

  it('follows a chain of new actors outward from the placed one, each near the one before', () => {
    const placed = new Map([['root', { x: 0, y: 0 }]]);
    const edges = [
      { source: 'root', target: 'c1' },
      { source: 'c1', target: 'c2' },
      { source: 'c2', target: 'c3' },
    ];
    const places = placeBesideNeighbours(['c3', 'c2', 'c1'], edges, placed);
    expect(dist(places.get('c1')!, placed.get('root')!)).toBeCloseTo(NEIGHBOUR_DISTANCE, 0);
    expect(dist(places.get('c2')!, places.get('c1')!)).toBeCloseTo(NEIGHBOUR_DISTANCE, 0);
    expect(dist(places.get('c3')!, places.get('c2')!)).toBeCloseTo(NEIGHBOUR_DISTANCE, 0);
  });

  it('starts a group tied to nothing placed outside what is placed, its members together', () => {
    const placed = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 400, y: 0 }],
    ]);
    const edges = [
      { source: 'g1', target: 'g2' },
      { source: 'g2', target: 'g3' },
    ];
    const places = placeBesideNeighbours(['g1', 'g2', 'g3', 'alone'], edges, placed);
    expect(places.size).toBe(4);
    const centre = { x: 200, y: 0 };
    for (const p of places.values()) expect(dist(p, centre)).toBeGreaterThan(200);
    expect(dist(places.get('g2')!, places.get('g1')!)).toBeCloseTo(NEIGHBOUR_DISTANCE, 0);
    expect(dist(places.get('g3')!, places.get('g2')!)).toBeCloseTo(NEIGHBOUR_DISTANCE, 0);
    expect(dist(places.get('alone')!, places.get('g1')!)).toBeGreaterThan(100);
  });

  it('places a network with nothing placed, no two actors on one spot, the same way every time', () => {
    const graph = laidOutExcept(...cloneMiniNetwork().nodes.map((n) => n.slug));
    const ids = graph.nodes.map((n) => n.id);
    const first = placeBesideNeighbours(ids, graph.edges, new Map());
    expect(first.size).toBe(ids.length);
    const points = [...first.values()];
    for (let i = 0; i < points.length; i++) for (let j = i + 1; j < points.length; j++) expect(dist(points[i]!, points[j]!)).toBeGreaterThan(1);
    expect(placeBesideNeighbours(ids, graph.edges, new Map())).toEqual(first);
  });

  it('leaves placed actors alone and ignores ties to unknown actors and loops', () => {
    const placed = new Map([['a', { x: 1, y: 2 }]]);
    const places = placeBesideNeighbours(['a', 'n'], [{ source: 'n', target: 'ghost' }, { source: 'n', target: 'n' }], placed);
    expect([...places.keys()]).toEqual(['n']);
    expect(Number.isFinite(places.get('n')!.x)).toBe(true);
  });
});

describe('withProvisionalPositions', () => {
  it('gives Tertel, not yet laid out, a place near the KGB and Lukashenko, and keeps every stored one', () => {
    const graph = laidOutExcept('tertel');
    const result = withProvisionalPositions(graph);
    const at = (slug: string) => result.nodes.find((n) => n.id === id(slug)) as unknown as Position;
    for (const n of graph.nodes) if (n.x !== null) expect(result.nodes.find((m) => m.id === n.id)).toEqual(n);
    const kgb = at('kgb');
    const lukashenko = at('lukashenko');
    const mean = { x: (kgb.x + lukashenko.x) / 2, y: (kgb.y + lukashenko.y) / 2 };
    expect(dist(at('tertel'), mean)).toBeCloseTo(NEIGHBOUR_DISTANCE, 0);
    // Farther from an actor he has no tie to.
    expect(dist(at('tertel'), at('gryzlov'))).toBeGreaterThan(dist(at('tertel'), kgb));
  });

  it('returns the same network when every actor has a place', () => {
    const graph = laidOutExcept();
    expect(withProvisionalPositions(graph)).toBe(graph);
  });
});
