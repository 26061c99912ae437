// The part of the network within a few ties of one actor.
import { undirectedAdjacency } from './adjacency';
import type { GraphView } from './types';

/** Distance in ties from the start node, ignoring direction, up to maxHops. */
export function hopDistances(view: GraphView, startNodeId: string, maxHops: number): Map<string, number> {
  const distances = new Map<string, number>();
  if (!view.nodes.some((node) => node.id === startNodeId)) return distances;
  const adjacency = undirectedAdjacency(view);
  distances.set(startNodeId, 0);
  let frontier = [startNodeId];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const nodeId of frontier) {
      for (const step of adjacency.get(nodeId) ?? []) {
        if (distances.has(step.nodeId)) continue;
        distances.set(step.nodeId, hop);
        next.push(step.nodeId);
      }
    }
    frontier = next;
  }
  return distances;
}

/**
 * Nodes within `hops` ties of the focus and every tie among them, including ties between two
 * nodes on the outer ring: they show how the focus's contacts relate to each other.
 * An unknown focus gives an empty view rather than the whole network.
 */
export function neighbourhood(view: GraphView, focusNodeId: string, hops: number): GraphView {
  const within = hopDistances(view, focusNodeId, hops);
  return {
    asOf: view.asOf,
    nodes: view.nodes.filter((node) => within.has(node.id)),
    edges: view.edges.filter((edge) => within.has(edge.source) && within.has(edge.target)),
  };
}
