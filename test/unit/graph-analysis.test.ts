// Metrics and communities of a view (lib/graph/analysis) against published values: Zachary's karate
// club (shipped as a fixture) and Les Misérables from ../shared/datasets when that folder is present.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAnalysisGraph, buildPreparedGraph, gradeConfidence, linkDistance, prepareTies } from '@/lib/graph/analysis/analysis-graph';
import { computeMetric, rankValues, type AnalysisInput } from '@/lib/graph/analysis/metrics';
import { describeMethod, ordinal, type Metric } from '@/lib/graph/analysis/vocabulary';
import { computeRobustness } from '@/lib/graph/analysis/robustness';
import { KARATE_EDGES, KARATE_PUBLISHED } from './fixtures/karate-club';

const karate: AnalysisInput = {
  nodes: Array.from({ length: 34 }, (_, i) => ({ id: `actor:m${i + 1}`, slug: `m${i + 1}`, label: `Member ${i + 1}` })),
  ties: KARATE_EDGES.map(([a, b]) => ({ source: `actor:m${a}`, target: `actor:m${b}`, strength: 3, confidence: 1 })),
};
const valueOf = (input: AnalysisInput, metric: Metric, id: string, weight: 'none' | 'strength' = 'none') =>
  computeMetric(input, { metric, weight }).rows.find((r) => r.id === id)!;

describe("Zachary's karate club", () => {
  for (const [metric, published] of [
    ['betweenness', KARATE_PUBLISHED.betweenness],
    ['pagerank', KARATE_PUBLISHED.pagerank],
    ['closeness', KARATE_PUBLISHED.closeness],
    ['eigenvector', KARATE_PUBLISHED.eigenvector],
    ['k-core', KARATE_PUBLISHED.kCore],
  ] as const) {
    it(`${metric} matches the published values`, () => {
      const rows = computeMetric(karate, { metric, weight: 'none' }).rows;
      for (const [member, expected] of Object.entries(published)) {
        expect(rows.find((r) => r.slug === `m${member}`)!.value, `member ${member}`).toBeCloseTo(expected, 3);
      }
    });
  }

  it('ranks the two leaders first by betweenness, the instructor (1) above the president (34)', () => {
    const rows = computeMetric(karate, { metric: 'betweenness', weight: 'none' }).rows;
    expect(rows.slice(0, 2).map((r) => [r.slug, r.rank])).toEqual([['m1', 1], ['m34', 2]]);
  });

  it('finds the split: Louvain puts the instructor and the president in different communities', () => {
    const result = computeMetric(karate, { metric: 'communities', weight: 'none' });
    const community = (slug: string) => result.rows.find((r) => r.slug === slug)!.community;
    expect(community('m1')).not.toBe(community('m34'));
    expect(result.modularity).toBeGreaterThan(0.41);
    // A higher resolution finds more, smaller communities.
    const fine = computeMetric(karate, { metric: 'communities', weight: 'none', resolution: 3 });
    expect(fine.communityCount).toBeGreaterThan(result.communityCount!);
  });

  it('is deterministic: the same question gives the same communities', () => {
    const a = computeMetric(karate, { metric: 'communities', weight: 'strength' });
    const b = computeMetric(karate, { metric: 'communities', weight: 'strength' });
    expect(a.rows).toEqual(b.rows);
  });

  it('reads distance-like weights for closeness: strength 3 everywhere makes every path a third as long', () => {
    expect(valueOf(karate, 'closeness', 'actor:m1', 'strength').value).toBeCloseTo(3 * KARATE_PUBLISHED.closeness[1], 3);
  });

  it('estimates betweenness from sampled sources above the threshold and says so', () => {
    const all = computeMetric(karate, { metric: 'betweenness', weight: 'none', exactPathsUpTo: 10, pathSources: 34 });
    expect(all.method).toBe('sampled');
    // Every actor as a source: the estimate is graphology-metrics' exact value.
    const exact = computeMetric(karate, { metric: 'betweenness', weight: 'none' });
    for (const row of exact.rows) expect(all.rows.find((r) => r.id === row.id)!.value).toBeCloseTo(row.value, 9);
    const estimate = computeMetric(karate, { metric: 'betweenness', weight: 'none', exactPathsUpTo: 10, pathSources: 20 });
    expect(estimate.sources).toBe(20);
    expect(estimate.rows.slice(0, 2).map((r) => r.slug).sort()).toEqual(['m1', 'm34']);
    expect(describeMethod({ ...estimate, actors: estimate.rows.length })).toContain('Estimated from shortest paths out of 20 sampled actors of 34');
  });

  it('estimates closeness from sampled sources close to the exact value', () => {
    const all = computeMetric(karate, { metric: 'closeness', weight: 'none', exactPathsUpTo: 10, pathSources: 34 });
    expect(all.rows.find((r) => r.slug === 'm1')!.value).toBeCloseTo(KARATE_PUBLISHED.closeness[1], 3);
    const estimate = computeMetric(karate, { metric: 'closeness', weight: 'none', exactPathsUpTo: 10, pathSources: 25 });
    expect(estimate.rows.find((r) => r.slug === 'm1')!.value).toBeCloseTo(KARATE_PUBLISHED.closeness[1], 1);
  });
});

describe('the analysis graph', () => {
  const ties = [
    { source: 'actor:a', target: 'actor:b', strength: 2, confidence: 0.5 },
    { source: 'actor:b', target: 'actor:a', strength: 3, confidence: 0.5 },
    { source: 'actor:b', target: 'actor:c', strength: 5, confidence: 1 },
    { source: 'actor:c', target: 'actor:c', strength: 1, confidence: 1 },
  ];
  const ids = ['actor:a', 'actor:b', 'actor:c', 'actor:d'];

  it('merges parallel ties of either direction into one undirected link and keeps isolated actors', () => {
    const { graph } = buildAnalysisGraph(ids, ties, 'strength');
    expect(graph.type).toBe('undirected');
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(2);
    expect(graph.getEdgeAttribute(graph.edge('actor:a', 'actor:b')!, 'weight')).toBe(5);
    const ab = graph.edge('actor:a', 'actor:b')!;
    expect(linkDistance(ab, graph.getEdgeAttributes(ab))).toBeCloseTo(0.2);
  });

  it('weights by grade as the chance that at least one parallel tie holds, by both as Σ strength × p', () => {
    const weightAB = (mode: 'grade' | 'both' | 'none') => {
      const { graph } = buildAnalysisGraph(ids, ties, mode);
      return graph.getEdgeAttribute(graph.edge('actor:a', 'actor:b')!, 'weight');
    };
    expect(weightAB('grade')).toBeCloseTo(0.75);
    expect(weightAB('both')).toBeCloseTo(2.5);
    expect(weightAB('none')).toBe(1);
  });

  it('builds a resampled view from the prepared ties as from the kept ties alone, link order and weights included', () => {
    const many = [...ties, { source: 'actor:d', target: 'actor:a', strength: 4, confidence: 0.3 }, { source: 'actor:a', target: 'actor:x', strength: 1, confidence: 1 }];
    const prepared = prepareTies(ids, many);
    for (const mode of ['none', 'strength', 'grade', 'both'] as const) {
      for (const keep of [[1, 0, 1, 1, 1, 1], [0, 1, 0, 1, 1, 0], [1, 1, 1, 1, 1, 1]]) {
        const sampled = buildPreparedGraph(prepared, mode, keep);
        const alone = buildAnalysisGraph(ids, many.filter((_t, i) => keep[i]), mode);
        const links = (g: typeof sampled.graph) => g.mapEdges((_e, a, s, t) => [s, t, a.weight]);
        expect(links(sampled.graph)).toEqual(links(alone.graph));
        expect([...sampled.inDegree]).toEqual([...alone.inDegree]);
        expect([...sampled.outDegree]).toEqual([...alone.outDegree]);
      }
    }
    // A tie to an actor outside the view counts for neither end.
    expect(buildAnalysisGraph(ids, many, 'none').outDegree.get('actor:a')).toBe(1);
  });

  it('counts in- and out-degree by recorded direction, degree as all ties', () => {
    const input: AnalysisInput = { nodes: ids.map((id) => ({ id, slug: id.slice(6), label: id.slice(6) })), ties };
    expect(valueOf(input, 'in-degree', 'actor:c').value).toBe(2);
    expect(valueOf(input, 'out-degree', 'actor:b').value).toBe(2);
    expect(valueOf(input, 'degree', 'actor:b').value).toBe(3);
    expect(valueOf(input, 'weighted-degree', 'actor:b', 'strength').value).toBe(10);
    // Louvain runs on the mixed-direction ties without throwing, the isolated actor alone.
    const communities = computeMetric(input, { metric: 'communities', weight: 'strength' });
    expect(communities.rows.find((r) => r.id === 'actor:d')!.community).toBe(communities.communityCount);
  });

  it('turns grades into probabilities, the better grade the surer', () => {
    expect(gradeConfidence('A1')).toBe(1);
    expect(gradeConfidence('B2')).toBeCloseTo(0.81);
    expect(gradeConfidence('C3')).toBeGreaterThan(gradeConfidence('D4'));
    expect(gradeConfidence(null)).toBe(0.25);
  });
});

describe('ranks', () => {
  it('gives equal values one rank and skips the next', () => {
    expect([...rankValues(new Map([['a', 3], ['b', 5], ['c', 3], ['d', 1]]))]).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', 4]]);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st']);
  });
});

describe('robustness to weak evidence', () => {
  it('keeps every rank when every tie is certain', () => {
    const result = computeRobustness(karate, { metric: 'betweenness', weight: 'none', samples: 20 });
    const first = result.rows[0]!;
    expect([first.slug, first.rankLow, first.rankHigh, first.topShare]).toEqual(['m1', 1, 1, 1]);
  });

  it('widens the interval when ties are doubtful, and a leader of weak evidence falls out of the top 10 in some samples', () => {
    const shaky: AnalysisInput = { ...karate, ties: karate.ties.map((t) => ({ ...t, confidence: t.source === 'actor:m1' || t.target === 'actor:m1' ? 0.3 : 1 })) };
    const result = computeRobustness(shaky, { metric: 'betweenness', weight: 'none', samples: 100 });
    const instructor = result.rows.find((r) => r.slug === 'm1')!;
    expect(instructor.rankHigh).toBeGreaterThan(instructor.rankLow);
    expect(instructor.topShare).toBeLessThan(1);
    const president = result.rows.find((r) => r.slug === 'm34')!;
    expect(president.topShare).toBe(1);
    expect(result.samples).toBe(100);
  });

  it('estimates each sample from sampled sources when asked (large views), keeps the whole view exact, and says so', () => {
    const result = computeRobustness(karate, { metric: 'betweenness', weight: 'none', samples: 20, perSample: { exactPathsUpTo: 10, pathSources: 8 } });
    expect(result.method).toBe('exact');
    expect(result.sampleSources).toBe(8);
    expect(result.rows[0]!.slug).toBe('m1');
    expect(result.rows.find((r) => r.slug === 'm1')!.topShare).toBeGreaterThan(0.5);
    expect(computeRobustness(karate, { metric: 'betweenness', weight: 'none', samples: 5 }).sampleSources).toBeUndefined();
  });

  it('reports how often actors share a community across samples', () => {
    const shaky: AnalysisInput = { ...karate, ties: karate.ties.map((t) => ({ ...t, confidence: 0.6 })) };
    const result = computeRobustness(shaky, { metric: 'communities', weight: 'none', samples: 30 });
    const president = result.rows.find((r) => r.slug === 'm34')!;
    expect(president.together).toBeGreaterThan(0);
    expect(president.together).toBeLessThan(1);
    expect(president.partners?.length).toBe(3);
    expect(president.partners?.[0]?.share).toBeGreaterThan(0.5);
  });
});

// ../shared sits beside the checkout (../shared from /work/main), or beside the worktrees' folder.
const LES_MISERABLES_CANDIDATES = ['../..', '../../..'].map((up) =>
  path.resolve(__dirname, up, '../shared/datasets/sigma-les-miserables/les-miserables.json'),
);
const LES_MISERABLES = LES_MISERABLES_CANDIDATES.find((file) => existsSync(file)) ?? LES_MISERABLES_CANDIDATES[0]!;
const hasShared = existsSync(LES_MISERABLES);

describe.skipIf(!hasShared)('Les Misérables (../shared/datasets/sigma-les-miserables; skipped when ../shared is absent)', () => {
  interface Serialized {
    nodes: { key: string; attributes: { label: string } }[];
    edges: { source: string; target: string }[];
  }
  const load = (): AnalysisInput => {
    const data = JSON.parse(readFileSync(LES_MISERABLES, 'utf8')) as Serialized;
    return {
      nodes: data.nodes.map((n) => ({ id: n.key, slug: n.key, label: n.attributes.label })),
      ties: data.edges.map((e) => ({ source: e.source, target: e.target, strength: 1, confidence: 1 })),
    };
  };

  it('betweenness and closeness match networkx on the co-appearance network', () => {
    const input = load();
    const byLabel = (metric: Metric) => new Map(computeMetric(input, { metric, weight: 'none' }).rows.map((r) => [r.label, r.value]));
    const betweenness = byLabel('betweenness');
    expect(betweenness.get('Valjean')).toBeCloseTo(0.56999, 3);
    expect(betweenness.get('Myriel')).toBeCloseTo(0.17684, 3);
    expect(betweenness.get('Gavroche')).toBeCloseTo(0.16511, 3);
    const closeness = byLabel('closeness');
    expect(closeness.get('Valjean')).toBeCloseTo(0.64407, 3);
    expect(closeness.get('Marius')).toBeCloseTo(0.53147, 3);
  });
});

if (!hasShared) console.warn(`Les Misérables tests skipped: ${LES_MISERABLES} is absent (the ../shared datasets folder is not checked out).`);

describe("the map's address carries the analysis", () => {
  it('parses metric, weight, resolution and samples, and writes them back without defaults', async () => {
    const { parseGraphQuery, serializeGraphQuery } = await import('@/lib/validation/graph-queries');
    const parsed = parseGraphQuery({ metric: 'betweenness', weight: 'grade', resolution: '1.5', samples: '100' });
    expect(parsed.ok && parsed.view).toMatchObject({ metric: 'betweenness', weight: 'grade', resolution: 1.5, samples: 100 });
    if (!parsed.ok) return;
    expect(serializeGraphQuery(parsed.query, parsed.view).toString()).toBe('metric=betweenness&weight=grade&resolution=1.5&samples=100');
    const defaults = parseGraphQuery({ metric: 'pagerank', weight: 'none', resolution: '1' });
    expect(defaults.ok && serializeGraphQuery(defaults.query, defaults.view).toString()).toBe('metric=pagerank');
    const bad = parseGraphQuery({ metric: 'fame', samples: '5', resolution: '0' });
    expect(bad.ok ? [] : Object.keys(bad.fieldErrors).sort()).toEqual(['metric', 'resolution', 'samples']);
  });
});
