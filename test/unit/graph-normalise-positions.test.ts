// Imported positions fitted to the map's scale and set beside the placed actors.
import { describe, expect, it } from 'vitest';
import { IMPORT_GAP, normaliseImportedPositions } from '../../lib/graph/normalise-positions';
import type { Position } from '../../lib/graph/place-beside-neighbours';

const placed: Position[] = [
  { x: 0, y: 0 },
  { x: 600, y: 0 },
  { x: 0, y: 400 },
];
// Gephi-like coordinates: thousands, centred on the origin.
const gephi: [string, Position][] = [
  ['a', { x: -5000, y: -2000 }],
  ['b', { x: 5000, y: -2000 }],
  ['c', { x: 0, y: 3000 }],
];

describe('normaliseImportedPositions', () => {
  it('scales the group to the placed actors span and puts it to their right, not on top', () => {
    const out = new Map(normaliseImportedPositions(gephi, placed));
    const xs = [...out.values()].map((p) => p.x);
    expect(Math.min(...xs)).toBe(600 + IMPORT_GAP);
    expect(Math.max(...xs) - Math.min(...xs)).toBe(600);
    expect(out.get('a')!.y).toBe(0);
  });

  it('keeps the file shape: one scale for both axes', () => {
    const out = new Map(normaliseImportedPositions(gephi, placed));
    const a = out.get('a')!, b = out.get('b')!, c = out.get('c')!;
    // Width 10000 and height 5000 in the file: 2:1 on the map too.
    expect((b.x - a.x) / (c.y - a.y)).toBeCloseTo(2, 5);
    expect(c.x).toBeCloseTo((a.x + b.x) / 2, 5);
  });

  it('starts at the origin on an empty map, at the map neighbour spacing', () => {
    const out = normaliseImportedPositions(gephi, []);
    expect(out[0][1]).toEqual({ x: 0, y: 0 });
    const span = Math.max(...out.map(([, p]) => p.x));
    expect(span).toBeGreaterThan(50);
    expect(span).toBeLessThan(1000);
  });

  it('gives one actor or a pile no scale of its own, and drops non-finite positions', () => {
    const out = normaliseImportedPositions(
      [
        ['a', { x: 7, y: 7 }],
        ['b', { x: 7, y: 7 }],
        ['c', { x: Number.NaN, y: 1 }],
      ],
      placed,
    );
    expect(out.map(([k]) => k)).toEqual(['a', 'b']);
    expect(out[0][1]).toEqual({ x: 600 + IMPORT_GAP, y: 0 });
    expect(normaliseImportedPositions([], placed)).toEqual([]);
  });
});
