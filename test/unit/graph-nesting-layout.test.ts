// Room for nested institutions' boxes after a layout (lib/graph/nesting-layout.ts): a box the
// layout left clear keeps its units' places, one spread over other actors is packed and moved
// where it covers nothing, and boxes inside boxes stay inside.
import { describe, expect, it } from 'vitest';
import { nestedPlacement, type PlacedLeaf } from '../../lib/graph/nesting-layout';

const leaf = (id: string, x: number, y: number): PlacedLeaf => ({ id, x, y, left: -15, right: 15, top: -15, bottom: 30 });
const OPTIONS = { padding: 18, labelRoom: 22, gap: 16, margin: 24 };

type Rect = { x1: number; y1: number; x2: number; y2: number };
function boxOf(ids: string[], leaves: PlacedLeaf[], at: Map<string, { x: number; y: number }>): Rect {
  const rects = ids.map((id) => {
    const l = leaves.find((x) => x.id === id)!;
    const p = at.get(id)!;
    return { x1: p.x + l.left, y1: p.y + l.top, x2: p.x + l.right, y2: p.y + l.bottom };
  });
  return {
    x1: Math.min(...rects.map((r) => r.x1)) - OPTIONS.padding,
    y1: Math.min(...rects.map((r) => r.y1)) - OPTIONS.padding - OPTIONS.labelRoom,
    x2: Math.max(...rects.map((r) => r.x2)) + OPTIONS.padding,
    y2: Math.max(...rects.map((r) => r.y2)) + OPTIONS.padding,
  };
}
const hits = (a: Rect, b: Rect) => a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1;
function leafRect(l: PlacedLeaf, at: Map<string, { x: number; y: number }>): Rect {
  const p = at.get(l.id)!;
  return { x1: p.x + l.left, y1: p.y + l.top, x2: p.x + l.right, y2: p.y + l.bottom };
}

describe('nestedPlacement', () => {
  it('keeps a box the layout left clear, and every actor outside boxes, where they were', () => {
    const leaves = [leaf('a', 0, 0), leaf('b', 50, 0), leaf('x', 400, 0)];
    const at = nestedPlacement(leaves, new Map([['a', 'p'], ['b', 'p']]), OPTIONS);
    expect(at.get('a')).toEqual({ x: 0, y: 0 });
    expect(at.get('b')).toEqual({ x: 50, y: 0 });
    expect(at.get('x')).toEqual({ x: 400, y: 0 });
  });

  it('packs a box spread over other actors (as circle and concentric leave it) and moves it clear of them', () => {
    // Units on opposite sides of a ring, with other actors between and around them.
    const leaves = [leaf('u1', -300, 0), leaf('u2', 300, 0), leaf('u3', 0, 300)];
    for (let i = 0; i < 12; i++) leaves.push(leaf(`o${i}`, Math.round(Math.cos(i / 2) * 200), Math.round(Math.sin(i / 2) * 200)));
    const parents = new Map([['u1', 'p'], ['u2', 'p'], ['u3', 'p']]);
    const at = nestedPlacement(leaves, parents, OPTIONS);
    const box = boxOf(['u1', 'u2', 'u3'], leaves, at);
    for (const other of leaves.filter((l) => l.id.startsWith('o'))) {
      expect(at.get(other.id)).toEqual({ x: other.x, y: other.y });
      expect(hits(box, leafRect(other, at))).toBe(false);
    }
    // Packed: far smaller than the ring it was spread over.
    expect(box.x2 - box.x1).toBeLessThan(300);
    // The units do not overlap each other.
    const units = leaves.filter((l) => l.id.startsWith('u')).map((l) => leafRect(l, at));
    for (let i = 0; i < units.length; i++) for (let j = i + 1; j < units.length; j++) expect(hits(units[i]!, units[j]!)).toBe(false);
  });

  it('keeps an inner box inside its outer box, two boxes apart from each other, and is deterministic', () => {
    // m ⊃ {g ⊃ {g1, g2}, a}; k ⊃ {k1}; all over one crowded spot.
    const leaves = [leaf('g1', 0, 0), leaf('g2', 10, 10), leaf('a', 20, 0), leaf('k1', 5, 5), leaf('x', 0, 20)];
    const parents = new Map([['g1', 'g'], ['g2', 'g'], ['g', 'm'], ['a', 'm'], ['k1', 'k']]);
    const at = nestedPlacement(leaves, parents, OPTIONS);
    const m = boxOf(['g1', 'g2', 'a'], leaves, at);
    const g = boxOf(['g1', 'g2'], leaves, at);
    const k = boxOf(['k1'], leaves, at);
    expect(g.x1 >= m.x1 && g.x2 <= m.x2 && g.y1 >= m.y1 && g.y2 <= m.y2).toBe(true);
    expect(hits(leafRect(leaves[2]!, at), g)).toBe(false);
    expect(hits(m, k)).toBe(false);
    const x = leafRect(leaves[4]!, at);
    expect(hits(m, x) || hits(k, x)).toBe(false);
    expect(nestedPlacement(leaves, parents, OPTIONS)).toEqual(at);
  });
});
