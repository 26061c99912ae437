// A view of the network as GEXF 1.3 (https://gexf.net), for Gephi and Gephi Lite. Written here rather
// than with graphology-gexf, whose writer emits no start, end or spells and a malformed viz namespace.
// The view's dates become dynamic intervals, Powermap's fields become declared attributes, and the
// map's look (positions, faction colours) becomes viz. docs/exchange.md says what each attribute means.
//
// GEXF's timeformat "date" is xsd:date, a full YYYY-MM-DD: a date known to the year or month is
// widened to its whole period (start on its first day, end on its last, as the map's time slider
// reads it), and its precision is written beside it (startPrecision, endPrecision) so a reader can
// tell "2020" from "1 Jan 2020". The document is produced a chunk of elements at a time, so a
// 100,000-tie export is never held as one string, nor (scope=all) as a view.
import { periodEnd, periodStart, type PartialDate } from '../../domain/dates';
import { FACTION_COLOURS, TIE_TYPE_INFO } from '../../domain/vocabulary';
import type { GraphView, ViewEdge, ViewNode } from '../../graph/types';
import { writeView, type ViewExportFormat, type ViewFileWriter } from '../export-writer';
import { xmlAttribute, xmlText } from '../xml-text';

export const GEXF_NAMESPACE = 'http://gexf.net/1.3';
export const GEXF_VIZ_NAMESPACE = 'http://gexf.net/1.3/viz';
export const GEXF_MEDIA_TYPE = 'application/gexf+xml';

export interface GexfMeta {
  /** The network's title, as the export names it. */
  title: string;
  /** The map's address the view was cut from, so the file says which view it is. */
  address: string;
  /** The view's date (ISO day), also the file's lastmodifieddate. */
  asOf: string;
}

/** Every actor is drawn the same size on the map; Gephi gets the same size for all. */
export const GEXF_NODE_SIZE = 10;

type GexfType = 'string' | 'integer' | 'boolean';
interface AttributeColumn<T> {
  id: string;
  type: GexfType;
  value: (element: T) => string | number | boolean | null;
}

const NODE_ATTRIBUTES: AttributeColumn<ViewNode>[] = [
  { id: 'kind', type: 'string', value: (n) => n.kind },
  { id: 'faction', type: 'string', value: (n) => n.faction },
  { id: 'summary', type: 'string', value: (n) => n.summary || null },
  { id: 'slug', type: 'string', value: (n) => n.slug },
  { id: 'startPrecision', type: 'string', value: (n) => n.start?.precision ?? null },
  { id: 'endPrecision', type: 'string', value: (n) => n.end?.precision ?? null },
];

const EDGE_ATTRIBUTES: AttributeColumn<ViewEdge>[] = [
  { id: 'type', type: 'string', value: (e) => e.type },
  { id: 'category', type: 'string', value: (e) => e.category },
  { id: 'role', type: 'string', value: (e) => e.role || null },
  { id: 'grade', type: 'string', value: (e) => e.grade },
  { id: 'claimCount', type: 'integer', value: (e) => e.claimCount },
  { id: 'disputed', type: 'boolean', value: (e) => e.disputed },
  { id: 'strength', type: 'integer', value: (e) => e.strength },
  { id: 'startPrecision', type: 'string', value: (e) => e.start?.precision ?? null },
  { id: 'endPrecision', type: 'string', value: (e) => e.end?.precision ?? null },
];

/**
 * A GEXF file, section by section (export-writer.ts): the head, the actors, the ties, the end. It
 * remembers each actor's slug, which the ties name their ends by (and which keeps out a tie whose
 * end the file does not hold), so its memory grows with the actors, not the ties.
 */
export function openGexf(meta: GexfMeta): ViewFileWriter<string> {
  // Node ids in the file are the actors' slugs, which Gephi shows and a re-import matches on.
  const slugOf = new Map<string, string>();
  let inEdges = false;
  const toEdges = () => {
    if (inEdges) return '';
    inEdges = true;
    return '    </nodes>\n    <edges>\n';
  };
  return {
    head: () => [head(meta) + '    <nodes>\n'],
    nodes(nodes) {
      const parts: string[] = [];
      for (const node of nodes) {
        slugOf.set(node.id, node.slug);
        parts.push(nodeXml(node));
      }
      return [parts.join('')];
    },
    edges(edges) {
      const parts: string[] = [toEdges()];
      for (const edge of edges) {
        const source = slugOf.get(edge.source);
        const target = slugOf.get(edge.target);
        // A GEXF edge must name nodes of the file; a view only carries ties between its own actors.
        if (source === undefined || target === undefined) continue;
        parts.push(edgeXml(edge, source, target));
      }
      return [parts.join('')];
    },
    end: () => [toEdges() + '    </edges>\n  </graph>\n</gexf>\n'],
  };
}

/** The GEXF document of a view, as a sequence of strings whose concatenation is the file. */
export function writeGexfChunks(view: GraphView, meta: GexfMeta): Generator<string, void, undefined> {
  return writeView({ open: openGexf }, view, meta);
}

/** The whole document as one string, for small views and tests; exports stream writeGexfChunks. */
export function writeGexf(view: GraphView, meta: GexfMeta): string {
  let out = '';
  for (const chunk of writeGexfChunks(view, meta)) out += chunk;
  return out;
}

/** GET /api/export's entry (lib/exchange/export-formats.ts): the file streamed chunk by chunk. */
export const gexfExportFormat: ViewExportFormat = {
  extension: 'gexf',
  contentType: `${GEXF_MEDIA_TYPE}; charset=utf-8`,
  open: openGexf,
};

function head(meta: GexfMeta): string {
  const declare = (cls: 'node' | 'edge', columns: AttributeColumn<never>[]) =>
    `    <attributes class="${cls}" mode="static">\n` +
    columns.map((c) => `      <attribute id="${c.id}" title="${c.id}" type="${c.type}"/>\n`).join('') +
    '    </attributes>\n';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<gexf xmlns="${GEXF_NAMESPACE}" xmlns:viz="${GEXF_VIZ_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ` +
    `xsi:schemaLocation="${GEXF_NAMESPACE} ${GEXF_NAMESPACE}/gexf.xsd" version="1.3">\n` +
    `  <meta lastmodifieddate="${xmlAttribute(meta.asOf)}">\n` +
    '    <creator>Powermap</creator>\n' +
    `    <title>${xmlText(meta.title)}</title>\n` +
    `    <description>${xmlText(`The network as of ${meta.asOf}: ${meta.address}`)}</description>\n` +
    '  </meta>\n' +
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">\n' +
    declare('node', NODE_ATTRIBUTES as AttributeColumn<never>[]) +
    declare('edge', EDGE_ATTRIBUTES as AttributeColumn<never>[])
  );
}

function interval(start: PartialDate | null, end: PartialDate | null): string {
  return (start ? ` start="${periodStart(start)}"` : '') + (end ? ` end="${periodEnd(end)}"` : '');
}

function attvalues<T>(columns: AttributeColumn<T>[], element: T): string {
  let out = '';
  for (const column of columns) {
    const value = column.value(element);
    if (value === null) continue;
    out += `        <attvalue for="${column.id}" value="${xmlAttribute(String(value))}"/>\n`;
  }
  return out ? `      <attvalues>\n${out}      </attvalues>\n` : '';
}

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `r="${(n >> 16) & 255}" g="${(n >> 8) & 255}" b="${n & 255}"`;
}

function nodeXml(node: ViewNode): string {
  // Gephi's y axis points up, the map's (Cytoscape's) down: the sign flips so the picture is the same.
  const placed = node.x !== null && node.y !== null && Number.isFinite(node.x) && Number.isFinite(node.y);
  const position = placed ? `      <viz:position x="${node.x}" y="${-node.y! || 0}"/>\n` : '';
  return (
    `      <node id="${xmlAttribute(node.slug)}" label="${xmlAttribute(node.label)}"${interval(node.start, node.end)}>\n` +
    attvalues(NODE_ATTRIBUTES, node) +
    `      <viz:color ${rgb(FACTION_COLOURS[node.faction])}/>\n` +
    `      <viz:size value="${GEXF_NODE_SIZE}"/>\n` +
    position +
    '      </node>\n'
  );
}

function edgeXml(edge: ViewEdge, source: string, target: string): string {
  const info = TIE_TYPE_INFO[edge.type];
  // Symmetric types (ally of, family of) read the same both ways; GEXF says so with an undirected edge.
  const type = info.symmetric ? 'undirected' : 'directed';
  return (
    `      <edge id="${xmlAttribute(edge.tieId)}" source="${xmlAttribute(source)}" target="${xmlAttribute(target)}" type="${type}" ` +
    `kind="${edge.type}" label="${xmlAttribute(edge.role || info.label)}" weight="${edge.strength}"${interval(edge.start, edge.end)}>\n` +
    attvalues(EDGE_ATTRIBUTES, edge) +
    '      </edge>\n'
  );
}
