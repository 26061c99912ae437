// Exporting what the map shows: a PNG and an SVG of the whole current view, and a .cyjs file
// (Cytoscape JSON) that Cytoscape desktop opens with File → Import → Network from File.
import type { Core } from 'cytoscape';
import { ensureSvgExtension } from './cytoscape-setup';

const BACKGROUND = '#ffffff';

export interface ExportMeta {
  /** Names the network in Cytoscape desktop and the file. */
  name: string;
  asOf: string;
  /** The map address the view came from, so the file can be traced back to it. */
  address: string;
}

export function exportPng(cy: Core): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: BACKGROUND, maxWidth: 8000, maxHeight: 8000 });
}

export async function exportSvg(cy: Core): Promise<Blob> {
  await ensureSvgExtension();
  const svg = (cy as Core & { svg(options: { full?: boolean; scale?: number; bg?: string }): string }).svg({ full: true, scale: 1, bg: BACKGROUND });
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
}

/**
 * Cytoscape desktop's format: graph data, then elements as { nodes, edges } each with data (and
 * node positions, so the picture opens as laid out here). Selection and highlight state stay out.
 */
export function cytoscapeJson(cy: Core, meta: ExportMeta) {
  return {
    format_version: '1.0',
    generated_by: 'Powermap',
    target_cytoscapejs_version: '~3.35',
    data: { name: meta.name, shared_name: meta.name, asOf: meta.asOf, address: meta.address },
    elements: {
      nodes: cy.nodes().map((node) => ({ data: { ...node.data(), shared_name: node.data('label') }, position: { ...node.position() } })),
      edges: cy.edges().map((edge) => ({ data: { ...edge.data(), shared_name: `${edge.data('source')} (${edge.data('interaction')}) ${edge.data('target')}` } })),
    },
  };
}

export function exportCytoscapeJson(cy: Core, meta: ExportMeta): Blob {
  return new Blob([JSON.stringify(cytoscapeJson(cy, meta), null, 2)], { type: 'application/json' });
}

/** Saves a blob under a file name through a temporary link. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
