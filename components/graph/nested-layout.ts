// After a layout on a map with nested institutions: reads where the layout put each actor and how
// much room it takes with its label, asks lib/graph/nesting-layout.ts for places where no box
// covers an actor outside it, and moves the actors there.
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import { nestedPlacement, type PlacedLeaf } from '@/lib/graph/nesting-layout';
import { LAYOUT_ANIMATION_MS } from './layouts';

/** Whether the instance draws any box (a parent with its units inside). */
export function hasBoxes(cy: Core): boolean {
  return cy.nodes(':parent').nonempty();
}

/**
 * Moves the actors so that no box overlaps anything outside it; resolves when done. `fit: false`
 * keeps the camera (a date moved under nested boxes must not jump the picture).
 */
export function makeRoomForBoxes(cy: Core, { animate, fit = true }: { animate: boolean; fit?: boolean }): Promise<void> {
  if (!hasBoxes(cy)) return Promise.resolve();
  const leaves: PlacedLeaf[] = [];
  const parents = new Map<string, string>();
  cy.nodes().forEach((node) => {
    const parent = node.parent();
    if (parent.nonempty()) parents.set(node.id(), parent.first().id());
    if (node.isParent()) return;
    const p = node.position();
    const bb = node.boundingBox({ includeLabels: true });
    leaves.push({ id: node.id(), x: p.x, y: p.y, left: bb.x1 - p.x, right: bb.x2 - p.x, top: bb.y1 - p.y, bottom: bb.y2 - p.y });
  });
  const positions = nestedPlacement(leaves, parents);
  const moved = cy.nodes(':childless');
  const running = moved.layout({
    name: 'preset',
    positions: (node: NodeSingular) => positions.get(node.id()) ?? node.position(),
    animate,
    animationDuration: LAYOUT_ANIMATION_MS,
    fit,
    padding: 40,
  } as LayoutOptions);
  const done = new Promise<void>((resolve) => running.one('layoutstop', () => resolve()));
  running.run();
  return done;
}
