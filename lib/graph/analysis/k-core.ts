// Core numbers (the k of the deepest k-core each actor belongs to). graphology has no k-core,
// so this is Batagelj & Zaversnik's O(m) bucket algorithm ("An O(m) Algorithm for Cores
// Decomposition of Networks", 2003) over the analysis graph, counting distinct neighbours.
import type Graph from 'graphology';

export function coreNumbers(graph: Graph): Map<string, number> {
  if (graph.type !== 'undirected' || graph.multi || graph.selfLoopCount > 0) throw new Error('coreNumbers reads a simple undirected graph without self-ties (the analysis graph)');
  const nodes = graph.nodes();
  const n = nodes.length;
  const position = new Map<string, number>();
  nodes.forEach((node, i) => position.set(node, i));
  // Neighbour lists packed in one typed array (offsets[v]..offsets[v + 1]): at 20,000 actors an
  // array per actor cost more than the decomposition itself. The analysis graph is simple and
  // undirected without self-ties (analysis-graph.ts), so each link is one distinct neighbour of
  // each end: one pass over the links reads the ends, a second fills the lists.
  const ends = new Int32Array(2 * graph.size);
  const degree = new Int32Array(n);
  let k = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = position.get(source)!;
    const t = position.get(target)!;
    ends[k++] = s;
    ends[k++] = t;
    degree[s]! += 1;
    degree[t]! += 1;
  });
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v]! + degree[v]!;
  const adjacent = new Int32Array(ends.length);
  const next = offsets.slice(0, n);
  for (let e = 0; e < ends.length; e += 2) {
    const s = ends[e]!;
    const t = ends[e + 1]!;
    adjacent[next[s]!++] = t;
    adjacent[next[t]!++] = s;
  }
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
