// A view as Cytoscape JSON (.cyjs), the format Cytoscape desktop opens with File → Import →
// Network from File, and that Powermap reads back (read-cyjs.ts). The element data is the map's
// own (lib/graph/cytoscape-elements.ts), plus the `shared_name` columns Cytoscape desktop keys
// its tables by; nodes carry their stored (or provisional) position, so the network opens as
// laid out on the map. Written a chunk of elements at a time, so a large view streams.
import { nodeElementData, edgeElementData } from '../../graph/cytoscape-elements';
import type { GraphView } from '../../graph/types';
import { writeView, type ExportMeta, type ViewExportFormat, type ViewFileWriter } from '../export-writer';

export const CYJS_FORMAT_VERSION = '1.0';

/** The document's head: what it is, where it came from. */
export function cyjsHead(meta: ExportMeta) {
  return {
    format_version: CYJS_FORMAT_VERSION,
    generated_by: 'Powermap',
    target_cytoscapejs_version: '~3.35',
    data: { name: meta.title, shared_name: meta.title, asOf: meta.asOf, address: meta.address, generatedAt: meta.generatedAt, scope: meta.scope },
  };
}

/** A Cytoscape JSON file, section by section (export-writer.ts); it remembers only whether a list has begun. */
export function openCyjs(meta: ExportMeta): ViewFileWriter<string> {
  let firstNode = true;
  let firstEdge = true;
  let inEdges = false;
  const toEdges = () => {
    if (inEdges) return '';
    inEdges = true;
    return '\n],"edges":[';
  };
  return {
    head() {
      const head = JSON.stringify(cyjsHead(meta));
      return [`${head.slice(0, -1)},"elements":{"nodes":[`];
    },
    nodes(nodes) {
      let text = '';
      for (const node of nodes) {
        const data = { ...nodeElementData(node), shared_name: node.label };
        const element = node.x !== null && node.y !== null ? { data, position: { x: node.x, y: node.y } } : { data };
        text += `${firstNode ? '' : ','}\n${JSON.stringify(element)}`;
        firstNode = false;
      }
      return [text];
    },
    edges(edges) {
      let text = toEdges();
      for (const edge of edges) {
        const data = edgeElementData(edge);
        text += `${firstEdge ? '' : ','}\n${JSON.stringify({ data: { ...data, shared_name: `${data.source} (${data.interaction}) ${data.target}` } })}`;
        firstEdge = false;
      }
      return [text];
    },
    end: () => [`${toEdges()}\n]}}\n`],
  };
}

export function writeCyjs(view: GraphView, meta: ExportMeta): Generator<string> {
  return writeView({ open: openCyjs }, view, meta);
}

export const cyjsExportFormat: ViewExportFormat = {
  extension: 'cyjs',
  contentType: 'application/json; charset=utf-8',
  open: openCyjs,
};
