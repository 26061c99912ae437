// A view of the network as GraphML (http://graphml.graphdrawing.org/), for yEd, Gephi, Cytoscape
// desktop, NetworkX and graphology. Pure: the same view and meta give the same file. Every field is
// a declared <key> (lib/exchange/view-attributes.ts), ids are Powermap's own (actor:…, tie:…), ties
// are directed (source → target), and the view's title, address and date are graph-level data so a
// file says which view it came from. The file is produced a chunk of elements at a time, so a
// route can stream a 100,000-tie export without holding the document.
import type { GraphView } from '../../graph/types';
import { writeView, type ExportMeta, type ViewExportFormat, type ViewFileWriter } from '../export-writer';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type ViewAttribute } from '../view-attributes';
import { xmlAttribute, xmlText } from '../xml-text';

export const GRAPHML_MEDIA_TYPE = 'application/graphml+xml';

/** What a GraphML file says about the view it holds: graph-level data. */
export type GraphmlMeta = Pick<ExportMeta, 'title' | 'address' | 'asOf'>;

// Key ids are unique across the file, so a node and an edge field of one name need two ids.
const NODE_KEY_IDS = new Map(NODE_ATTRIBUTES.map((a) => [a.name, `node_${a.name}`]));
const EDGE_KEY_IDS = new Map(EDGE_ATTRIBUTES.map((a) => [a.name, `edge_${a.name}`]));
const nodeKeyId = (name: string) => NODE_KEY_IDS.get(name)!;
const edgeKeyId = (name: string) => EDGE_KEY_IDS.get(name)!;
const GRAPH_KEYS = ['title', 'address', 'asOf'] as const;

function keyDeclaration(id: string, domain: 'node' | 'edge' | 'graph', name: string, type: string): string {
  return `  <key id="${xmlAttribute(id)}" for="${domain}" attr.name="${xmlAttribute(name)}" attr.type="${type}"/>\n`;
}

function formatValue(value: string | number | boolean | null): string | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return String(value);
}

function pushData<T>(parts: string[], element: T, attributes: readonly ViewAttribute<T>[], keyId: (name: string) => string): void {
  for (const attribute of attributes) {
    const text = formatValue(attribute.value(element));
    if (text !== null) parts.push('      <data key="', keyId(attribute.name), '">', xmlText(text), '</data>\n');
  }
}

/** A GraphML file, section by section (export-writer.ts); it keeps nothing between chunks. */
export function openGraphml(meta: GraphmlMeta): ViewFileWriter<string> {
  return {
    head() {
      let head = '<?xml version="1.0" encoding="UTF-8"?>\n';
      head +=
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
        ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
      for (const name of GRAPH_KEYS) head += keyDeclaration(name, 'graph', name, 'string');
      for (const a of NODE_ATTRIBUTES) head += keyDeclaration(nodeKeyId(a.name), 'node', a.name, a.type);
      for (const a of EDGE_ATTRIBUTES) head += keyDeclaration(edgeKeyId(a.name), 'edge', a.name, a.type);
      head += '  <graph id="powermap" edgedefault="directed">\n';
      for (const name of GRAPH_KEYS) head += `    <data key="${name}">${xmlText(meta[name])}</data>\n`;
      return [head];
    },
    // Parts joined once per chunk: cheaper than growing one string a piece at a time.
    nodes(nodes) {
      const parts: string[] = [];
      for (const node of nodes) {
        parts.push('    <node id="', xmlAttribute(node.id), '">\n');
        pushData(parts, node, NODE_ATTRIBUTES, nodeKeyId);
        parts.push('    </node>\n');
      }
      return [parts.join('')];
    },
    edges(edges) {
      const parts: string[] = [];
      for (const edge of edges) {
        parts.push('    <edge id="', xmlAttribute(edge.id), '" source="', xmlAttribute(edge.source), '" target="', xmlAttribute(edge.target), '">\n');
        pushData(parts, edge, EDGE_ATTRIBUTES, edgeKeyId);
        parts.push('    </edge>\n');
      }
      return [parts.join('')];
    },
    end: () => ['  </graph>\n</graphml>\n'],
  };
}

/** The file in chunks, in document order; join them for the whole text. */
export function writeGraphmlChunks(view: GraphView, meta: GraphmlMeta): Generator<string> {
  return writeView({ open: openGraphml }, view, meta);
}

/** The whole file as one string, for tests and small views. */
export function writeGraphml(view: GraphView, meta: GraphmlMeta): string {
  return [...writeGraphmlChunks(view, meta)].join('');
}

export const graphmlExportFormat: ViewExportFormat = {
  extension: 'graphml',
  contentType: `${GRAPHML_MEDIA_TYPE}; charset=utf-8`,
  open: openGraphml,
};
