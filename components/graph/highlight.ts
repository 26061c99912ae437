// Emphasis on a live graph through classes the stylesheet knows: hovering lights an actor's
// neighbourhood, a traced path lights its chain, and everything else fades.
import type { Core, NodeSingular } from 'cytoscape';

const HOVER_CLASSES = 'highlighted hover-faded';

/**
 * Removes classes only from the elements that carry them: removeClass on every element makes
 * Cytoscape restyle the whole graph, which on a large network costs a redraw's worth of time.
 */
export function clearClasses(cy: Core, classes: string): void {
  const marked = cy.elements(classes.split(' ').map((c) => `.${c}`).join(', '));
  if (marked.nonempty()) marked.removeClass(classes);
}

/** Lights the node, its neighbours and the ties between them; fades the rest. */
export function highlightNeighbourhood(cy: Core, node: NodeSingular): void {
  const lit = node.closedNeighborhood();
  cy.batch(() => {
    clearClasses(cy, HOVER_CLASSES);
    cy.elements().not(lit).addClass('hover-faded');
    lit.addClass('highlighted');
  });
}

export function clearNeighbourhood(cy: Core): void {
  clearClasses(cy, HOVER_CLASSES);
}

/** Marks a path's actors and ties; fades everything else. Empty ids clear it. */
export function markPath(cy: Core, nodeIds: readonly string[], edgeIds: readonly string[]): void {
  cy.batch(() => {
    clearClasses(cy, 'path path-faded');
    if (nodeIds.length === 0) return;
    const ids = new Set([...nodeIds, ...edgeIds]);
    const onPath = cy.elements().filter((ele) => ids.has(ele.id()));
    onPath.addClass('path');
    cy.elements().not(onPath).addClass('path-faded');
  });
}
