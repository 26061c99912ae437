// Cytoscape with the layout extensions Powermap uses, registered once per process. Import
// cytoscape from here, never directly, so no layout runs before its extension exists. The SVG
// exporter is registered on first use (export.ts): it touches `window` as it loads.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';

const registered = globalThis as unknown as { powermapCytoscapeExtensions?: boolean; powermapCytoscapeSvg?: boolean };
if (!registered.powermapCytoscapeExtensions) {
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registered.powermapCytoscapeExtensions = true;
}

/** Registers cytoscape-svg (browser only), loading it the first time an SVG is asked for. */
export async function ensureSvgExtension(): Promise<void> {
  if (registered.powermapCytoscapeSvg) return;
  const { default: svg } = await import('cytoscape-svg');
  if (!registered.powermapCytoscapeSvg) {
    cytoscape.use(svg);
    registered.powermapCytoscapeSvg = true;
  }
}

export { cytoscape };
