// Exporting what the map shows as a picture: a PNG and an SVG of the whole current view. (Files of
// the view's data, Cytoscape JSON among them, come from GET /api/export: lib/exchange.)
import type { Core } from 'cytoscape';
import { ensureSvgExtension } from './cytoscape-setup';

const BACKGROUND = '#ffffff';

export function exportPng(cy: Core): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: BACKGROUND, maxWidth: 8000, maxHeight: 8000 });
}

export async function exportSvg(cy: Core): Promise<Blob> {
  await ensureSvgExtension();
  const svg = (cy as Core & { svg(options: { full?: boolean; scale?: number; bg?: string }): string }).svg({ full: true, scale: 1, bg: BACKGROUND });
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
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
