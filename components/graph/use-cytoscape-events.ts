'use client';
// Every cy.on of a graph in one place: taps choose, hovering lights a neighbourhood. Handlers
// are named, registered once per instance and all removed in the cleanup; the callbacks are read
// through a ref so a re-render never re-wires them.
import type { Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { clearNeighbourhood, highlightNeighbourhood } from './highlight';

export interface CytoscapeEventHandlers {
  onTapNode?: (node: NodeSingular) => void;
  onTapEdge?: (edge: EdgeSingular) => void;
  /** A tap on empty canvas. */
  onTapBackground?: () => void;
  /** Light up the hovered actor's neighbourhood (default true). */
  hoverHighlight?: boolean;
}

export function useCytoscapeEvents(cy: Core | null, handlers: CytoscapeEventHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    if (!cy) return;
    const container = cy.container();
    const setCursor = (value: string) => {
      if (container) container.style.cursor = value;
    };

    function handleTapNode(event: EventObject) {
      latest.current.onTapNode?.(event.target as NodeSingular);
    }
    function handleTapEdge(event: EventObject) {
      latest.current.onTapEdge?.(event.target as EdgeSingular);
    }
    function handleTapBackground(event: EventObject) {
      if (event.target === cy) latest.current.onTapBackground?.();
    }
    function handleNodeOver(event: EventObject) {
      setCursor('pointer');
      if (latest.current.hoverHighlight !== false) highlightNeighbourhood(cy!, event.target as NodeSingular);
    }
    function handleNodeOut() {
      setCursor('');
      if (latest.current.hoverHighlight !== false) clearNeighbourhood(cy!);
    }
    function handleEdgeOver() {
      setCursor('pointer');
    }
    function handleEdgeOut() {
      setCursor('');
    }

    // Leaving the canvas straight from a node sends Cytoscape no mouseout.
    function handleContainerLeave() {
      setCursor('');
      if (latest.current.hoverHighlight !== false) clearNeighbourhood(cy!);
    }

    cy.on('tap', 'node', handleTapNode);
    cy.on('tap', 'edge', handleTapEdge);
    cy.on('tap', handleTapBackground);
    cy.on('mouseover', 'node', handleNodeOver);
    cy.on('mouseout', 'node', handleNodeOut);
    cy.on('mouseover', 'edge', handleEdgeOver);
    cy.on('mouseout', 'edge', handleEdgeOut);
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
    };
  }, [cy]);
}
