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
  for (const e of view.edges) {
    if (!present.has(e.source) || !present.has(e.target)) continue;
    ties.push({ source: e.source, target: e.target, strength: e.strength, confidence: gradeConfidence(e.grade) });
  }
  return ties;
}

/**
 * Builds the undirected simple weighted graph of a view's actors and ties (rules above). Every
 * actor of the view is a node, isolated or not, so each gets a value and a rank. `keep` chooses
 * which ties take part (the robustness mode passes a random draw); absent, all do.
 */
export function buildAnalysisGraph(
  nodeIds: readonly string[],
  ties: readonly AnalysisTie[],
  weight: WeightMode,
  keep?: (index: number) => boolean,
): AnalysisGraph {
  const graph = new Graph<Record<string, never>, LinkAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const inDegree = new Map<string, number>();
  const outDegree = new Map<string, number>();
  for (const id of nodeIds) {
    graph.addNode(id);
    inDegree.set(id, 0);
    outDegree.set(id, 0);
  }
  // For the grade weight, the product of (1 − p) over a pair's ties, turned into 1 − Π at the end.
  const doubt = weight === 'grade' ? new Map<string, number>() : null;
  for (let i = 0; i < ties.length; i++) {
    if (keep && !keep(i)) continue;
    const tie = ties[i]!;
    outDegree.set(tie.source, (outDegree.get(tie.source) ?? 0) + 1);
    inDegree.set(tie.target, (inDegree.get(tie.target) ?? 0) + 1);
    if (tie.source === tie.target) continue;
    const w = weight === 'strength' ? tie.strength : weight === 'both' ? tie.strength * tie.confidence : 1;
    const key = graph.edge(tie.source, tie.target);
    if (doubt) {
      const edge = key ?? graph.addEdge(tie.source, tie.target, { weight: 0 });
      doubt.set(edge, (doubt.get(edge) ?? 1) * (1 - tie.confidence));
      continue;
    }
    if (key === undefined) graph.addEdge(tie.source, tie.target, { weight: w });
    // Summed for strength and both; `none` keeps 1 (one link, however many ties).
    else if (weight !== 'none') graph.getEdgeAttributes(key).weight += w;
  }
  if (doubt) for (const [edge, d] of doubt) graph.getEdgeAttributes(edge).weight = 1 - d;
  return { graph, inDegree, outDegree };
}
