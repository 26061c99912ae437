// Core numbers (the k of the deepest k-core each actor belongs to). graphology has no k-core,
// so this is Batagelj & Zaversnik's O(m) bucket algorithm ("An O(m) Algorithm for Cores
// Decomposition of Networks", 2003) over the analysis graph, counting distinct neighbours.
import type Graph from 'graphology';

export function coreNumbers(graph: Graph): Map<string, number> {
  const nodes = graph.nodes();
  const n = nodes.length;
  const position = new Map<string, number>();
  nodes.forEach((node, i) => position.set(node, i));
  const neighbours: number[][] = nodes.map((node) => graph.neighbors(node).map((m) => position.get(m)!));
  const degree = neighbours.map((list) => list.length);
  const maxDegree = degree.reduce((a, b) => Math.max(a, b), 0);
  // Bucket sort by degree: `order` holds vertices by degree, `start[d]` where degree d begins.
  const start = new Array<number>(maxDegree + 2).fill(0);
  for (const d of degree) start[d + 1]! += 1;
  for (let d = 1; d <= maxDegree + 1; d++) start[d]! += start[d - 1]!;
  const order = new Array<number>(n);
  const at = new Array<number>(n);
  const fill = start.slice();
  for (let v = 0; v < n; v++) {
    at[v] = fill[degree[v]!]!++;
    order[at[v]!] = v;
  }
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    for (const u of neighbours[v]!) {
      if (degree[u]! <= degree[v]!) continue;
      // Move u to the front of its bucket, then shrink its degree by one.
      const du = degree[u]!;
      const first = start[du]!;
      const w = order[first]!;
      if (u !== w) {
        order[at[u]!] = w;
        at[w] = at[u]!;
        order[first] = u;
        at[u] = first;
      }
      start[du]! += 1;
      degree[u] = du - 1;
    }
  }
  const cores = new Map<string, number>();
  nodes.forEach((node, i) => cores.set(node, degree[i]!));
  return cores;
}
