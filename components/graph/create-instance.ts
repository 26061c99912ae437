// Creating the live Cytoscape instance of a canvas: one set of options for the map and the ego
// network, and the first fit. Both canvases create through here and destroy in their cleanup.
import type { Core } from 'cytoscape';
import { cytoscape } from './cytoscape-setup';
import { graphStylesheet } from './graph-style';
import { hasHardwareWebgl } from './webgl';

/**
 * Cytoscape's WebGL renderer draws every edge solid and without underlays, which would lose the
 * dashes of past ties and the path's halo; below this size the canvas renderer is fast anyway.
 */
export const WEBGL_MIN_ELEMENTS = 2000;

export type TestHookName = '__cy' | '__egoCy';

declare global {
  interface Window {
    __cy?: Core;
    __egoCy?: Core;
  }
}

/** An empty instance in the container; `elementCount` (what it will hold at first) decides the renderer. */
export function createInstance(container: HTMLElement, elementCount: number): Core {
  const webgl = elementCount >= WEBGL_MIN_ELEMENTS && hasHardwareWebgl();
  return cytoscape({
    container,
    style: graphStylesheet(),
    layout: { name: 'preset', fit: false },
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // Not in Cytoscape's type definitions yet: 3.31+ reads renderer.webgl.
    ...({ renderer: { name: 'canvas', webgl } } as object),
  });
}

/** Fits what is drawn, without letting a lone actor (or two) fill the canvas at maximum zoom. */
export function fitFirst(cy: Core): void {
  cy.fit(undefined, 40);
  if (cy.zoom() > 1.5) {
    cy.zoom(1.5);
    cy.center();
  }
}

/**
 * Watches the container's size (Cytoscape only notices changes it is told about); returns the stop.
 * A ResizeObserver reports once as soon as it observes, at the size the instance was created at:
 * that report is skipped, since cy.resize() redraws every element, and on a whole network of
 * 25,000 elements it cost the first draw a second full frame.
 */
export function followContainerSize(cy: Core, container: HTMLElement): () => void {
  let known = { width: container.clientWidth, height: container.clientHeight };
  const resize = new ResizeObserver(() => {
    const now = { width: container.clientWidth, height: container.clientHeight };
    if (now.width === known.width && now.height === known.height) return;
    known = now;
    cy.resize();
  });
  resize.observe(container);
  return () => resize.disconnect();
}
