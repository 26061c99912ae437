'use client';
// The one React wrapper around a Cytoscape instance: created in one effect and destroyed in its
// cleanup, held in a ref, handed to the parent through onInstance. New elements are diffed in
// by id (sync-elements), never by re-creating the instance.
import type { Core, Position } from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { CytoscapeElements } from '@/lib/graph/cytoscape-elements';
import { cytoscape } from './cytoscape-setup';
import { graphStylesheet } from './graph-style';
import { syncElements, type Placement, type SyncResult } from './sync-elements';
import { hasHardwareWebgl } from './webgl';

export type TestHookName = '__cy' | '__egoCy';

/**
 * Cytoscape's WebGL renderer draws every edge solid and without underlays, which would lose the
 * dashes of past ties and the path's halo; below this size the canvas renderer is fast anyway.
 */
export const WEBGL_MIN_ELEMENTS = 2000;

declare global {
  interface Window {
    __cy?: Core;
    __egoCy?: Core;
  }
}

export interface CytoscapeCanvasProps {
  elements: CytoscapeElements;
  /** Called with the live instance once created, and with null when it is destroyed. */
  onInstance?: (cy: Core | null) => void;
  /** Called after each diff, with what changed; the first call follows creation. */
  onSynced?: (cy: Core, result: SyncResult, first: boolean) => void;
  placement?: Placement;
  /** Sets window[testHookName] to the instance; only ever true when POWERMAP_TEST_HOOKS=1. */
  exposeTestHook?: boolean;
  testHookName?: TestHookName;
  className?: string;
  /** Names the picture for screen readers; the canvas itself is not readable. */
  label: string;
}

export function CytoscapeCanvas({
  elements,
  onInstance,
  onSynced,
  placement = 'stored-first',
  exposeTestHook = false,
  testHookName = '__cy',
  className,
  label,
}: CytoscapeCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const remembered = useRef(new Map<string, Position>());
  // The latest props, read by the creation effect without making it re-run.
  const latest = useRef({ elements, onInstance, onSynced, placement });
  latest.current = { elements, onInstance, onSynced, placement };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { elements: initial, onInstance: announce, onSynced: synced, placement: place } = latest.current;
    const webgl = initial.nodes.length + initial.edges.length >= WEBGL_MIN_ELEMENTS && hasHardwareWebgl();
    const cy = cytoscape({
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
    cyRef.current = cy;
    const result = syncElements(cy, initial, { remembered: remembered.current, placement: place });
    cy.fit(undefined, 40);
    // A lone actor (or two) would otherwise fill the canvas at maximum zoom.
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
    announce?.(cy);
    synced?.(cy, result, true);
    if (exposeTestHook) window[testHookName] = cy;

    // Cytoscape only notices container size changes it is told about.
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(container);

    return () => {
      resize.disconnect();
      if (exposeTestHook && window[testHookName] === cy) delete window[testHookName];
      latest.current.onInstance?.(null);
      cyRef.current = null;
      cy.destroy();
    };
  }, [exposeTestHook, testHookName]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const result = syncElements(cy, elements, { remembered: remembered.current, placement: latest.current.placement });
    if (result.added.length || result.removed.length || result.updated.length) latest.current.onSynced?.(cy, result, false);
  }, [elements]);

  return <div ref={containerRef} className={className} role="img" aria-label={label} />;
}
