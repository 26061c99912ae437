// Exporting what the map shows as a picture: a PNG and an SVG of the whole current view. (Files of
// the view's data, Cytoscape JSON among them, come from GET /api/export: lib/exchange.) The
// report-ready SVG and PDF (with legend, date and attribution) are report-export.ts.
import type { Core } from 'cytoscape';
import { boundedScale, MAX_EXPORT_SIDE } from '@/lib/graph/report';
import { ensureSvgExtension } from './cytoscape-setup';

const BACKGROUND = '#ffffff';

/** The whole drawing at a print scale (1×, 2×, 4×), lowered when a side would pass MAX_EXPORT_SIDE pixels. */
export function exportPng(cy: Core, scale = 2): Blob {
  const box = cy.elements().boundingBox();
  return cy.png({ output: 'blob', full: true, scale: boundedScale(scale, box.w, box.h), bg: BACKGROUND, maxWidth: MAX_EXPORT_SIDE, maxHeight: MAX_EXPORT_SIDE });
}

/** The whole drawing as SVG text (cytoscape-svg: vector, so it scales for print). */
export async function mapSvg(cy: Core): Promise<string> {
  await ensureSvgExtension();
  return (cy as Core & { svg(options: { full?: boolean; scale?: number; bg?: string }): string }).svg({ full: true, scale: 1, bg: BACKGROUND });
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
