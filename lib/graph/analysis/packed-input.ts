// A metric's input and ranked rows as they cross to and from the map's Web Worker: strings once,
// numbers in typed arrays whose buffers are transferred, not copied. Why: posting a view of
// 100,000 ties as objects made the page's own thread serialise 100,000 objects (and the worker's
// answer, 20,000 row objects, be deserialised there) — tasks of their own far over the 50 ms a
// page may hold its thread; a transferred buffer crosses in constant time.
import type { AnalysisInput, MetricResult, MetricRow } from './metrics';

export interface PackedInput {
  ids: string[];
  slugs: string[];
  labels: string[];
  /** Per tie: its ends' indices into ids, its strength and its grade's confidence. */
  source: Int32Array;
  target: Int32Array;
  strength: Float64Array;
  confidence: Float64Array;
}

export function packInput(input: AnalysisInput): PackedInput {
  const index = new Map<string, number>();
  input.nodes.forEach((n, i) => index.set(n.id, i));
  const count = input.ties.length;
  const packed: PackedInput = {
    ids: input.nodes.map((n) => n.id),
    slugs: input.nodes.map((n) => n.slug),
    labels: input.nodes.map((n) => n.label),
    source: new Int32Array(count),
    target: new Int32Array(count),
    strength: new Float64Array(count),
    confidence: new Float64Array(count),
  };
  input.ties.forEach((tie, i) => {
    // analysisTies keeps only ties with both ends in the view; -1 would be a tie that lost an end.
    packed.source[i] = index.get(tie.source) ?? -1;
    packed.target[i] = index.get(tie.target) ?? -1;
    packed.strength[i] = tie.strength;
    packed.confidence[i] = tie.confidence;
  });
  return packed;
}

export function unpackInput(packed: PackedInput): AnalysisInput {
  const { ids, slugs, labels, source, target, strength, confidence } = packed;
  const nodes = ids.map((id, i) => ({ id, slug: slugs[i]!, label: labels[i]! }));
  const ties: AnalysisInput['ties'] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i]! < 0 || target[i]! < 0) continue;
    ties.push({ source: ids[source[i]!]!, target: ids[target[i]!]!, strength: strength[i]!, confidence: confidence[i]! });
  }
  return { nodes, ties };
}

/** A metric's rows by rank, as indices into the input's nodes with their numbers beside them. */
export interface PackedRows {
  node: Int32Array;
  value: Float64Array;
  rank: Int32Array;
  /** Communities only. */
  community?: Int32Array;
}

export type PackedResult = Omit<MetricResult, 'rows'> & { packedRows: PackedRows };

export function packResult(result: MetricResult, ids: readonly string[]): PackedResult {
  const { rows, ...facts } = result;
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const packedRows: PackedRows = { node: new Int32Array(rows.length), value: new Float64Array(rows.length), rank: new Int32Array(rows.length) };
  const communities = rows.some((r) => r.community !== undefined);
  if (communities) packedRows.community = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    packedRows.node[i] = index.get(row.id)!;
    packedRows.value[i] = row.value;
    packedRows.rank[i] = row.rank;
    if (packedRows.community) packedRows.community[i] = row.community ?? 0;
  });
  return { ...facts, packedRows };
}

export function unpackResult(packed: PackedResult, nodes: AnalysisInput['nodes']): MetricResult {
  const { packedRows, ...facts } = packed;
  const rows: MetricRow[] = new Array(packedRows.node.length);
  for (let i = 0; i < rows.length; i++) {
    const row: MetricRow = { ...nodes[packedRows.node[i]!]!, value: packedRows.value[i]!, rank: packedRows.rank[i]! };
    if (packedRows.community) row.community = packedRows.community[i]!;
    rows[i] = row;
  }
  return { ...facts, rows };
}

/** The buffers to transfer with a message holding these arrays. */
export function buffersOf(...arrays: (ArrayBufferView | undefined)[]): ArrayBuffer[] {
  return arrays.filter((a): a is ArrayBufferView => a !== undefined).map((a) => a.buffer as ArrayBuffer);
}
