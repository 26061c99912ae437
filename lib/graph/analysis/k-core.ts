// Core numbers (the k of the deepest k-core each actor belongs to). graphology has no k-core,
// so this is Batagelj & Zaversnik's O(m) bucket algorithm ("An O(m) Algorithm for Cores
// Decomposition of Networks", 2003) over the analysis graph, counting distinct neighbours.
import type Graph from 'graphology';

export function coreNumbers(graph: Graph): Map<string, number> {
  const nodes = graph.nodes();
  const n = nodes.length;
  const position = new Map<string, number>();
  nodes.forEach((node, i) => position.set(node, i));
  // Neighbour lists packed in one typed array (offsets[v]..offsets[v + 1]): at 20,000 actors an
  // array per actor cost more than the decomposition itself. forEachNeighbor visits each distinct
  // neighbour once, whatever the ties' directions.
  const offsets = new Int32Array(n + 1);
  const packed: number[] = [];
  for (let v = 0; v < n; v++) {
    graph.forEachNeighbor(nodes[v]!, (neighbour) => {
      packed.push(position.get(neighbour)!);
    });
    offsets[v + 1] = packed.length;
  }
  const adjacent = Int32Array.from(packed);
  const degree = new Int32Array(n);
  for (let v = 0; v < n; v++) degree[v] = offsets[v + 1]! - offsets[v]!;
  let maxDegree = 0;
  for (let v = 0; v < n; v++) if (degree[v]! > maxDegree) maxDegree = degree[v]!;
  // Bucket sort by degree: `order` holds vertices by degree, `start[d]` where degree d begins.
  const start = new Array<number>(maxDegree + 2).fill(0);
  for (const d of degree) start[d + 1]! += 1;
  for (let d = 1; d <= maxDegree + 1; d++) start[d]! += start[d - 1]!;
  const order = new Int32Array(n);
  const at = new Int32Array(n);
  const fill = start.slice();
  for (let v = 0; v < n; v++) {
    at[v] = fill[degree[v]!]!++;
    order[at[v]!] = v;
  }
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const u = adjacent[j]!;
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
