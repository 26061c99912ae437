// A view as Cytoscape JSON (.cyjs), the format Cytoscape desktop opens with File → Import →
// Network from File, and that Powermap reads back (read-cyjs.ts). The element data is the map's
// own (lib/graph/cytoscape-elements.ts), plus the `shared_name` columns Cytoscape desktop keys
// its tables by; nodes carry their stored (or provisional) position, so the network opens as
// laid out on the map. Written element by element, so a large view streams.
import { nodeElementData, edgeElementData } from '../../graph/cytoscape-elements';
import type { GraphView } from '../../graph/types';
import type { ExportMeta, ViewExportFormat } from '../export-writer';

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

export function* writeCyjs(view: GraphView, meta: ExportMeta): Generator<string> {
  const head = JSON.stringify(cyjsHead(meta));
  yield `${head.slice(0, -1)},"elements":{"nodes":[`;
  let first = true;
  for (const node of view.nodes) {
    const data = { ...nodeElementData(node), shared_name: node.label };
    const element = node.x !== null && node.y !== null ? { data, position: { x: node.x, y: node.y } } : { data };
    yield `${first ? '' : ','}\n${JSON.stringify(element)}`;
    first = false;
  }
  yield '\n],"edges":[';
  first = true;
  for (const edge of view.edges) {
    const data = edgeElementData(edge);
    yield `${first ? '' : ','}\n${JSON.stringify({ data: { ...data, shared_name: `${data.source} (${data.interaction}) ${data.target}` } })}`;
    first = false;
  }
  yield '\n]}}\n';
}

export const cyjsExportFormat: ViewExportFormat = {
  extension: 'cyjs',
  contentType: 'application/json; charset=utf-8',
  write: writeCyjs,
};
