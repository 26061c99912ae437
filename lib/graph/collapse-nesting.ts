// Compound nodes and collapsed parents, done on the elements before they reach Cytoscape: the
// expand-collapse extension loses or duplicates collapsed ties (its open issues #100 and #128),
// and a transform of plain data is one pure function that the map, exports and tests share.
import { compareGrades, isWeakGrade } from '../domain/grade';
import type { CytoscapeElements, EdgeElementData, NodeElementData } from './cytoscape-elements';
import type { NestingParents } from './nesting';

export interface NestedNodeData extends NodeElementData {
  /** Cytoscape's compound parent: the node this one is drawn inside. */
  parent?: string;
  /** Has children on this date (drawn as a box when expanded). */
  compound?: boolean;
  /** Collapsed: its descendants are hidden and their ties ride on it. */
  collapsed?: boolean;
  /** How many descendants a collapsed parent hides. */
  hiddenCount?: number;
}

export interface NestedEdgeData extends EdgeElementData {
  /** Stands for one or more ties of hidden descendants, redrawn between the visible ends. */
  aggregate?: boolean;
  /** The tie ids it stands for. */
  tieIds?: string[];
  aggregateCount?: number;
  /** "×4, best B2". */
  aggregateLabel?: string;
  /** What the overview's aggregated edges draw by (graph-style's edge[?aggregate]): the label and a width by count. */
  countLabel?: string;
  width?: number;
}

export interface NestedElements {
  nodes: { data: NestedNodeData; position?: { x: number; y: number } }[];
  edges: { data: NestedEdgeData }[];
}

const ACTOR_PREFIX = 'actor:';

/**
 * An aggregated tie's element id: `agg:<source slug>.<target slug>.<tie type>`. Slugs and tie types
 * hold no dot and no colon, so the id reads back unambiguously and sits in the address's `select=`
 * without escaping (lib/validation/graph-queries.ts checks it with parseAggregateEdgeId).
 */
export function aggregateEdgeId(source: string, target: string, type: string): string {
  return `agg:${source.slice(ACTOR_PREFIX.length)}.${target.slice(ACTOR_PREFIX.length)}.${type}`;
}

/** The ends (node ids) and tie type an aggregated tie's id names, or null for any other string. */
export function parseAggregateEdgeId(id: string): { source: string; target: string; type: string } | null {
  if (!id.startsWith('agg:')) return null;
  const parts = id.slice(4).split('.');
  if (parts.length !== 3 || parts.some((p) => p === '' || p.includes(':'))) return null;
  return { source: ACTOR_PREFIX + parts[0], target: ACTOR_PREFIX + parts[1], type: parts[2]! };
}

/** "×4, best B2", or "×4, ungraded" when none of the ties has a supporting claim. */
export function aggregateLabel(count: number, grade: string | null): string {
  return `×${count}, ${grade ? `best ${grade}` : 'ungraded'}`;
}

/** The better of two grades; null (ungraded) loses to any grade. */
function betterGrade(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareGrades(b, a) < 0 ? b : a;
}

/**
 * The node each of `present` is drawn as: itself, or its outermost collapsed ancestor (a collapsed
 * id with no child present hides nothing). Memoised, so deep chains cost one walk in all; `parents`
 * on the result are the present nodes with a present child.
 */
export function drawnAs(present: ReadonlySet<string>, parents: NestingParents, collapsed: ReadonlySet<string>): ((id: string) => string) & { parents: ReadonlySet<string> } {
  const hasChildren = new Set<string>();
  for (const [child, parent] of parents) if (present.has(child) && present.has(parent)) hasChildren.add(parent);
  const shownAs = new Map<string, string>();
  const representative = (id: string): string => {
    const known = shownAs.get(id);
    if (known !== undefined) return known;
    const parent = parents.get(id);
    let result = id;
    if (parent !== undefined && present.has(parent)) {
      const up = representative(parent);
      // An ancestor hides this node when it, or something above it, is collapsed.
      if (up !== parent || (collapsed.has(parent) && hasChildren.has(parent))) result = up;
    }
    shownAs.set(id, result);
    return result;
  };
  return Object.assign(representative, { parents: hasChildren as ReadonlySet<string> });
}

/**
 * The elements with `parent` set from the nesting, and every collapsed parent standing in for its
 * transitive descendants: their nodes leave, each of their ties is redrawn to the nearest visible
 * ancestor (the outermost collapsed one), ties that end up between one node and itself (a parent
 * and its own children) disappear, and ties redrawn onto the same source, target and type merge
 * into one aggregated edge carrying the count and the best grade. Ties between visible nodes pass
 * through untouched (the same objects), so the expanded map costs one pass.
 * A collapsed id that is not a parent on this date does nothing.
 */
export function collapseNesting(elements: CytoscapeElements, parents: NestingParents, collapsed: ReadonlySet<string>): NestedElements {
  const present = new Set<string>();
  for (const node of elements.nodes) present.add(node.data.id);

  const representative = drawnAs(present, parents, collapsed);
  const hasChildren = representative.parents;

  const hiddenCount = new Map<string, number>();
  const nodes: NestedElements['nodes'] = [];
  for (const node of elements.nodes) {
    const id = node.data.id;
    const shown = representative(id);
    if (shown !== id) {
      hiddenCount.set(shown, (hiddenCount.get(shown) ?? 0) + 1);
      continue;
    }
    const parent = parents.get(id);
    const isParent = hasChildren.has(id);
    if ((parent === undefined || !present.has(parent)) && !isParent) {
      nodes.push(node);
      continue;
    }
    const data: NestedNodeData = { ...node.data };
    if (parent !== undefined && present.has(parent)) data.parent = parent;
    if (isParent) {
      data.compound = true;
      if (collapsed.has(id)) data.collapsed = true;
    }
    nodes.push(node.position ? { data, position: node.position } : { data });
  }
  for (const node of nodes) {
    const count = hiddenCount.get(node.data.id);
    if (count !== undefined) node.data.hiddenCount = count;
  }

  const edges: NestedElements['edges'] = [];
  const merged = new Map<string, NestedEdgeData>();
  for (const edge of elements.edges) {
    const { source, target } = edge.data;
    const from = representative(source);
    const to = representative(target);
    if (from === source && to === target) {
      edges.push(edge);
      continue;
    }
    if (from === to) continue;
    const key = `${from}\u0000${to}\u0000${edge.data.type}`;
    const existing = merged.get(key);
    if (existing) {
      existing.tieIds!.push(edge.data.tieId);
      existing.aggregateCount! += 1;
      existing.claimCount += edge.data.claimCount;
      existing.noteCount += edge.data.noteCount;
      existing.strength = Math.max(existing.strength, edge.data.strength);
      existing.grade = betterGrade(existing.grade, edge.data.grade);
      // Still current when any tie it stands for is; disputed when any is.
      existing.past = existing.past && edge.data.past;
      existing.disputed = existing.disputed || edge.data.disputed;
      continue;
    }
    const e = edge.data;
    // Written out rather than spread: one object shape for every aggregate keeps this pass as cheap
    // as building the elements (bench/nesting-bench.ts).
    const data: NestedEdgeData = {
      id: aggregateEdgeId(from, to, e.type), tieId: e.tieId, source: from, target: to, type: e.type, interaction: e.interaction,
      category: e.category, role: e.role, start: e.start, startPrecision: e.startPrecision, startLabel: e.startLabel,
      end: e.end, endPrecision: e.endPrecision, endLabel: e.endLabel, strength: e.strength, grade: e.grade, weak: e.weak,
      disputed: e.disputed, claimCount: e.claimCount, noteCount: e.noteCount, past: e.past,
      aggregate: true, tieIds: [e.tieId], aggregateCount: 1, aggregateLabel: '', countLabel: '', width: 2,
    };
    merged.set(key, data);
    edges.push({ data });
  }
  for (const data of merged.values()) {
    data.weak = isWeakGrade(data.grade);
    data.aggregateLabel = aggregateLabel(data.aggregateCount!, data.grade);
    data.countLabel = data.aggregateLabel;
    data.width = Math.min(10, 2 + Math.log2(data.aggregateCount!));
  }
  return { nodes, edges };
}
