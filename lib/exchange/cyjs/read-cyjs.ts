// Cytoscape JSON read into a ForeignGraph: what Powermap exports (write-cyjs.ts, GET /api/graph),
// Cytoscape desktop's .cyjs (File → Export → Network to File) and cytoscape.js's own cy.json().
// Elements come as { nodes, edges } or as one array (told apart by `group`, else by whether the
// data names a source and a target), under `elements` or at the top. Every data key but the ids
// becomes an attribute as the file spelt it (lists joined by " | ", objects as JSON text), so the
// mapping decides what "interaction", "type" or "faction" mean; positions come from `position`.
import { AttributeCensus } from '../attribute-census';
import { readForeignDate } from '../foreign-date';
import { ForeignFormatError } from '../foreign-format-error';
import type { ForeignEdge, ForeignGraph, ForeignNode, ForeignSpell, ForeignValue } from '../foreign-graph';

export const CYJS_FORMAT = 'cyjs';
/** Problems listed before the reader stops looking for more. */
const MAX_PROBLEMS = 50;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An id as Cytoscape desktop writes it (a string, or a number such as a SUID). */
function idOf(value: Json | undefined): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function flatValue(value: Json): ForeignValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) {
    const parts = value.filter((v) => v !== null && v !== '').map((v) => (isObject(v) || Array.isArray(v) ? JSON.stringify(v) : String(v)));
    return parts.length > 0 ? parts.join(' | ') : null;
  }
  return JSON.stringify(value);
}

/** A date the data carries as start/end (Powermap's own export, with its precision), as a spell. */
function spellOf(data: JsonObject): ForeignSpell[] {
  const read = (key: 'start' | 'end'): string | null => {
    const raw = data[key];
    if (typeof raw !== 'string') return null;
    const date = readForeignDate(raw);
    const precision = data[`${key}Precision`];
    if (!date || date.length !== 10) return date;
    return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
  };
  const start = read('start');
  const end = read('end');
  return start === null && end === null ? [] : [{ start, end }];
}

const coordinate = (v: Json | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function parse(content: string | Uint8Array): Json {
  let text: string;
  try {
    text = typeof content === 'string' ? content : new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new ForeignFormatError(CYJS_FORMAT, ['the file is not UTF-8 text']);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (error) {
    throw new ForeignFormatError(CYJS_FORMAT, [`not JSON (${(error as Error).message})`]);
  }
}

interface Split {
  nodes: { element: Json; at: string }[];
  edges: { element: Json; at: string }[];
}

function splitElements(root: Json, problems: string[]): Split {
  const holder = isObject(root) && 'elements' in root ? root.elements : root;
  const split: Split = { nodes: [], edges: [] };
  if (Array.isArray(holder)) {
    holder.forEach((element, i) => {
      const at = `elements[${i}]`;
      const group = isObject(element) ? element.group : undefined;
      const data = isObject(element) && isObject(element.data) ? element.data : {};
      const isEdge = group === 'edges' || (group !== 'nodes' && ('source' in data || 'target' in data));
      (isEdge ? split.edges : split.nodes).push({ element, at });
    });
    return split;
  }
  if (isObject(holder) && (Array.isArray(holder.nodes) || Array.isArray(holder.edges))) {
    for (const key of ['nodes', 'edges'] as const) {
      const list = holder[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) problems.push(`elements.${key} is not a list`);
      else list.forEach((element, i) => split[key].push({ element, at: `elements.${key}[${i}]` }));
    }
    return split;
  }
  problems.push('no "elements" (a list, or { "nodes": [...], "edges": [...] }) in the file');
  return split;
}

/** A whole Cytoscape JSON file (text or bytes) as a ForeignGraph; throws ForeignFormatError naming each problem and where. */
export function readCyjs(content: string | Uint8Array): ForeignGraph {
  const root = parse(content);
  const problems: string[] = [];
  const problem = (message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(message);
  };
  const { nodes: rawNodes, edges: rawEdges } = splitElements(root, problems);
  const nodeCensus = new AttributeCensus();
  const edgeCensus = new AttributeCensus();

  const nodes: ForeignNode[] = [];
  const nodeIds = new Set<string>();
  for (const { element, at } of rawNodes) {
    const data = isObject(element) && isObject(element.data) ? element.data : null;
    const id = data && idOf(data.id);
    if (!data || !id) {
      problem(`${at}: a node without data.id`);
      continue;
    }
    if (nodeIds.has(id)) {
      problem(`${at}: node id "${id}" is used twice`);
      continue;
    }
    nodeIds.add(id);
    const attributes: Record<string, ForeignValue> = {};
    for (const [key, value] of Object.entries(data)) {
      if (key === 'id') continue;
      attributes[key] = flatValue(value);
      nodeCensus.add(key, attributes[key]);
    }
    const label = [data.name, data.label, data.shared_name].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? null;
    const position = isObject(element) && isObject(element.position) ? element.position : null;
    const x = coordinate(position?.x);
    const y = coordinate(position?.y);
    nodes.push({ id, label, attributes, x: x !== null && y !== null ? x : null, y: x !== null && y !== null ? y : null, spells: spellOf(data) });
  }

  const edges: ForeignEdge[] = [];
  const edgeIds = new Set<string>();
  for (const { element, at } of rawEdges) {
    const data = isObject(element) && isObject(element.data) ? element.data : null;
    if (!data) {
      problem(`${at}: an edge without data`);
      continue;
    }
    const source = idOf(data.source);
    const target = idOf(data.target);
    if (!source || !target) {
      problem(`${at}: an edge without data.source and data.target`);
      continue;
    }
    for (const end of [source, target]) if (!nodeIds.has(end)) problem(`${at}: edge end "${end}" is not a node of the file`);
    const id = idOf(data.id);
    if (id !== null) {
      if (edgeIds.has(id)) problem(`${at}: edge id "${id}" is used twice`);
      edgeIds.add(id);
    }
    const attributes: Record<string, ForeignValue> = {};
    for (const [key, value] of Object.entries(data)) {
      if (key === 'id' || key === 'source' || key === 'target') continue;
      attributes[key] = flatValue(value);
      edgeCensus.add(key, attributes[key]);
    }
    const label = [data.interaction, data.label, data.name].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? null;
    const weight = coordinate(data.weight);
    // Cytoscape's edges always have a direction (source → target); a mapping may read one as symmetric.
    edges.push({ id, source, target, directed: true, label, weight, attributes, spells: spellOf(data) });
  }
  if (problems.length > 0) throw new ForeignFormatError(CYJS_FORMAT, problems);

  const data = isObject(root) && isObject(root.data) ? root.data : {};
  const title = [data.name, data.shared_name].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? null;
  return { format: CYJS_FORMAT, title, nodes, edges, nodeAttributes: nodeCensus.attributes(), edgeAttributes: edgeCensus.attributes() };
}
