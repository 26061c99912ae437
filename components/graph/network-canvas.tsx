'use client';
// The canvas of a whole network: one instance that learns each element once and is then told
// which to show by a view mask (apply-mask), so changes of date, filter and focus never rebuild
// element data. Created in one effect and destroyed in its cleanup; handed out through onInstance.
import type { Core } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useLatest } from '@/components/use-latest';
import type { GraphData } from '@/lib/graph/types';
import type { GraphColumns, ViewMask } from '@/lib/graph/view-columns';
import { applyMask, maskedElements, type MaskChange } from './apply-mask';
import { createInstance, fitFirst, followContainerSize, type TestHookName } from './create-instance';
import type { Placement } from './sync-elements';

export interface NetworkCanvasProps {
  graph: GraphData;
  /** graphColumns(graph), computed once by the caller, who also cuts masks from it. */
  columns: GraphColumns;
  mask: ViewMask;
  onInstance?: (cy: Core | null) => void;
  /** Called after each change the mask made, and once after creation (first = true). */
  onApplied?: (cy: Core, change: MaskChange, first: boolean) => void;
  placement?: Placement;
  /** Sets window[testHookName] to the instance; only ever true when POWERMAP_TEST_HOOKS=1. */
  exposeTestHook?: boolean;
  testHookName?: TestHookName;
  className?: string;
  /** Names the picture for screen readers; the canvas itself is not readable. */
  label: string;
}

export function NetworkCanvas({
  graph,
  columns,
  mask,
  onInstance,
  onApplied,
  placement = 'stored-first',
  exposeTestHook = false,
  testHookName = '__cy',
  className,
  label,
}: NetworkCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const instance = useRef<{ cy: Core; store: ReturnType<typeof maskedElements> } | null>(null);
  // The latest props, read by the creation effect without making it re-run.
  const latest = useLatest({ mask, onInstance, onApplied, placement });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const { mask: initial, onInstance: announce, onApplied: applied, placement: place } = latest();
    // User Timing marks of the first draw's steps (the payload's are in use-map-payload): a
    // profile of the page, or the benchmark, reads where the time went between navigation and the map.
    performance.mark('powermap:canvas-effect');
    const cy = createInstance(container, initial.nodeCount + initial.edgeCount);
    const store = maskedElements(graph, columns);
    instance.current = { cy, store };
    performance.mark('powermap:instance-created');
    const change = applyMask(cy, store, initial, place);
    performance.mark('powermap:elements-added');
    fitFirst(cy);
    performance.mark('powermap:fitted');
    announce?.(cy);
    applied?.(cy, change, true);
    if (exposeTestHook) window[testHookName] = cy;
    const stopFollowing = followContainerSize(cy, container);
    return () => {
      stopFollowing();
      if (exposeTestHook && window[testHookName] === cy) delete window[testHookName];
      latest().onInstance?.(null);
      instance.current = null;
      cy.destroy();
    };
  }, [graph, columns, exposeTestHook, testHookName, latest]);

  useEffect(() => {
    const current = instance.current;
    if (!current) return;
    const change = applyMask(current.cy, current.store, mask, latest().placement);
    if (change.shown || change.hidden || change.remarked) latest().onApplied?.(current.cy, change, false);
  }, [mask, latest]);

  return <div ref={containerRef} className={className} role="img" aria-label={label} />;
}
