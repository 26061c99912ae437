import { describe, expect, it } from 'vitest';
import { kShortestPaths, MAX_PATHS } from '../../lib/graph/k-paths';
import { shortestPath } from '../../lib/graph/path';
import { sliceAt } from '../../lib/graph/time-slice';
import type { GraphView, ViewEdge, ViewNode } from '../../lib/graph/types';
import type { TieType } from '../../lib/domain/vocabulary';
import { actor, id, miniNetwork, tie } from './fixtures/mini-network';

/** A hand-made view: `edges` as "a>b" (a tie from a to b), all current, graded B2 unless said. */
function network(edges: (string | { pair: string; type?: TieType; grade?: string | null; id?: string })[]): GraphView {
  const slugs = new Set<string>();
  const viewEdges: ViewEdge[] = edges.map((spec, i) => {
    const { pair, type = 'associate_of', grade = 'B2', id: tieId } = typeof spec === 'string' ? { pair: spec } : spec;
    const [a, b] = pair.split('>') as [string, string];
    slugs.add(a).add(b);
    return { ...tie(tieId ?? `t${String(i).padStart(2, '0')}-${a}-${b}`, a, type, b, { grade }), past: false };
  });
  const nodes: ViewNode[] = [...slugs].sort().map((s) => ({ ...actor(s, s.toUpperCase(), 'person', 'other', []), ended: false }));
  return { asOf: '2024-01-01', nodes, edges: viewEdges };
}

const slugsOf = (nodeIds: string[]) => nodeIds.map((n) => n.replace('actor:', '')).join('');

/** Every simple path, by depth-first search: the brute force Yen must agree with on lengths. */
function allSimplePathLengths(view: GraphView, from: string, to: string): number[] {
  const next = new Map<string, Set<string>>();
  for (const e of view.edges) {
    if (e.source === e.target) continue;
    (next.get(e.source) ?? next.set(e.source, new Set()).get(e.source)!).add(e.target);
    (next.get(e.target) ?? next.set(e.target, new Set()).get(e.target)!).add(e.source);
  }
  const lengths: number[] = [];
  const walk = (at: string, seen: Set<string>, length: number) => {
    if (at === to) return void lengths.push(length);
    for (const n of next.get(at) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      walk(n, seen, length + 1);
      seen.delete(n);
    }
  };
  walk(from, new Set([from]), 0);
  return lengths.sort((a, b) => a - b);
}

describe('kShortestPaths', () => {
  // a - b - d, a - c - d, a - e - f - d, and a long way a - g - h - i - d.
  const diamond = network(['a>b', 'b>d', 'a>c', 'c>d', 'a>e', 'e>f', 'f>d', 'a>g', 'g>h', 'h>i', 'i>d']);

  it('lists the shortest paths first, each with its length, and stops at k', () => {
    const paths = kShortestPaths(diamond, id('a'), id('d'), { k: 3 });
    expect(paths.map((p) => [slugsOf(p.nodeIds), p.length])).toEqual([
      ['abd', 2],
      ['acd', 2],
      ['aefd', 3],
    ]);
    for (const p of paths) expect(p.edgeIds).toHaveLength(p.length);
  });

  it('gives fewer than k when no more paths exist, and never more than five', () => {
    expect(kShortestPaths(diamond, id('a'), id('d'), { k: 5 }).map((p) => slugsOf(p.nodeIds))).toEqual(['abd', 'acd', 'aefd', 'aghid']);
    const wide = network(Array.from({ length: 8 }, (_, i) => [`s>m${i}`, `m${i}>t`]).flat());
    expect(kShortestPaths(wide, id('s'), id('t'), { k: 50 })).toHaveLength(MAX_PATHS);
  });

  it('joins each tie of a path to the actors on either side of it', () => {
    const edges = new Map(diamond.edges.map((e) => [e.id, e]));
    for (const p of kShortestPaths(diamond, id('a'), id('d'), { k: 4 })) {
      p.edgeIds.forEach((edgeId, i) => {
        const e = edges.get(edgeId)!;
        expect([e.source, e.target].sort()).toEqual([p.nodeIds[i], p.nodeIds[i + 1]].sort());
      });
    }
  });

  it('agrees with a brute-force enumeration of simple paths on the lengths', () => {
    // A grid with shortcuts: many paths of equal length, where Yen's bookkeeping matters.
    const grid = network(['a>b', 'b>c', 'd>e', 'e>f', 'g>h', 'h>i', 'a>d', 'd>g', 'b>e', 'e>h', 'c>f', 'f>i', 'a>e', 'e>i']);
    const paths = kShortestPaths(grid, id('a'), id('i'), { k: 5 });
    expect(paths.map((p) => p.length)).toEqual(allSimplePathLengths(grid, id('a'), id('i')).slice(0, 5));
    expect(new Set(paths.map((p) => p.nodeIds.join())).size).toBe(paths.length);
    for (const p of paths) expect(new Set(p.nodeIds).size).toBe(p.nodeIds.length);
  });

  it('starts with the path shortestPath finds', () => {
    const view = sliceAt(miniNetwork, '2023-01-01', true);
    const [first] = kShortestPaths(view, id('tsikhanouskaya'), id('gryzlov'));
    const single = shortestPath(view, id('tsikhanouskaya'), id('gryzlov'))!;
    expect(first).toEqual({ ...single, length: single.edgeIds.length });
  });

  it('routes around avoided actors, but never avoids an end', () => {
    const paths = kShortestPaths(diamond, id('a'), id('d'), { k: 5, avoid: [id('b'), id('e'), id('a')] });
    expect(paths.map((p) => slugsOf(p.nodeIds))).toEqual(['acd', 'aghid']);
  });

  it('passes no hub with more ties than the limit, counting ties the view left out', () => {
    // h is a hub: tied to both ends and to three more actors.
    const hubbed = network(['s>h', 'h>t', 'h>x', 'h>y', 'h>z', 's>p', 'p>q', 'q>t']);
    expect(kShortestPaths(hubbed, id('s'), id('t'), { k: 1 })[0]!.nodeIds).toEqual([id('s'), id('h'), id('t')]);
    expect(kShortestPaths(hubbed, id('s'), id('t'), { k: 5, maxDegree: 4 }).map((p) => slugsOf(p.nodeIds))).toEqual(['spqt']);
    expect(kShortestPaths(hubbed, id('s'), id('t'), { k: 5, maxDegree: 5 })).toHaveLength(2);
    // p has two ties in the view, and 10 more the server's cut counted but did not send.
    expect(kShortestPaths(hubbed, id('s'), id('t'), { k: 5, maxDegree: 5, extraDegree: new Map([[id('p'), 10]]) }).map((p) => slugsOf(p.nodeIds))).toEqual(['sht']);
    // The ends themselves may be hubs.
    expect(kShortestPaths(hubbed, id('h'), id('t'), { maxDegree: 1 })[0]!.nodeIds).toEqual([id('h'), id('t')]);
  });

  it('follows tie direction when asked', () => {
    const chain = network(['a>b', 'b>c', 'c>d', 'd>b', 'a>x', 'd>x']);
    expect(kShortestPaths(chain, id('a'), id('d'), { k: 5 }).map((p) => slugsOf(p.nodeIds))).toEqual(['abd', 'axd', 'abcd']);
    expect(kShortestPaths(chain, id('a'), id('d'), { k: 5, directed: true }).map((p) => slugsOf(p.nodeIds))).toEqual(['abcd']);
    expect(kShortestPaths(chain, id('d'), id('a'), { directed: true })).toEqual([]);
  });

  it('keeps to the chosen tie types and grades', () => {
    const mixed = network([
      { pair: 'a>b', type: 'leads' },
      { pair: 'b>d', type: 'leads' },
      { pair: 'a>c', type: 'opposes', grade: 'A1' },
      { pair: 'c>d', type: 'opposes', grade: 'E5' },
      { pair: 'a>e', type: 'leads', grade: 'A1' },
      { pair: 'e>d', type: 'opposes', grade: null },
    ]);
    expect(kShortestPaths(mixed, id('a'), id('d'), { k: 5, types: ['leads'] }).map((p) => slugsOf(p.nodeIds))).toEqual(['abd']);
    expect(kShortestPaths(mixed, id('a'), id('d'), { k: 5, types: ['opposes'] }).map((p) => slugsOf(p.nodeIds))).toEqual(['acd']);
    expect(kShortestPaths(mixed, id('a'), id('d'), { k: 5, types: ['opposes'], minGrade: 'B2' })).toEqual([]);
    expect(kShortestPaths(mixed, id('a'), id('d'), { k: 5, minGrade: 'B2' }).map((p) => slugsOf(p.nodeIds))).toEqual(['abd']);
    expect(kShortestPaths(mixed, id('a'), id('d'), { k: 5 })).toHaveLength(3);
  });

  it('counts parallel ties as one way through, preferring the earliest current one', () => {
    const parallel = network([{ pair: 'a>b', id: 'z-later' }, { pair: 'b>a', id: 'a-first' }, 'b>c', 'a>c']);
    const paths = kShortestPaths(parallel, id('a'), id('c'), { k: 5 });
    expect(paths.map((p) => slugsOf(p.nodeIds))).toEqual(['ac', 'abc']);
    expect(paths[1]!.edgeIds[0]).toBe('tie:a-first');
  });

  it('is empty when an end is missing or nothing joins them, and one actor alone when both ends are the same', () => {
    expect(kShortestPaths(diamond, id('a'), id('nobody'))).toEqual([]);
    expect(kShortestPaths(network(['a>b', 'c>d']), id('a'), id('d'))).toEqual([]);
    expect(kShortestPaths(diamond, id('a'), id('a'))).toEqual([{ nodeIds: [id('a')], edgeIds: [], length: 0 }]);
  });

  it('is deterministic whatever the input order', () => {
    const shuffled: GraphView = { ...diamond, nodes: [...diamond.nodes].reverse(), edges: [...diamond.edges].reverse() };
    expect(kShortestPaths(shuffled, id('a'), id('d'), { k: 5 })).toEqual(kShortestPaths(diamond, id('a'), id('d'), { k: 5 }));
  });
});
