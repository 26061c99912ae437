// fcose run headless in Node, as scripts/start.ts runs it after seeding.
import { describe, expect, it } from 'vitest';
import { computePositions, type LayoutNode } from '../../lib/data/layout/compute-positions';
import { miniNetwork } from './fixtures/mini-network';

const edges = miniNetwork.edges.map((e) => ({ source: e.source, target: e.target }));

describe('computePositions', () => {
  it('lays out a network that has no positions, every node apart', () => {
    const nodes: LayoutNode[] = miniNetwork.nodes.map((n) => ({ id: n.id, x: null, y: null }));
    const positions = computePositions(nodes, edges);
    expect(positions.size).toBe(nodes.length);
    const points = [...positions.values()];
    for (const p of points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) expect(Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y)).toBeGreaterThan(20);
  });

  it('returns nothing when every node is placed', () => {
    expect(computePositions([{ id: 'a', x: 1, y: 2 }], [])).toEqual(new Map());
  });

  it('places only the new actor, near its neighbours, leaving the others where they are', () => {
    const first = computePositions(miniNetwork.nodes.map((n) => ({ id: n.id, x: null, y: null })), edges);
    const nodes: LayoutNode[] = miniNetwork.nodes.map((n) => {
      const p = first.get(n.id)!;
      return n.id === 'actor:tertel' ? { id: n.id, x: null, y: null } : { id: n.id, x: p.x, y: p.y };
    });
    const placed = computePositions(nodes, edges);
    expect([...placed.keys()]).toEqual(['actor:tertel']);
    const tertel = placed.get('actor:tertel')!;
    const kgb = first.get('actor:kgb')!;
    const gryzlov = first.get('actor:gryzlov')!;
    const spread = Math.max(...[...first.values()].map((p) => Math.hypot(p.x - kgb.x, p.y - kgb.y)));
    expect(Math.hypot(tertel.x - kgb.x, tertel.y - kgb.y)).toBeLessThan(spread * 0.75);
    expect(Math.hypot(tertel.x - kgb.x, tertel.y - kgb.y)).toBeLessThan(Math.hypot(tertel.x - gryzlov.x, tertel.y - gryzlov.y) + spread * 0.25);
  });
});
