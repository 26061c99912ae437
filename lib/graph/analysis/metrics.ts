// Metrics and communities of a view: the one function the map's worker, GET /api/graph/metrics
// and other panels (a concentric layout by metric) call. The algorithms are graphology's
// (graphology-metrics, graphology-communities-louvain, graphology-shortest-path); what is ours is
// the graph they run on (analysis-graph.ts), the estimate for large views (shortest-path-metrics.ts),
// k-core (k-core.ts, which graphology lacks), and the ranking.
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector';
import pagerank from 'graphology-metrics/centrality/pagerank';
import louvain from 'graphology-communities-louvain';
import type { GraphView } from '../types';
import { analysisTies, buildPreparedGraph, linkDistance, prepareTies, type AnalysisGraph, type AnalysisTie, type PreparedTies } from './analysis-graph';
import { coreNumbers } from './k-core';
import { seededRandom, sampleIndices, DEFAULT_SEED } from './random';
import { DEFAULT_RESOLUTION, EXACT_PATHS_UP_TO, PATH_SOURCES, type Metric, type WeightMode } from './vocabulary';
import { closenessFromSources, sampledBetweenness } from './shortest-path-metrics';

export interface AnalysisNode {
  id: string;
  slug: string;
  label: string;
}

/** What a metric needs of a view, small enough to post to a worker. */
export interface AnalysisInput {
  nodes: AnalysisNode[];
  ties: AnalysisTie[];
}

export function analysisInput(view: GraphView): AnalysisInput {
  return { nodes: view.nodes.map(({ id, slug, label }) => ({ id, slug, label })), ties: analysisTies(view) };
}

export interface MetricOptions {
  metric: Metric;
  weight: WeightMode;
  /** Louvain's resolution: above 1 finds more, smaller communities. */
  resolution?: number;
  seed?: number;
  /** Tests and benches move the switch to estimates; callers leave the default. */
  exactPathsUpTo?: number;
  pathSources?: number;
}

export interface MetricRow extends AnalysisNode {
  value: number;
  /** 1 is the highest value; equal values share a rank ("1, 2, 2, 4"). */
  rank: number;
  /** Communities only: 1 is the largest. */
  community?: number;
}

export interface MetricResult {
  metric: Metric;
  weight: WeightMode;
  /** Rows by rank, then by label. */
  rows: MetricRow[];
  /** 'sampled' when betweenness or closeness was estimated from `sources` of the view's actors. */
  method: 'exact' | 'sampled';
  sources?: number;
  /** Communities only. */
  communityCount?: number;
  modularity?: number;
  resolution?: number;
}

/** The values alone, keyed by node id (the robustness mode calls this once per sample). */
export interface MetricValues {
  values: Map<string, number>;
  method: 'exact' | 'sampled';
  sources?: number;
  communityCount?: number;
  modularity?: number;
}

export function metricValues(nodeIds: readonly string[], analysis: AnalysisGraph, options: MetricOptions): MetricValues {
  const { graph } = analysis;
  const weighted = options.weight !== 'none';
  const seed = options.seed ?? DEFAULT_SEED;
  const fromRecord = (record: Record<string, number>) => ({ values: new Map(Object.entries(record)), method: 'exact' as const });
  switch (options.metric) {
    case 'degree':
      return { values: new Map(nodeIds.map((id) => [id, analysis.inDegree.get(id)! + analysis.outDegree.get(id)!])), method: 'exact' };
    case 'in-degree':
      return { values: new Map(analysis.inDegree), method: 'exact' };
    case 'out-degree':
      return { values: new Map(analysis.outDegree), method: 'exact' };
    case 'weighted-degree': {
      const values = new Map<string, number>(nodeIds.map((id) => [id, 0]));
      graph.forEachEdge((_edge, attributes, source, target) => {
        values.set(source, values.get(source)! + attributes.weight);
        values.set(target, values.get(target)! + attributes.weight);
      });
      return { values, method: 'exact' };
    }
    case 'betweenness':
    case 'closeness': {
      const distance = weighted ? linkDistance : null;
      if (graph.order > (options.exactPathsUpTo ?? EXACT_PATHS_UP_TO)) {
        const sources = sampleIndices(graph.order, options.pathSources ?? PATH_SOURCES, seededRandom(seed));
        const values = options.metric === 'betweenness' ? sampledBetweenness(graph, sources, distance) : closenessFromSources(graph, sources, distance);
        return { values, method: 'sampled', sources: sources.length };
      }
      if (options.metric === 'betweenness') return fromRecord(betweennessCentrality(graph, { getEdgeWeight: distance, normalized: true }));
      if (!weighted) return fromRecord(closenessCentrality(graph, { wassermanFaust: true }));
      return { values: closenessFromSources(graph, 'all', distance), method: 'exact' };
    }
    case 'pagerank':
      return fromRecord(pagerank(graph, { getEdgeWeight: weighted ? 'weight' : null, alpha: 0.85, maxIterations: 1000, tolerance: 1e-6 }));
    case 'eigenvector':
      return fromRecord(eigenvectorCentrality(graph, { getEdgeWeight: weighted ? 'weight' : null, maxIterations: 1000, tolerance: 1e-6 }));
    case 'k-core':
      return { values: coreNumbers(graph), method: 'exact' };
    case 'communities': {
      const detailed = louvain.detailed(graph, {
        getEdgeWeight: weighted ? 'weight' : null,
        resolution: options.resolution ?? DEFAULT_RESOLUTION,
        rng: seededRandom(seed),
      });
      return { values: numberBySize(detailed.communities), method: 'exact', communityCount: detailed.count, modularity: detailed.modularity };
    }
  }
}

/** Louvain's labels renumbered 1, 2, … from the largest community down (ties: first member's id). */
function numberBySize(labels: Record<string, number>): Map<string, number> {
  const members = new Map<number, string[]>();
  for (const [id, label] of Object.entries(labels)) {
    const list = members.get(label);
    if (list) list.push(id);
    else members.set(label, [id]);
  }
  const ordered = [...members.values()]
    .map((ids) => ids.sort())
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const numbers = new Map<string, number>();
  ordered.forEach((ids, i) => ids.forEach((id) => numbers.set(id, i + 1)));
  return numbers;
}

const RELATIVE_EQUAL = 1e-9;

/** Competition ranks by value, highest first; values within rounding of each other tie. */
export function rankValues(values: ReadonlyMap<string, number>): Map<string, number> {
  const ordered = [...values].sort((a, b) => b[1] - a[1]);
  const ranks = new Map<string, number>();
  let previous = Number.NaN;
  let rank = 0;
  ordered.forEach(([id, value], i) => {
    if (!(Math.abs(value - previous) <= RELATIVE_EQUAL * Math.max(1, Math.abs(value)))) rank = i + 1;
    previous = value;
    ranks.set(id, rank);
  });
  return ranks;
}

/** The metric over a view's actors, as ranked rows; `prepared`: the view's ties already read (the robustness mode reads them once for every sample). */
export function computeMetric(input: AnalysisInput, options: MetricOptions, prepared?: PreparedTies): MetricResult {
  const nodeIds = input.nodes.map((n) => n.id);
  const analysis = buildPreparedGraph(prepared ?? prepareTies(nodeIds, input.ties), options.weight);
  const computed = metricValues(nodeIds, analysis, options);
  const isCommunities = options.metric === 'communities';
  const ranks = isCommunities ? communityRanks(computed.values) : rankValues(computed.values);
  const rows: MetricRow[] = input.nodes.map((node) => {
    const value = computed.values.get(node.id) ?? 0;
    const row: MetricRow = { ...node, value, rank: ranks.get(node.id) ?? input.nodes.length };
    if (isCommunities) row.community = value;
    return row;
  });
  // Code-point order within a rank: localeCompare over 20,000 rows costs more than some metrics.
  rows.sort((a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : 1));
  const result: MetricResult = { metric: options.metric, weight: options.weight, rows, method: computed.method };
  if (computed.sources !== undefined) result.sources = computed.sources;
  if (isCommunities) {
    result.communityCount = computed.communityCount ?? 0;
    result.modularity = computed.modularity ?? 0;
    result.resolution = options.resolution ?? DEFAULT_RESOLUTION;
  }
  return result;
}

/** For communities a rank says which bloc: members of the largest share rank 1, the next bloc's the rank after them. */
function communityRanks(numbers: ReadonlyMap<string, number>): Map<string, number> {
  const sizes = new Map<number, number>();
  for (const c of numbers.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const firstRank = new Map<number, number>();
  let next = 1;
  for (const c of [...sizes.keys()].sort((a, b) => a - b)) {
    firstRank.set(c, next);
    next += sizes.get(c)!;
  }
  return new Map([...numbers].map(([id, c]) => [id, firstRank.get(c)!]));
}

/** Convenience for callers holding a view (a layout by metric): node id → value. */
export function metricByNode(view: GraphView, options: MetricOptions): Map<string, number> {
  return new Map(computeMetric(analysisInput(view), options).rows.map((row) => [row.id, row.value]));
}

