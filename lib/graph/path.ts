// How two actors are connected: the shortest chain of ties, and that chain in words.
import { TIE_TYPE_INFO } from '../domain/vocabulary';
import { undirectedAdjacency, type Step } from './adjacency';
import type { GraphView } from './types';
import { formatPartialDate } from '../domain/dates';

export interface GraphPath {
  /** From the first actor to the second, both included. */
  nodeIds: string[];
  /** edgeIds[i] joins nodeIds[i] and nodeIds[i + 1]. */
  edgeIds: string[];
}

/**
 * Fewest ties between two actors, ignoring direction (influence runs both ways along a tie).
 * Breadth-first over id-ordered neighbours, so equal-length paths always resolve the same way.
 * Null when either actor is not in the view or nothing connects them.
 */
export function shortestPath(view: GraphView, fromNodeId: string, toNodeId: string): GraphPath | null {
  const present = new Set(view.nodes.map((node) => node.id));
  if (!present.has(fromNodeId) || !present.has(toNodeId)) return null;
  if (fromNodeId === toNodeId) return { nodeIds: [fromNodeId], edgeIds: [] };

  const adjacency = undirectedAdjacency(view);
  const cameFrom = new Map<string, Step | null>([[fromNodeId, null]]);
  let frontier = [fromNodeId];
  while (frontier.length > 0 && !cameFrom.has(toNodeId)) {
    const next: string[] = [];
    for (const nodeId of frontier) {
      for (const step of adjacency.get(nodeId) ?? []) {
        if (cameFrom.has(step.nodeId)) continue;
        cameFrom.set(step.nodeId, { edgeId: step.edgeId, nodeId });
        next.push(step.nodeId);
      }
    }
    frontier = next;
  }
  if (!cameFrom.has(toNodeId)) return null;

  const nodeIds = [toNodeId];
  const edgeIds: string[] = [];
  for (let back = cameFrom.get(toNodeId); back; back = cameFrom.get(back.nodeId)) {
    edgeIds.push(back.edgeId);
    nodeIds.push(back.nodeId);
  }
  return { nodeIds: nodeIds.reverse(), edgeIds: edgeIds.reverse() };
}

/**
 * One line per tie, read in the tie's own direction whichever way the path walks it,
 * because "Tertel leads KGB" is the fact; "KGB leads Tertel" would be false.
 * Adds the role, and for a tie over by the view's date, when it ended.
 */
export function describePath(view: GraphView, path: GraphPath): string[] {
  const labels = new Map(view.nodes.map((node) => [node.id, node.label]));
  const edges = new Map(view.edges.map((edge) => [edge.id, edge]));
  const labelOf = (nodeId: string) => labels.get(nodeId) ?? nodeId.replace(/^actor:/, '');
  return path.edgeIds.map((edgeId) => {
    const edge = edges.get(edgeId);
    if (!edge) return `(tie ${edgeId} is not in this view)`;
    const notes: string[] = [];
    if (edge.role) notes.push(edge.role);
    if (edge.past) notes.push(edge.end ? `until ${formatPartialDate(edge.end)}` : 'ended');
    const sentence = `${labelOf(edge.source)} ${TIE_TYPE_INFO[edge.type].label} ${labelOf(edge.target)}`;
    return notes.length > 0 ? `${sentence} (${notes.join(', ')})` : sentence;
  });
}
