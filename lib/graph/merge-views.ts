// Several views of one network on one date as one: each actor and tie once, in id order. A large
// network's path search runs on the neighbourhoods of both ends together.
import { compareText } from './adjacency';
import type { GraphView, ViewEdge, ViewNode } from './types';

export function mergeViews(asOf: string, views: readonly GraphView[]): GraphView {
  const nodes = new Map<string, ViewNode>();
  const edges = new Map<string, ViewEdge>();
  for (const v of views) {
    for (const n of v.nodes) nodes.set(n.id, n);
    for (const e of v.edges) edges.set(e.id, e);
  }
  const byId = <T extends { id: string }>(a: T, b: T) => compareText(a.id, b.id);
  return { asOf, nodes: [...nodes.values()].sort(byId), edges: [...edges.values()].sort(byId) };
}
