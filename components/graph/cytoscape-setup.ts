// Cytoscape with the layout and export extensions Powermap uses, registered once per process.
// Import cytoscape from here, never directly, so no graph is drawn before the extensions exist.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';

const registered = globalThis as unknown as { powermapCytoscapeExtensions?: boolean };
if (!registered.powermapCytoscapeExtensions) {
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  cytoscape.use(svg);
  registered.powermapCytoscapeExtensions = true;
}

export { cytoscape };
