// The attributes every Powermap writer of a tabular or keyed format (GraphML keys, CSV columns)
// puts on actors and ties, declared once so the formats carry the same fields under the same
// names and a reader of one knows the other. Dates are written as precise as they are known
// ("2020", "2020-11", "2020-11-19", dateText), so reading them back keeps their precision.
import { dateText } from '../domain/dates';
import { TIE_TYPE_INFO } from '../domain/vocabulary';
import type { ViewEdge, ViewNode } from '../graph/types';

/** GraphML's attr.type names; CSV has no types and writes the values as text. */
export type ViewAttributeType = 'string' | 'int' | 'double' | 'boolean';

export interface ViewAttribute<T> {
  name: string;
  type: ViewAttributeType;
  /** null: the element has no value (no <data>, an empty cell). */
  value: (element: T) => string | number | boolean | null;
}

const orNull = (text: string) => (text === '' ? null : text);

/** An actor's fields, in the order files show them. */
export const NODE_ATTRIBUTES: readonly ViewAttribute<ViewNode>[] = [
  { name: 'label', type: 'string', value: (n) => n.label },
  { name: 'slug', type: 'string', value: (n) => n.slug },
  { name: 'kind', type: 'string', value: (n) => n.kind },
  { name: 'faction', type: 'string', value: (n) => n.faction },
  { name: 'summary', type: 'string', value: (n) => orNull(n.summary) },
  { name: 'start', type: 'string', value: (n) => orNull(dateText(n.start)) },
  { name: 'end', type: 'string', value: (n) => orNull(dateText(n.end)) },
  { name: 'x', type: 'double', value: (n) => n.x },
  { name: 'y', type: 'double', value: (n) => n.y },
];

/** The relation in words ("holds position in"), what other tools show as the edge's label. */
export const tieLabel = (edge: ViewEdge): string => TIE_TYPE_INFO[edge.type].label;

/** A tie's fields. `weight` repeats the strength under the name Gephi and yEd read as the edge's weight. */
export const EDGE_ATTRIBUTES: readonly ViewAttribute<ViewEdge>[] = [
  { name: 'label', type: 'string', value: tieLabel },
  { name: 'type', type: 'string', value: (e) => e.type },
  { name: 'category', type: 'string', value: (e) => e.category },
  { name: 'role', type: 'string', value: (e) => orNull(e.role) },
  { name: 'start', type: 'string', value: (e) => orNull(dateText(e.start)) },
  { name: 'end', type: 'string', value: (e) => orNull(dateText(e.end)) },
  { name: 'grade', type: 'string', value: (e) => e.grade },
  { name: 'claimCount', type: 'int', value: (e) => e.claimCount },
  { name: 'disputed', type: 'boolean', value: (e) => e.disputed },
  { name: 'strength', type: 'double', value: (e) => e.strength },
  { name: 'weight', type: 'double', value: (e) => e.strength },
];
