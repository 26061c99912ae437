// The network as columns (typed arrays of day numbers and dictionary codes), and the view a
// query gives as masks over them. The map computes these once per network and then answers every
// change of date or filter with one pass over a few arrays, instead of rebuilding element data.
// buildView (build-view.ts) stays the definition of a view; viewMask must agree with it, and
// test/unit/graph-view-columns.test.ts holds them to that on the seed and on generated networks.
import { ACTOR_KINDS, FACTIONS, TIE_TYPES } from '../domain/vocabulary';
import { actorNodeId } from './build-view';
import type { GraphData, GraphQuery, GraphView, ViewEdge, ViewNode } from './types';
import { isoToDayNumber, type PartialDate, periodEnd, todayIso } from '../domain/dates';
import { gradeRank } from '../domain/grade';
import { UNGRADED } from './cap-hubs';

/** A missing start: begun for ever. A missing end: never over. */
export const OPEN_START = -2_147_483_648;
export const OPEN_END = 2_147_483_647;

export interface GraphColumns {
  nodeCount: number;
  edgeCount: number;
  /** `actor:slug` → row. */
  nodeIndex: Map<string, number>;
  /** Day number (days since 1970-01-01) of the first day the actor existed, or OPEN_START. */
  nodeStart: Int32Array;
  /** Day number of the last day of the period the actor ended in, or OPEN_END. */
  nodeEnd: Int32Array;
  /** Index into ACTOR_KINDS and FACTIONS. */
  nodeKind: Uint8Array;
  nodeFaction: Uint8Array;
  /** Node rows of the tie's ends; -1 for an end that is not in the network. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeStart: Int32Array;
  edgeEnd: Int32Array;
  /** Index into TIE_TYPES. */
  edgeType: Uint8Array;
  /** gradeCode: 0 for A1 up to 35 for F6 (lower is better), UNGRADED (cap-hubs) for none. */
  edgeGrade: Uint8Array;
  /** Undirected adjacency in compressed rows: the ties of node i are adjacencyEdges[adjacencyStart[i] .. adjacencyStart[i+1]). */
  adjacencyStart: Int32Array;
  adjacencyEdges: Int32Array;
}

/** Visibility of each row: HIDDEN, SHOWN, or SHOWN and marked (an ended actor, a past tie). */
export const HIDDEN = 0;
export const SHOWN = 1;
export const MARKED = 2;

export interface ViewMask {
  asOf: string;
  /** One byte per node row: HIDDEN, SHOWN or MARKED (ended at asOf). */
  nodes: Uint8Array;
  /** One byte per edge row: HIDDEN, SHOWN or MARKED (past at asOf). */
  edges: Uint8Array;
  nodeCount: number;
  edgeCount: number;
}

export function startDay(d: PartialDate | null): number {
  return d ? isoToDayNumber(d.date) : OPEN_START;
}

export function endDay(d: PartialDate | null): number {
  return d ? isoToDayNumber(periodEnd(d)) : OPEN_END;
}

/** gradeRank (0 = A1 … 35 = F6, as stored on each tie), UNGRADED for none. */
export function gradeCode(grade: string | null): number {
  return gradeRank(grade) ?? UNGRADED;
}

/** Builds the compressed adjacency from the ends of each edge (shared with the map's payload reader). */
export function adjacencyOf(nodeCount: number, edgeSource: Int32Array, edgeTarget: Int32Array): Pick<GraphColumns, 'adjacencyStart' | 'adjacencyEdges'> {
  const degree = new Int32Array(nodeCount + 1);
  const edgeCount = edgeSource.length;
  for (let e = 0; e < edgeCount; e++) {
    const s = edgeSource[e]!;
    const t = edgeTarget[e]!;
    if (s < 0 || t < 0) continue;
    degree[s + 1]! += 1;
    if (t !== s) degree[t + 1]! += 1;
  }
  for (let i = 0; i < nodeCount; i++) degree[i + 1]! += degree[i]!;
  const adjacencyStart = degree;
  const fill = adjacencyStart.slice(0, nodeCount);
  const adjacencyEdges = new Int32Array(adjacencyStart[nodeCount]!);
  for (let e = 0; e < edgeCount; e++) {
    const s = edgeSource[e]!;
    const t = edgeTarget[e]!;
    if (s < 0 || t < 0) continue;
    adjacencyEdges[fill[s]!++] = e;
    if (t !== s) adjacencyEdges[fill[t]!++] = e;
  }
  return { adjacencyStart, adjacencyEdges };
}

export function graphColumns(graph: GraphData): GraphColumns {
  const nodeCount = graph.nodes.length;
  const edgeCount = graph.edges.length;
  const nodeIndex = new Map<string, number>();
  const nodeStart = new Int32Array(nodeCount);
  const nodeEnd = new Int32Array(nodeCount);
  const nodeKind = new Uint8Array(nodeCount);
  const nodeFaction = new Uint8Array(nodeCount);
  graph.nodes.forEach((node, i) => {
    nodeIndex.set(node.id, i);
    nodeStart[i] = startDay(node.start);
    nodeEnd[i] = endDay(node.end);
    nodeKind[i] = ACTOR_KINDS.indexOf(node.kind);
    nodeFaction[i] = FACTIONS.indexOf(node.faction);
  });
  const edgeSource = new Int32Array(edgeCount);
  const edgeTarget = new Int32Array(edgeCount);
  const edgeStart = new Int32Array(edgeCount);
  const edgeEnd = new Int32Array(edgeCount);
  const edgeType = new Uint8Array(edgeCount);
  const edgeGrade = new Uint8Array(edgeCount);
  graph.edges.forEach((edge, e) => {
    edgeSource[e] = nodeIndex.get(edge.source) ?? -1;
    edgeTarget[e] = nodeIndex.get(edge.target) ?? -1;
    edgeStart[e] = startDay(edge.start);
    edgeEnd[e] = endDay(edge.end);
    edgeType[e] = TIE_TYPES.indexOf(edge.type);
    edgeGrade[e] = gradeCode(edge.grade);
  });
  return {
    nodeCount,
    edgeCount,
    nodeIndex,
    nodeStart,
    nodeEnd,
    nodeKind,
    nodeFaction,
    edgeSource,
    edgeTarget,
    edgeStart,
    edgeEnd,
    edgeType,
    edgeGrade,
    ...adjacencyOf(nodeCount, edgeSource, edgeTarget),
  };
}

/** A lookup table by code (256 long, so no code falls outside it): an absent or empty list allows everything. */
function allowed(vocabulary: readonly string[], chosen: readonly string[] | undefined): Uint8Array {
  const table = new Uint8Array(256).fill(1);
  if (chosen && chosen.length > 0) table.fill(0).forEach((_, i) => (table[i] = i < vocabulary.length && chosen.includes(vocabulary[i]!) ? 1 : 0));
  return table;
}

/**
 * What buildView(graph, q, today) shows, as masks: the same date slice, filters and
 * neighbourhood, step for step, over columns. Linear in the network's size, no allocation per row.
 */
export function viewMask(columns: GraphColumns, q: GraphQuery, today: string = todayIso()): ViewMask {
  const asOf = q.asOf ?? today;
  const day = isoToDayNumber(asOf);
  const { nodeCount, edgeCount } = columns;
  const nodes = new Uint8Array(nodeCount);
  const edges = new Uint8Array(edgeCount);
  const focus = q.focus ? columns.nodeIndex.get(actorNodeId(q.focus)) : undefined;
  const kinds = allowed(ACTOR_KINDS, q.kinds);
  const factions = allowed(FACTIONS, q.factions);
  const types = allowed(TIE_TYPES, q.types);
  const minGrade = q.minGrade === undefined ? UNGRADED : gradeCode(q.minGrade);
  const gradeFilter = q.minGrade !== undefined;

  // Slice (begun by asOf; ended marked) and kind/faction filters; the focus survives the filters.
  for (let i = 0; i < nodeCount; i++) {
    if (columns.nodeStart[i]! > day) continue;
    if (i !== focus && !(kinds[columns.nodeKind[i]!] && factions[columns.nodeFaction[i]!])) continue;
    nodes[i] = columns.nodeEnd[i]! < day ? MARKED : SHOWN;
  }
  for (let e = 0; e < edgeCount; e++) {
    const s = columns.edgeSource[e]!;
    const t = columns.edgeTarget[e]!;
    if (s < 0 || t < 0 || nodes[s] === HIDDEN || nodes[t] === HIDDEN) continue;
    if (columns.edgeStart[e]! > day) continue;
    const past = columns.edgeEnd[e]! < day || nodes[s] === MARKED || nodes[t] === MARKED;
    if (past && !q.showEnded) continue;
    if (!types[columns.edgeType[e]!]) continue;
    if (gradeFilter && columns.edgeGrade[e]! > minGrade) continue;
    edges[e] = past ? MARKED : SHOWN;
  }

  if (q.focus !== undefined) {
    // Breadth-first from the focus over the ties still shown; nothing when the focus is not.
    const within = new Uint8Array(nodeCount);
    if (focus !== undefined && nodes[focus] !== HIDDEN) {
      within[focus] = 1;
      let frontier = [focus];
      for (let hop = 1; hop <= q.hops && frontier.length > 0; hop++) {
        const next: number[] = [];
        for (const n of frontier) {
          for (let k = columns.adjacencyStart[n]!; k < columns.adjacencyStart[n + 1]!; k++) {
            const e = columns.adjacencyEdges[k]!;
            if (edges[e] === HIDDEN) continue;
            const other = columns.edgeSource[e] === n ? columns.edgeTarget[e]! : columns.edgeSource[e]!;
            if (within[other]) continue;
            within[other] = 1;
            next.push(other);
          }
        }
        frontier = next;
      }
    }
    for (let i = 0; i < nodeCount; i++) if (!within[i]) nodes[i] = HIDDEN;
    for (let e = 0; e < edgeCount; e++) if (edges[e] !== HIDDEN && !(within[columns.edgeSource[e]!] && within[columns.edgeTarget[e]!])) edges[e] = HIDDEN;
  }

  let shownNodes = 0;
  let shownEdges = 0;
  for (let i = 0; i < nodeCount; i++) if (nodes[i]) shownNodes++;
  for (let e = 0; e < edgeCount; e++) if (edges[e]) shownEdges++;
  return { asOf, nodes, edges, nodeCount: shownNodes, edgeCount: shownEdges };
}

/**
 * Turns masks back into a GraphView equal to buildView's, reusing one object per row and flag,
 * so the panels beside the map get plain views without an allocation per element per change.
 */
export function createViewMaterialiser(graph: GraphData): (mask: ViewMask) => GraphView {
  const nodeObjects: (ViewNode | undefined)[] = new Array(graph.nodes.length * 2);
  const edgeObjects: (ViewEdge | undefined)[] = new Array(graph.edges.length * 2);
  return (mask) => {
    const nodes: ViewNode[] = [];
    const edges: ViewEdge[] = [];
    for (let i = 0; i < mask.nodes.length; i++) {
      const state = mask.nodes[i]!;
      if (state === HIDDEN) continue;
      const slot = i * 2 + (state === MARKED ? 1 : 0);
      nodes.push((nodeObjects[slot] ??= { ...graph.nodes[i]!, ended: state === MARKED }));
    }
    for (let e = 0; e < mask.edges.length; e++) {
      const state = mask.edges[e]!;
      if (state === HIDDEN) continue;
      const slot = e * 2 + (state === MARKED ? 1 : 0);
      edges.push((edgeObjects[slot] ??= { ...graph.edges[e]!, past: state === MARKED }));
    }
    return { asOf: mask.asOf, nodes, edges };
  };
}
