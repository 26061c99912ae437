// The graph the metrics run on, built from a view of the network (lib/graph/types GraphView).
// Why not graphology's own helpers: `toSimple` keeps only the first parallel tie's weight, and
// Louvain throws on a graph mixing directed and undirected ties. So this builds one undirected
// simple graph itself, with these rules (the panel and docs/api.md say the same):
// - Direction: ties are read as undirected for every metric but in- and out-degree, which count
//   ties by their recorded direction (source → target) from the view itself. Influence along a
//   tie of this network runs both ways (a member shapes the party as the party shapes them).
// - Parallel ties (two actors joined by several ties, e.g. member and donor) merge into one
//   link whose weight is: strength — the sum of the ties' strengths (1–5 each: more ties, more
//   bond); grade — the chance that at least one of them holds, 1 − Π(1 − p) with p from each
//   tie's grade (gradeConfidence); both — the sum of strength × p; none — 1.
// - Strength-like weights feed PageRank, eigenvector, weighted degree and Louvain; betweenness
//   and closeness need distances, so they read 1 / weight (a strong or sure tie is a short one).
// - Self-ties are dropped: they carry no brokerage and Louvain counts them oddly.
import Graph from 'graphology';
import { parseGrade } from '../../domain/grade';
import type { GraphView } from '../types';
import type { WeightMode } from './vocabulary';

/** How sure a reliability letter makes us; F ("cannot be judged") is a coin toss. */
const RELIABILITY_CONFIDENCE: Record<string, number> = { A: 1, B: 0.9, C: 0.75, D: 0.5, E: 0.25, F: 0.5 };
/** How sure a credibility digit makes us; 6 ("cannot be judged") is a coin toss. */
const CREDIBILITY_CONFIDENCE: Record<number, number> = { 1: 1, 2: 0.9, 3: 0.75, 4: 0.5, 5: 0.2, 6: 0.5 };
/** A tie no supporting claim backs: kept, but seldom believed. */
export const UNGRADED_CONFIDENCE = 0.25;

/**
 * The probability that a tie with this best grade is real, as the robustness mode samples it
 * and the grade weight counts it: reliability × credibility (A1 = 1, B2 = 0.81, C3 = 0.56, F6 = 0.25).
 */
export function gradeConfidence(grade: string | null): number {
  const parsed = parseGrade(grade);
  if (!parsed) return UNGRADED_CONFIDENCE;
  return (RELIABILITY_CONFIDENCE[parsed.reliability] ?? 0.5) * (CREDIBILITY_CONFIDENCE[parsed.credibility] ?? 0.5);
}

export interface LinkAttributes {
  /** Strength-like: larger is a tighter bond. Distance-like metrics read linkDistance. */
  weight: number;
}

/** Distance-like reading of a link for graphology's getEdgeWeight: 1 / weight (computed, not stored, to spare a pass over every link). */
export const linkDistance = (_edge: string, attributes: LinkAttributes): number => (attributes.weight > 0 ? 1 / attributes.weight : Number.MAX_VALUE);

export interface AnalysisGraph {
  graph: Graph<Record<string, never>, LinkAttributes>;
  /** Ties touching each actor, by recorded direction, counted before merging. */
  inDegree: Map<string, number>;
  outDegree: Map<string, number>;
}

/** Per-tie inputs the merge needs, read once from the view (the robustness mode reuses them). */
export interface AnalysisTie {
  source: string;
  target: string;
  strength: number;
  confidence: number;
}

export function analysisTies(view: GraphView): AnalysisTie[] {
  const present = new Set(view.nodes.map((n) => n.id));
  const ties: AnalysisTie[] = [];
  // A few dozen grades among 100,000 ties: each parsed once (this runs on the page's thread).
  const confidenceOf = new Map<string | null, number>();
  for (const e of view.edges) {
    if (!present.has(e.source) || !present.has(e.target)) continue;
    let confidence = confidenceOf.get(e.grade);
    if (confidence === undefined) confidenceOf.set(e.grade, (confidence = gradeConfidence(e.grade)));
    ties.push({ source: e.source, target: e.target, strength: e.strength, confidence });
  }
  return ties;
}

/**
 * A view's ties read once for building analysis graphs: actors as indices, and each tie's link
 * (the pair of actors it joins, parallel ties sharing one) found once, so that building a graph
 * (the whole view, or each of the robustness mode's resampled views) is arithmetic over arrays
 * plus graphology's addNode and addEdge, without a lookup of the pair in the graph per tie. The
 * per-sample lookups were a third of a resampled view's cost at 20,000 actors and 100,000 ties.
 */
export interface PreparedTies {
  nodeIds: readonly string[];
  ties: readonly AnalysisTie[];
  /** Per tie: its ends' indices in nodeIds, −1 when an end is not in the view. */
  source: Int32Array;
  target: Int32Array;
  /** Per tie: its link's index, −1 for a self-tie or a tie with an end outside the view. */
  link: Int32Array;
  links: number;
}

export function prepareTies(nodeIds: readonly string[], ties: readonly AnalysisTie[]): PreparedTies {
  const index = new Map<string, number>();
  nodeIds.forEach((id, i) => index.set(id, i));
  const n = nodeIds.length;
  const source = new Int32Array(ties.length);
  const target = new Int32Array(ties.length);
  const link = new Int32Array(ties.length);
  // A pair as one number (smaller index × n + larger): exact below 2^53, i.e. ~94 million actors.
  const linkOfPair = new Map<number, number>();
  for (let i = 0; i < ties.length; i++) {
    const tie = ties[i]!;
    const a = index.get(tie.source) ?? -1;
    const b = index.get(tie.target) ?? -1;
    source[i] = a;
    target[i] = b;
    if (a < 0 || b < 0 || a === b) {
      link[i] = -1;
      continue;
    }
    const pair = a < b ? a * n + b : b * n + a;
    let l = linkOfPair.get(pair);
    if (l === undefined) {
      l = linkOfPair.size;
      linkOfPair.set(pair, l);
    }
    link[i] = l;
  }
  return { nodeIds, ties, source, target, link, links: linkOfPair.size };
}

/**
 * Builds the undirected simple weighted graph of a view's actors and ties (rules above). Every
 * actor of the view is a node, isolated or not, so each gets a value and a rank; a tie with an end
 * outside the view is left out. `keep` chooses which ties take part (the robustness mode passes a
 * random draw, one flag per tie); absent, all do. Links are added in the order of their first kept
 * tie and weights summed in tie order, so a graph is the same whichever way it is asked for.
 */
export function buildAnalysisGraph(
  nodeIds: readonly string[],
  ties: readonly AnalysisTie[],
  weight: WeightMode,
  keep?: ArrayLike<boolean | number>,
): AnalysisGraph {
  return buildPreparedGraph(prepareTies(nodeIds, ties), weight, keep);
}

export function buildPreparedGraph(prepared: PreparedTies, weight: WeightMode, keep?: ArrayLike<boolean | number>): AnalysisGraph {
  const { nodeIds, ties, source, target, link, links } = prepared;
  const n = nodeIds.length;
  const ins = new Float64Array(n);
  const outs = new Float64Array(n);
  // Per link: the summed weight (strength, both), or the product of (1 − p) for grade, turned into 1 − Π.
  const grade = weight === 'grade';
  const accumulated = new Float64Array(links).fill(grade ? 1 : 0);
  // Per link, the first kept tie joining its pair (+1; 0 is none): the link is added in its place, its ends as that tie has them.
  const first = new Int32Array(links);
  const order: number[] = [];
  for (let i = 0; i < ties.length; i++) {
    if (keep && !keep[i]) continue;
    const a = source[i]!;
    const b = target[i]!;
    if (a < 0 || b < 0) continue;
    outs[a]! += 1;
    ins[b]! += 1;
    const l = link[i]!;
    if (l < 0) continue;
    if (first[l] === 0) {
      first[l] = i + 1;
      order.push(l);
    }
    const tie = ties[i]!;
    if (grade) accumulated[l]! *= 1 - tie.confidence;
    else accumulated[l]! += weight === 'strength' ? tie.strength : weight === 'both' ? tie.strength * tie.confidence : 0;
  }
  const graph = new Graph<Record<string, never>, LinkAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const inDegree = new Map<string, number>();
  const outDegree = new Map<string, number>();
  for (let v = 0; v < n; v++) {
    const id = nodeIds[v]!;
    graph.addNode(id);
    inDegree.set(id, ins[v]!);
    outDegree.set(id, outs[v]!);
  }
  for (const l of order) {
    // `none` keeps 1 (one link, however many ties).
    const w = weight === 'none' ? 1 : grade ? 1 - accumulated[l]! : accumulated[l]!;
    const i = first[l]! - 1;
    graph.addEdge(nodeIds[source[i]!]!, nodeIds[target[i]!]!, { weight: w });
  }
  return { graph, inDegree, outDegree };
}
