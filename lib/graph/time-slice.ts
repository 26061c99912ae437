// The network as it stood on one day.
import type { GraphData, GraphNode, GraphView, TimeStatus, ViewEdge, ViewNode } from './types';
import { type PartialDate, periodEnd } from '../domain/dates';

export interface Dated {
  start: PartialDate | null;
  end: PartialDate | null;
}

/**
 * A start counts from the first day of its period (an "as of" start from its day: it had begun
 * by then, perhaps earlier); an end counts until the last day of its period, so a tie that ended
 * "2020" still holds on 31 Dec 2020. Missing dates never make a tie future or ended.
 */
export function tieStatusAt(edge: Dated, asOf: string): TimeStatus {
  if (edge.start && edge.start.date > asOf) return 'future';
  if (edge.end && periodEnd(edge.end) < asOf) return 'ended';
  return 'active';
}

/** Dead, dissolved or over by asOf. */
export function actorEndedAt(node: Pick<GraphNode, 'end'>, asOf: string): boolean {
  return node.end !== null && periodEnd(node.end) < asOf;
}

/** Not yet born or founded at asOf. */
export function actorNotYetAt(node: Pick<GraphNode, 'start'>, asOf: string): boolean {
  return node.start !== null && node.start.date > asOf;
}

/**
 * Drops what had not begun by asOf, and ended ties unless showEnded (then they stay, marked past).
 * Ended actors stay on the map, marked ended, and every tie they had counts as past: a minister's
 * post ends with his death even when no source recorded the post's end.
 */
export function sliceAt(graph: GraphData, asOf: string, showEnded: boolean): GraphView {
  const nodes: ViewNode[] = graph.nodes
    .filter((node) => !actorNotYetAt(node, asOf))
    .map((node) => ({ ...node, ended: actorEndedAt(node, asOf) }));
  const byId = new Map(nodes.map((node) => [node.id, node]));

  const edges: ViewEdge[] = [];
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    const status = tieStatusAt(edge, asOf);
    if (status === 'future') continue;
    const past = status === 'ended' || source.ended || target.ended;
    if (past && !showEnded) continue;
    edges.push({ ...edge, past });
  }
  return { asOf, nodes, edges };
}

/**
 * Every actor and tie, none dropped, marked as they stand on asOf: the whole network as one view
 * (an export of the whole database), with `ended` and `past` meaning what sliceAt's do.
 */
export function markAt(graph: GraphData, asOf: string): GraphView {
  const nodes: ViewNode[] = graph.nodes.map((node) => ({ ...node, ended: actorEndedAt(node, asOf) }));
  const ended = new Set(nodes.filter((n) => n.ended).map((n) => n.id));
  const edges: ViewEdge[] = graph.edges.map((edge) => ({
    ...edge,
    past: tieStatusAt(edge, asOf) === 'ended' || ended.has(edge.source) || ended.has(edge.target),
  }));
  return { asOf, nodes, edges };
}
