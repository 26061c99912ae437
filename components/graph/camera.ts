// Where the map looks and what it shows as chosen, on a live instance: centring on an element,
// fitting the whole graph, and the address's selection as Cytoscape's. The map's composition
// (components/map) decides when; these are the only places it moves the instance.
import type { Core, NodeSingular } from 'cytoscape';

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

/**
 * Fits only when part of what is drawn lies outside the view. A filter that narrows the picture
 * leaves the camera where the reader put it, and costs no animated redraw of every element; one
 * that brings back elements off-screen still fits to them.
 */
export function fitIfCut(cy: Core): void {
  const shown = cy.elements(':visible');
  if (shown.empty()) return;
  const box = shown.boundingBox();
  const view = cy.extent();
  if (box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2) return;
  fitAll(cy);
}

/** How much one press of "Zoom in" or "Zoom out" changes the zoom. */
export const ZOOM_STEP = 1.5;

/** Zooms by `factor` about the middle of the canvas, within the instance's zoom limits, with a short animation. */
export function zoomAboutCentre(cy: Core, factor: number): void {
  const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
  cy.stop();
  cy.animate({ zoom: { level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } } }, { duration: 200 });
}

/** Makes `id` the one selected element (none when undefined), in one batch. */
export function showSelection(cy: Core, id: string | undefined): void {
  cy.batch(() => {
    cy.elements(':selected').unselect();
    if (id) cy.getElementById(id).select();
  });
}

/** Whether the instance still draws: a replaced canvas destroys its instance before its owner hears of the new one. */
export function isLive(cy: Core | null): cy is Core {
  return cy !== null && !cy.destroyed();
}

export function zoomLevel(cy: Core): number {
  return cy.zoom();
}

/**
 * The overview group (its "faction:kind" key) under the middle of the canvas: the nearest group
 * node whose centre is within one and a half of its sizes of the middle; null when there is none.
 */
export function groupAtCentre(cy: Core): string | null {
  const extent = cy.extent();
  const centre = { x: extent.x1 + extent.w / 2, y: extent.y1 + extent.h / 2 };
  let nearest: { key: string; distance: number } | null = null;
  for (const node of cy.nodes('[?group]').toArray()) {
    const p = (node as NodeSingular).position();
    const distance = Math.hypot(p.x - centre.x, p.y - centre.y);
    if (distance < Number(node.data('size')) * 1.5 && (!nearest || distance < nearest.distance)) nearest = { key: String(node.data('key')), distance };
  }
  return nearest?.key ?? null;
}
