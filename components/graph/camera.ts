// Where the map looks and what it shows as chosen, on a live instance: centring on an element,
// fitting the whole graph, and the address's selection as Cytoscape's. The map's composition
// (components/map) decides when; these are the only places it moves the instance.
import type { Core } from 'cytoscape';

/** Pans to the element (zooming in to at least 1:1) with a short animation; nothing if it is not drawn. */
export function centreOn(cy: Core, id: string): void {
  const ele = cy.getElementById(id);
  if (ele.empty()) return;
  cy.stop();
  cy.animate({ center: { eles: ele }, zoom: Math.max(cy.zoom(), 1) }, { duration: 350 });
}

/** Zooms to show every drawn element; nothing on an empty graph. */
export function fitAll(cy: Core): void {
  if (cy.elements().empty()) return;
  cy.stop();
  cy.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 400 });
}

/** Makes `id` the one selected element (none when undefined), in one batch. */
export function showSelection(cy: Core, id: string | undefined): void {
  cy.batch(() => {
    cy.elements(':selected').unselect();
    if (id) cy.getElementById(id).select();
  });
}
