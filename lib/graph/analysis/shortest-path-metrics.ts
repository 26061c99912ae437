// Betweenness and closeness from single-source shortest paths. Exact values come from
// graphology-metrics itself (metrics.ts); this module covers what it does not: closeness over
// weighted distances, and both as estimates from a sample of source actors when a view is too
// large for all-pairs paths (Brandes & Pich, "Centrality estimation in large networks", 2007;
// Eppstein & Wang for closeness). The shortest paths themselves are graphology-shortest-path's
// indexed Brandes searches, the same ones graphology-metrics' betweenness runs.
import type Graph from 'graphology';
import type { LinkAttributes } from './analysis-graph';
import { createDijkstraIndexedBrandes, createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';

interface Index {
  nodes: string[];
  starts: ArrayLike<number>;
  neighborhood: ArrayLike<number>;
  weights?: ArrayLike<number>;
}
interface Stack {
  size: number;
  items: ArrayLike<number>;
  pop(): number | undefined;
  clear(): void;
}
type Search = ((source: number) => [Stack, number[][], ArrayLike<number>]) & { index: Index };

type Distance = ((edge: string, attributes: LinkAttributes) => number) | null;

function createSearch(graph: Graph, distance: Distance): Search {
  // The package's types put `index` on the factory; at run time it is on the search it returns.
  return (distance ? createDijkstraIndexedBrandes(graph, distance as unknown as (edge: string, attributes: Record<string, unknown>) => number) : createUnweightedIndexedBrandes(graph)) as unknown as Search;
}

/**
 * Betweenness accumulated from the given sources only, scaled by n / sources so the sum is an
 * unbiased estimate of the exact value, then normalised as graphology-metrics normalises
 * (1 / ((n − 1)(n − 2))), so exact and estimated values read on one scale.
 */
export function sampledBetweenness(graph: Graph, sources: readonly number[], distance: Distance): Map<string, number> {
  const search = createSearch(graph, distance);
  const n = graph.order;
  const delta = new Float64Array(n);
  const centrality = new Float64Array(n);
  for (const s of sources) {
    const [stack, predecessors, sigma] = search(s);
    delta.fill(0);
    while (stack.size !== 0) {
      const w = stack.pop()!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of predecessors[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== s) centrality[w]! += delta[w]!;
    }
  }
  const scale = (sources.length > 0 ? n / sources.length : 0) * (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1);
  return collect(search.index.nodes, centrality, scale);
}

/**
 * Closeness as Wasserman & Faust define it for graphs in pieces (networkx's default):
 * (r / (n − 1)) × (r / Σd), r the actors reached. With every actor as a source it is exact;
 * with a sample, distances from the sources stand in for distances to them (the graph is
 * undirected), so r and Σd are scaled from the sampled sources.
 */
export function closenessFromSources(graph: Graph, sources: readonly number[] | 'all', distance: Distance): Map<string, number> {
  const search = createSearch(graph, distance);
  const { starts, neighborhood, weights } = search.index;
  const n = graph.order;
  const dist = new Float64Array(n);
  const values = new Float64Array(n);
  const reached = new Float64Array(n);
  const total = new Float64Array(n);
  // The link's length, looked up from whichever end has fewer neighbours (hubs have thousands).
  const edgeLength = (from: number, to: number): number => {
    if (!weights) return 1;
    const [a, b] = starts[from + 1]! - starts[from]! <= starts[to + 1]! - starts[to]! ? [from, to] : [to, from];
    for (let j = starts[a]!; j < starts[a + 1]!; j++) if (neighborhood[j] === b) return weights[j]!;
    return Infinity;
  };
  const list = sources === 'all' ? Array.from({ length: n }, (_, i) => i) : sources;
  for (const s of list) {
    const [stack, predecessors] = search(s);
    // The stack holds actors in the order they were settled, so a predecessor's distance is known.
    dist[s] = 0;
    let count = 0;
    let sum = 0;
    for (let k = 1; k < stack.size; k++) {
      const w = stack.items[k]!;
      const p = predecessors[w]![0]!;
      dist[w] = dist[p]! + edgeLength(p, w);
      count += 1;
      sum += dist[w]!;
      if (sources !== 'all') {
        reached[w]! += 1;
        total[w]! += dist[w]!;
      }
    }
    stack.clear();
    if (sources === 'all') values[s] = sum > 0 && n > 1 ? (count / (n - 1)) * (count / sum) : 0;
  }
  if (sources !== 'all') {
    const k = list.length;
    for (let v = 0; v < n; v++) {
      // A source sees the others, not itself: its share of reach is out of k − 1 sources.
      const others = list.includes(v) ? k - 1 : k;
      if (others <= 0 || total[v]! === 0) continue;
      const reachShare = reached[v]! / others;
      values[v] = reachShare * (reached[v]! / total[v]!);
    }
  }
  return collect(search.index.nodes, values, 1);
}

function collect(nodes: readonly string[], values: ArrayLike<number>, scale: number): Map<string, number> {
  const result = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) result.set(nodes[i]!, values[i]! * scale);
  return result;
}
