import { describe, expect, it } from 'vitest';
import { circleByFactionAndKind, compareByFactionThenKind, connectedComponents, packInRows, type GroupedItem } from '../../lib/graph/layout-grouping';

const item = (id: string, faction: GroupedItem['faction'], kind: GroupedItem['kind']): GroupedItem => ({ id, faction, kind, label: id.toUpperCase() });

describe('circle by faction', () => {
  const items = [
    item('putin', 'russia-state', 'person'),
    item('kgb', 'belarus-state', 'organization'),
    item('lukashenko', 'belarus-state', 'person'),
    item('tertel', 'belarus-state', 'person'),
    item('russia', 'russia-state', 'state'),
    item('belarus', 'belarus-state', 'state'),
    item('tsikhanouskaya', 'belarus-opposition', 'person'),
  ];
  const angle = (p: { x: number; y: number }) => (Math.atan2(p.y, p.x) + Math.PI / 2 + 2 * Math.PI) % (2 * Math.PI);

  it('orders by faction, then kind, then label', () => {
    expect([...items].sort(compareByFactionThenKind).map((i) => i.id)).toEqual(['lukashenko', 'tertel', 'kgb', 'belarus', 'putin', 'russia', 'tsikhanouskaya']);
  });

  it('puts each faction on one arc, kinds together within it, evenly round one circle', () => {
    const positions = circleByFactionAndKind(items, { spacing: 50 });
    const order = [...positions].sort((a, b) => angle(a[1]) - angle(b[1])).map(([id]) => id);
    expect(order).toEqual(['lukashenko', 'tertel', 'kgb', 'belarus', 'putin', 'russia', 'tsikhanouskaya']);
    const radii = [...positions.values()].map((p) => Math.hypot(p.x, p.y));
    for (const r of radii) expect(r).toBeCloseTo(radii[0]!, 6);
    const step = (a: string, b: string) => angle(positions.get(b)!) - angle(positions.get(a)!);
    expect(step('tertel', 'kgb')).toBeCloseTo(step('lukashenko', 'tertel'), 6);
    expect(step('belarus', 'putin')).toBeCloseTo((2 * Math.PI) / items.length, 6);
    // The first actor sits at the top.
    expect(positions.get('lukashenko')!.x).toBeCloseTo(0, 6);
    expect(positions.get('lukashenko')!.y).toBeLessThan(0);
  });

  it('grows the circle with the number of actors', () => {
    const r = (n: number) => Math.hypot(...Object.values(circleByFactionAndKind(Array.from({ length: n }, (_, i) => item(`a${i}`, 'other', 'person'))).values().next().value!) as [number, number]);
    expect(r(200)).toBeGreaterThan(r(20) * 5);
  });
});

describe('connected components', () => {
  it('splits a network into its parts, largest first', () => {
    const parts = connectedComponents(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [
      { source: 'a', target: 'b' },
      { source: 'c', target: 'b' },
      { source: 'e', target: 'd' },
      { source: 'x', target: 'a' },
    ]);
    expect(parts).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f'], ['g']]);
  });
});

describe('packing boxes in rows', () => {
  it('keeps the whole near square rather than a strip, and never overlaps', () => {
    const boxes = Array.from({ length: 16 }, (_, i) => ({ id: `b${i}`, width: 100, height: 100 }));
    const corners = packInRows(boxes, 20);
    const xs = [...corners.values()].map((p) => p.x);
    const ys = [...corners.values()].map((p) => p.y);
    const width = Math.max(...xs) + 100;
    const height = Math.max(...ys) + 100;
    expect(width / height).toBeGreaterThan(0.5);
    expect(width / height).toBeLessThan(2);
    const seen = new Set([...corners.values()].map((p) => `${p.x},${p.y}`));
    expect(seen.size).toBe(16);
  });

  it('gives a box wider than the square its own row', () => {
    const corners = packInRows([{ id: 'wide', width: 1000, height: 50 }, { id: 'a', width: 50, height: 50 }, { id: 'b', width: 50, height: 50 }], 10);
    expect(corners.get('wide')).toEqual({ x: 0, y: 0 });
    expect(corners.get('a')!.y).toBeGreaterThan(0);
  });
});
