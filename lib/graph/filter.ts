// Narrowing a view by what the analyst asked to see.
import type { GraphQuery, GraphView } from './types';
import { gradeAtLeast } from '../domain/grade';

export type ViewFilter = Pick<GraphQuery, 'kinds' | 'factions' | 'types' | 'minGrade'>;

export interface FilterOptions {
  /** Nodes kept whatever their kind or faction, e.g. the focus of a neighbourhood. */
  keepNodeIds?: readonly string[];
}

/** An absent or empty list means "no constraint": the query parser never yields an empty one. */
function allows<T>(list: readonly T[] | undefined, value: T): boolean {
  return !list || list.length === 0 || list.includes(value);
}

/**
 * Kinds and factions choose nodes (their ties go with them), types and minGrade choose ties.
 * A node is never dropped just because it lost its ties: an isolated actor is still an answer.
 */
export function filterView(view: GraphView, q: ViewFilter, options: FilterOptions = {}): GraphView {
  const keep = new Set(options.keepNodeIds ?? []);
  const nodes = view.nodes.filter(
    (node) => keep.has(node.id) || (allows(q.kinds, node.kind) && allows(q.factions, node.faction)),
  );
  const nodeIds = new Set(nodes.map((node) => node.id));
  const edges = view.edges.filter(
    (edge) =>
      nodeIds.has(edge.source) &&
      nodeIds.has(edge.target) &&
      allows(q.types, edge.type) &&
      (q.minGrade === undefined || gradeAtLeast(edge.grade, q.minGrade)),
  );
  return { asOf: view.asOf, nodes, edges };
}
