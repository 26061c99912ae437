// Undirected adjacency over a view, in a fixed order so searches over it are deterministic.
import type { GraphView } from './types';

export interface Step {
  edgeId: string;
  nodeId: string;
}

/**
 * Neighbours sorted by node id, then current ties before past ones, then tie id,
 * so the same view always yields the same answer and parallel ties prefer the current one.
 */
export function undirectedAdjacency(view: GraphView): Map<string, Step[]> {
  const nodeIds = new Set(view.nodes.map((node) => node.id));
  const steps = new Map<string, { step: Step; past: boolean }[]>();
  const add = (from: string, step: Step, past: boolean) => {
    const list = steps.get(from);
    if (list) list.push({ step, past });
    else steps.set(from, [{ step, past }]);
  };
  for (const edge of view.edges) {
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) continue;
    add(edge.source, { edgeId: edge.id, nodeId: edge.target }, edge.past);
    if (edge.target !== edge.source) add(edge.target, { edgeId: edge.id, nodeId: edge.source }, edge.past);
  }
  const adjacency = new Map<string, Step[]>();
  for (const [from, list] of steps) {
    list.sort(
      (a, b) =>
        compareText(a.step.nodeId, b.step.nodeId) ||
        Number(a.past) - Number(b.past) ||
        compareText(a.step.edgeId, b.step.edgeId),
    );
    adjacency.set(
      from,
      list.map((entry) => entry.step),
    );
  }
  return adjacency;
}

/** Code-point order: localeCompare would make results depend on the runtime's locale data. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
