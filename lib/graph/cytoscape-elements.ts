// A view as Cytoscape JSON: the one adapter from Powermap's graph model to Cytoscape's element
// format, used by GET /api/graph, the map, the ego network and the map's JSON export.
// Data values are flat strings, numbers and booleans (plus the names list) because Cytoscape
// desktop turns every data key into a table column and does not read nested objects.
import { ACTOR_KIND_LABELS, FACTION_LABELS, TIE_TYPE_INFO } from '../domain/vocabulary';
import type { GraphView, ViewEdge, ViewNode } from './types';
import { formatPartialDate, type PartialDate } from '../domain/dates';
import { isWeakGrade } from '../domain/grade';

export interface NodeElementData {
  id: string;
  slug: string;
  label: string;
  /** Cytoscape desktop labels nodes by `name`. */
  name: string;
  kind: ViewNode['kind'];
  kindLabel: string;
  faction: ViewNode['faction'];
  factionLabel: string;
  summary: string;
  names: string[];
  start: string | null;
  startPrecision: string | null;
  end: string | null;
  endPrecision: string | null;
  /** Dead, dissolved or over at the view's date. */
  ended: boolean;
  /** The label as drawn: a dagger marks an actor that died or was dissolved (not a past event). */
  displayLabel: string;
}

export interface EdgeElementData {
  id: string;
  tieId: string;
  source: string;
  target: string;
  type: ViewEdge['type'];
  /** Cytoscape desktop's edge column for the relation, in words: "holds position in". */
  interaction: string;
  category: ViewEdge['category'];
  role: string;
  start: string | null;
  startPrecision: string | null;
  startLabel: string;
  end: string | null;
  endPrecision: string | null;
  endLabel: string;
  strength: number;
  grade: string | null;
  /** Ungraded, or graded below the weak threshold: drawn faded. */
  weak: boolean;
  disputed: boolean;
  claimCount: number;
  noteCount: number;
  /** Over by the view's date: drawn dashed. */
  past: boolean;
}

export interface CytoscapeElements {
  nodes: { data: NodeElementData; position?: { x: number; y: number } }[];
  edges: { data: EdgeElementData }[];
}

function flatDate(d: PartialDate | null): { value: string | null; precision: string | null; label: string } {
  return d ? { value: d.date, precision: d.precision, label: formatPartialDate(d) } : { value: null, precision: null, label: '' };
}

export function nodeElementData(node: ViewNode): NodeElementData {
  return {
    id: node.id,
    slug: node.slug,
    label: node.label,
    name: node.label,
    kind: node.kind,
    kindLabel: ACTOR_KIND_LABELS[node.kind],
    faction: node.faction,
    factionLabel: FACTION_LABELS[node.faction],
    summary: node.summary,
    names: node.names,
    start: node.start?.date ?? null,
    startPrecision: node.start?.precision ?? null,
    end: node.end?.date ?? null,
    endPrecision: node.end?.precision ?? null,
    ended: node.ended,
    displayLabel: node.ended && node.kind !== 'event' ? `${node.label} †` : node.label,
  };
}

export function edgeElementData(edge: ViewEdge): EdgeElementData {
  const start = flatDate(edge.start);
  const end = flatDate(edge.end);
  return {
    id: edge.id,
    tieId: edge.tieId,
    source: edge.source,
    target: edge.target,
    type: edge.type,
    interaction: TIE_TYPE_INFO[edge.type].label,
    category: edge.category,
    role: edge.role,
    start: start.value,
    startPrecision: start.precision,
    startLabel: start.label,
    end: end.value,
    endPrecision: end.precision,
    endLabel: end.label,
    strength: edge.strength,
    grade: edge.grade,
    weak: isWeakGrade(edge.grade),
    disputed: edge.disputed,
    claimCount: edge.claimCount,
    noteCount: edge.noteCount,
    past: edge.past,
  };
}

/** The view's elements; stored positions ride along where they exist. */
export function toCytoscapeElements(view: GraphView): CytoscapeElements {
  return {
    nodes: view.nodes.map((node) => {
      const data = nodeElementData(node);
      return node.x !== null && node.y !== null ? { data, position: { x: node.x, y: node.y } } : { data };
    }),
    edges: view.edges.map((edge) => ({ data: edgeElementData(edge) })),
  };
}
