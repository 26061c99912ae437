'use client';
// Every cy.on of a graph in one place: taps choose, hovering lights a neighbourhood. Handlers
// are named, registered once per instance and all removed in the cleanup; the callbacks are read
// through a ref so a re-render never re-wires them. The wiring itself is a plain function, so a
// unit test drives it against a headless instance without React or a DOM.
import type { Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import { useEffect } from 'react';
import { useLatest } from '@/components/use-latest';
import { clearNeighbourhood, highlightNeighbourhood } from './highlight';

/** What a hovered node shows in its tooltip, and where (rendered pixels in the canvas). */
export interface HoveredNode {
  id: string;
  label: string;
  /** Actor kind, or null for an overview group. */
  kind: string | null;
  x: number;
  y: number;
}

export interface CytoscapeEventHandlers {
  onTapNode?: (node: NodeSingular) => void;
  onTapEdge?: (edge: EdgeSingular) => void;
  /** A tap on empty canvas. */
  onTapBackground?: () => void;
  /** Light up the hovered actor's neighbourhood (default true). */
  hoverHighlight?: boolean;
  /** The pointer came onto a node (its name, kind and place) or left it (null). */
  onHover?: (node: HoveredNode | null) => void;
  /** The zoom level has changed (by the reader or by code). */
  onZoom?: (zoom: number) => void;
}

export function useCytoscapeEvents(cy: Core | null, handlers: CytoscapeEventHandlers): void {
  const latest = useLatest(handlers);

  useEffect(() => (cy ? bindCytoscapeEvents(cy, latest) : undefined), [cy, latest]);
}

/**
 * Registers the graph's handlers on `cy` and returns the function that removes every one of
 * them. `current` is asked for the callbacks at each event, so they may change without re-binding.
 */
export function bindCytoscapeEvents(cy: Core, current: () => CytoscapeEventHandlers): () => void {
  const container = cy.container();
  const setCursor = (value: string) => {
    if (container) container.style.cursor = value;
  };

  function handleTapNode(event: EventObject) {
    current().onTapNode?.(event.target as NodeSingular);
  }
  function handleTapEdge(event: EventObject) {
    current().onTapEdge?.(event.target as EdgeSingular);
  }
  function handleTapBackground(event: EventObject) {
    if (event.target === cy) current().onTapBackground?.();
  }
  function handleNodeOver(event: EventObject) {
    setCursor('pointer');
    const node = event.target as NodeSingular;
    const at = node.renderedPosition();
    const kind = node.data('group') ? null : node.data('kind');
    current().onHover?.({ id: node.id(), label: String(node.data('label') ?? node.id()), kind: typeof kind === 'string' ? kind : null, x: at.x, y: at.y });
    if (current().hoverHighlight !== false) highlightNeighbourhood(cy, event.target as NodeSingular);
  }
  function handleNodeOut() {
    setCursor('');
    current().onHover?.(null);
    if (current().hoverHighlight !== false) clearNeighbourhood(cy);
  }
  function handleEdgeOver() {
    setCursor('pointer');
  }
  function handleEdgeOut() {
    setCursor('');
  }
  function handleZoom() {
    current().onZoom?.(cy.zoom());
  }
  // A moved picture leaves the tooltip pointing at nothing.
  function handleViewport() {
    current().onHover?.(null);
  }

  // Leaving the canvas straight from a node sends Cytoscape no mouseout.
  function handleContainerLeave() {
    setCursor('');
    current().onHover?.(null);
    if (current().hoverHighlight !== false) clearNeighbourhood(cy);
  }

  cy.on('tap', 'node', handleTapNode);
  cy.on('tap', 'edge', handleTapEdge);
  cy.on('tap', handleTapBackground);
  cy.on('mouseover', 'node', handleNodeOver);
  cy.on('mouseout', 'node', handleNodeOut);
  cy.on('mouseover', 'edge', handleEdgeOver);
  cy.on('mouseout', 'edge', handleEdgeOut);
  cy.on('zoom', handleZoom);
  cy.on('viewport', handleViewport);
  container?.addEventListener('mouseleave', handleContainerLeave);
  return () => {
    container?.removeEventListener('mouseleave', handleContainerLeave);
    cy.removeListener('tap', 'node', handleTapNode);
    cy.removeListener('tap', 'edge', handleTapEdge);
    cy.removeListener('tap', handleTapBackground);
    cy.removeListener('mouseover', 'node', handleNodeOver);
    cy.removeListener('mouseout', 'node', handleNodeOut);
    cy.removeListener('mouseover', 'edge', handleEdgeOver);
    cy.removeListener('mouseout', 'edge', handleEdgeOut);
    cy.removeListener('zoom', handleZoom);
    cy.removeListener('viewport', handleViewport);
  };
}
