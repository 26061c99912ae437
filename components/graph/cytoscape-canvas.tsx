'use client';
// The one React wrapper around a Cytoscape instance: created in one effect and destroyed in its
// cleanup, held in a ref, handed to the parent through onInstance. New elements are diffed in
// by id (sync-elements), never by re-creating the instance.
import type { Core, Position } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useLatest } from '@/components/use-latest';
import { createInstance, fitFirst, followContainerSize, type TestHookName } from './create-instance';
import { syncElements, type CanvasElements, type Placement, type SyncResult } from './sync-elements';

export interface CytoscapeCanvasProps {
  elements: CanvasElements;
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
  const latest = useLatest({ elements, onInstance, onSynced, placement });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { elements: initial, onInstance: announce, onSynced: synced, placement: place } = latest();
    const cy = createInstance(container, initial.nodes.length + initial.edges.length);
    cyRef.current = cy;
    const result = syncElements(cy, initial, { remembered: remembered.current, placement: place });
    fitFirst(cy);
    announce?.(cy);
    synced?.(cy, result, true);
    if (exposeTestHook) window[testHookName] = cy;
    const stopFollowing = followContainerSize(cy, container);

    return () => {
      stopFollowing();
      if (exposeTestHook && window[testHookName] === cy) delete window[testHookName];
      latest().onInstance?.(null);
      cyRef.current = null;
      cy.destroy();
    };
  }, [exposeTestHook, testHookName, latest]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const result = syncElements(cy, elements, { remembered: remembered.current, placement: latest().placement });
    if (result.added.length || result.removed.length || result.updated.length) latest().onSynced?.(cy, result, false);
  }, [elements, latest]);

  return <div ref={containerRef} className={className} role="img" aria-label={label} />;
}
