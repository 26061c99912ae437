// Several explanatory chains between two actors: the k shortest loopless paths (Yen's algorithm)
// within a view, with the analyst's constraints: actors to avoid, hubs too connected to explain
// anything ("Belarus (the state)"), tie direction, tie types and a minimum grade.
//
// Written here rather than taken from graphology-shortest-path: that package has single shortest
// paths only (no k-shortest), and its searches take no set of excluded nodes and ties, which every
// spur search of Yen's algorithm needs, so it would mean copying or mutating the graph for each of
// up to k × length searches. The breadth-first search below is the one lib/graph/path.ts used
// (id-ordered neighbours, current ties first), so the first path is exactly shortestPath's.
import { gradeAtLeast } from '../domain/grade';
import type { TieType } from '../domain/vocabulary';
import { compareText } from './adjacency';
import type { GraphPath } from './path';
import type { GraphView, ViewEdge } from './types';

export const MAX_PATHS = 5;
export const DEFAULT_PATHS = 3;

export interface PathOptions {
  /** How many paths at most (1 to MAX_PATHS). */
  k?: number;
  /** Actor node ids no path may pass through (the two ends are never avoided). */
  avoid?: readonly string[];
  /** Actors with more ties than this are not passed through (the ends may still be hubs). */
  maxDegree?: number;
  /** Walk ties only from source to target ("A leads B" leads from A to B); default: either way. */
  directed?: boolean;
  /** Only ties of these types (absent or empty: every type). */
  types?: readonly TieType[];
  /** Only ties graded this well or better, like "B2". */
  minGrade?: string;
  /**
   * Ties of each actor beyond those the view holds (a neighbourhood cut on the server leaves out
   * a capped hub's weaker ties but counts them): added to the view's degree for maxDegree.
   */
  extraDegree?: ReadonlyMap<string, number>;
}

export interface FoundPath extends GraphPath {
  /** Number of ties. */
  length: number;
}

interface Step {
  edgeId: string;
  nodeId: string;
}

/** Ties each actor has in the view (a tie to itself counts once). */
export function viewDegrees(view: GraphView): Map<string, number> {
  const degree = new Map<string, number>();
  for (const edge of view.edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    if (edge.target !== edge.source) degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return degree;
}

/** A tie a path may walk under the options' tie types and grade (never a tie of an actor to itself). */
export function usable(edge: ViewEdge, options: PathOptions): boolean {
  if (options.types?.length && !options.types.includes(edge.type)) return false;
  if (options.minGrade !== undefined && !gradeAtLeast(edge.grade, options.minGrade)) return false;
  return edge.source !== edge.target;
}

/** Actors no path may pass through: the avoided and the hubs over maxDegree, never the two ends. */
export function excludedActors(view: GraphView, fromNodeId: string, toNodeId: string, options: PathOptions): Set<string> {
  const excluded = new Set(options.avoid ?? []);
  if (options.maxDegree !== undefined) {
    const degree = viewDegrees(view);
    for (const node of view.nodes) {
      const ties = (degree.get(node.id) ?? 0) + (options.extraDegree?.get(node.id) ?? 0);
      if (ties > options.maxDegree) excluded.add(node.id);
    }
  }
  excluded.delete(fromNodeId);
  excluded.delete(toNodeId);
  return excluded;
}

/** Steps out of each actor over the usable ties, in a fixed order: neighbour id, current before past, tie id. */
function adjacency(view: GraphView, options: PathOptions): Map<string, Step[]> {
  const present = new Set(view.nodes.map((n) => n.id));
  const lists = new Map<string, { step: Step; past: boolean }[]>();
  const add = (from: string, step: Step, past: boolean) => {
    const list = lists.get(from);
    if (list) list.push({ step, past });
    else lists.set(from, [{ step, past }]);
  };
  for (const edge of view.edges) {
    if (!present.has(edge.source) || !present.has(edge.target) || !usable(edge, options)) continue;
    add(edge.source, { edgeId: edge.id, nodeId: edge.target }, edge.past);
    if (!options.directed) add(edge.target, { edgeId: edge.id, nodeId: edge.source }, edge.past);
  }
  const result = new Map<string, Step[]>();
  for (const [from, list] of lists) {
    list.sort((a, b) => compareText(a.step.nodeId, b.step.nodeId) || Number(a.past) - Number(b.past) || compareText(a.step.edgeId, b.step.edgeId));
    // Parallel ties between the same two actors are one way through: the first (current, lowest id) stands for them.
    const seen = new Set<string>();
    result.set(
      from,
      list.filter((e) => !seen.has(e.step.nodeId) && Boolean(seen.add(e.step.nodeId))).map((e) => e.step),
    );
  }
  return result;
}

/** Fewest ties from `from` to `to`, never entering `blockedNodes` nor stepping along `blockedSteps` ("a|b"). */
function breadthFirst(
  steps: ReadonlyMap<string, Step[]>,
  from: string,
  to: string,
  blockedNodes: ReadonlySet<string>,
  blockedSteps: ReadonlySet<string>,
): GraphPath | null {
  if (from === to) return { nodeIds: [from], edgeIds: [] };
  const cameFrom = new Map<string, Step | null>([[from, null]]);
  let frontier = [from];
  while (frontier.length > 0 && !cameFrom.has(to)) {
    const next: string[] = [];
    for (const nodeId of frontier) {
      for (const step of steps.get(nodeId) ?? []) {
        if (cameFrom.has(step.nodeId) || blockedNodes.has(step.nodeId) || blockedSteps.has(`${nodeId}|${step.nodeId}`)) continue;
        cameFrom.set(step.nodeId, { edgeId: step.edgeId, nodeId });
        next.push(step.nodeId);
      }
    }
    frontier = next;
  }
  if (!cameFrom.has(to)) return null;
  const nodeIds = [to];
  const edgeIds: string[] = [];
  for (let back = cameFrom.get(to); back; back = cameFrom.get(back.nodeId)) {
    edgeIds.push(back.edgeId);
    nodeIds.push(back.nodeId);
  }
  return { nodeIds: nodeIds.reverse(), edgeIds: edgeIds.reverse() };
}

/** Shorter first; equal lengths in the order of their actors' ids, so answers never depend on input order. */
function comparePaths(a: GraphPath, b: GraphPath): number {
  if (a.edgeIds.length !== b.edgeIds.length) return a.edgeIds.length - b.edgeIds.length;
  for (let i = 0; i < a.nodeIds.length; i++) {
    const c = compareText(a.nodeIds[i]!, b.nodeIds[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

const found = (path: GraphPath): FoundPath => ({ ...path, length: path.edgeIds.length });

/**
 * Up to k shortest loopless paths from one actor to another (Yen, 1971), shortest first. Paths
 * differ by the actors they pass through; of parallel ties one stands for all. Empty when either
 * end is not in the view or nothing joins them under the constraints.
 */
export function kShortestPaths(view: GraphView, fromNodeId: string, toNodeId: string, options: PathOptions = {}): FoundPath[] {
  const k = Math.max(1, Math.min(MAX_PATHS, Math.floor(options.k ?? DEFAULT_PATHS)));
  const present = new Set(view.nodes.map((n) => n.id));
  if (!present.has(fromNodeId) || !present.has(toNodeId)) return [];
  if (fromNodeId === toNodeId) return [found({ nodeIds: [fromNodeId], edgeIds: [] })];

  const steps = adjacency(view, options);
  const excluded = excludedActors(view, fromNodeId, toNodeId, options);

  const first = breadthFirst(steps, fromNodeId, toNodeId, excluded, new Set());
  if (!first) return [];
  const accepted: GraphPath[] = [first];
  const candidates: GraphPath[] = [];
  const known = new Set([first.nodeIds.join(' ')]);

  while (accepted.length < k) {
    const previous = accepted[accepted.length - 1]!;
    for (let i = 0; i < previous.nodeIds.length - 1; i++) {
      const spur = previous.nodeIds[i]!;
      const rootNodes = previous.nodeIds.slice(0, i + 1);
      const rootKey = rootNodes.join(' ');
      // Leave the spur actor by no step an accepted path with the same root already took.
      const blockedSteps = new Set<string>();
      for (const path of accepted) {
        if (path.nodeIds.length > i + 1 && path.nodeIds.slice(0, i + 1).join(' ') === rootKey) blockedSteps.add(`${spur}|${path.nodeIds[i + 1]}`);
      }
      // Loopless: the rest of the path may not return to the root.
      const blockedNodes = new Set(excluded);
      for (const nodeId of rootNodes.slice(0, -1)) blockedNodes.add(nodeId);
      const rest = breadthFirst(steps, spur, toNodeId, blockedNodes, blockedSteps);
      if (!rest) continue;
      const candidate: GraphPath = {
        nodeIds: [...rootNodes.slice(0, -1), ...rest.nodeIds],
        edgeIds: [...previous.edgeIds.slice(0, i), ...rest.edgeIds],
      };
      const key = candidate.nodeIds.join(' ');
      if (known.has(key)) continue;
      known.add(key);
      candidates.push(candidate);
    }
    if (candidates.length === 0) break;
    candidates.sort(comparePaths);
    accepted.push(candidates.shift()!);
  }
  return accepted.map(found);
}
