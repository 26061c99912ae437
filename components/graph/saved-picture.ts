// A saved view's picture on a live instance: reading the places of what is drawn and the camera
// (to save them), and putting them back (to reopen the view exactly). Only drawn nodes are read,
// and at most `max` of them, so a saved view stays bounded on a network of any size.
import type { Core, NodeSingular } from 'cytoscape';
import { clearClasses } from './highlight';

export interface Picture {
  positions: Record<string, [number, number]>;
  camera: { zoom: number; pan: { x: number; y: number } } | null;
}

/** Hundredths of a unit: the picture is the same to the eye and the stored view stays small. */
const round = (n: number) => Math.round(n * 100) / 100;

export function readPicture(cy: Core, max: number): Picture {
  const positions: Picture['positions'] = {};
  let count = 0;
  for (const node of cy.nodes(':visible').toArray() as NodeSingular[]) {
    if (count >= max) break;
    const p = node.position();
    positions[node.id()] = [round(p.x), round(p.y)];
    count++;
  }
  const pan = cy.pan();
  return { positions, camera: { zoom: cy.zoom(), pan: { x: pan.x, y: pan.y } } };
}

/** Moves every node the picture places (others keep theirs), then sets its camera, or fits what is drawn. */
export function applyPicture(cy: Core, picture: Picture): void {
  cy.stop();
  cy.batch(() => {
    for (const [id, [x, y]] of Object.entries(picture.positions)) {
      const node = cy.getElementById(id);
      if (node.nonempty() && node.isNode()) node.position({ x, y });
    }
  });
  if (picture.camera) cy.viewport({ zoom: picture.camera.zoom, pan: picture.camera.pan });
  else cy.fit(undefined, 40);
}

/**
 * A story step's highlights: the named elements (and the ties between highlighted actors) stay,
 * the rest fades. Empty lists clear it.
 */
export function highlightOnly(cy: Core, ids: readonly string[]): void {
  cy.batch(() => {
    // Only from the elements that carry them: this runs on every change of the map's mask.
    clearClasses(cy, 'story-faded story-highlight');
    if (!ids.length) return;
    const keep = cy.collection();
    for (const id of ids) keep.merge(cy.getElementById(id));
    cy.elements().not(keep).addClass('story-faded');
    keep.addClass('story-highlight');
  });
}
