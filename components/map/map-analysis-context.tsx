'use client';
// The analysis on the map, apart from the map's view: the map view's top component hands the
// analysis's part of the address down through AnalysisAddressContext, MapAnalysisHost computes
// from it (use-map-analysis) and hands the result to the panel, the ranked table and the
// selected actor's line through MapAnalysisContext. Why contexts rather than props: choosing a
// metric, and its answer arriving, then render those few components and not the whole map (the
// canvas, the lists, the legend and every control), which was a main-thread task of 70–160 ms
// at a few hundred actors and more at thousands, while the metric was computing.
import type { Core } from 'cytoscape';
import { createContext, useContext, type ReactNode } from 'react';
import type { GraphView } from '@/lib/graph/types';
import type { AnalysisAddress } from './analysis-address';
import { useMapAnalysis, type AnalysisPlace, type MapAnalysis } from './use-map-analysis';

export interface AnalysisAddressState {
  /** The analysis fields of the map's address. */
  address: AnalysisAddress;
  /** Writes a change of them to the address (a field set to undefined is dropped). */
  change: (patch: AnalysisAddress) => void;
}

export const AnalysisAddressContext = createContext<AnalysisAddressState | null>(null);
const MapAnalysisContext = createContext<MapAnalysis | null>(null);

function useAnalysisAddress(): AnalysisAddressState {
  const state = useContext(AnalysisAddressContext);
  if (!state) throw new Error('the map analysis needs an AnalysisAddressContext above it');
  return state;
}

export interface MapAnalysisHostProps {
  cy: Core | null;
  view: GraphView;
  /** False on an overview with no group open: its nodes are groups, not actors. */
  enabled: boolean;
  place: AnalysisPlace;
  children: ReactNode;
}

/**
 * Computes the analysis the address asks for and hands it to WithMapAnalysis below. Its children
 * are the map its parent rendered: when only the analysis changes this alone renders again, the
 * same children are kept as they are, and only the components that read the analysis follow.
 */
export function MapAnalysisHost({ cy, view, enabled, place, children }: MapAnalysisHostProps) {
  const { address } = useAnalysisAddress();
  const analysis = useMapAnalysis(cy, view, address, enabled, place);
  return <MapAnalysisContext value={analysis}>{children}</MapAnalysisContext>;
}

/** Renders `children` with the map's analysis and its address; again whenever either changes. */
export function WithMapAnalysis({ children }: { children: (analysis: MapAnalysis, address: AnalysisAddressState) => ReactNode }) {
  const analysis = useContext(MapAnalysisContext);
  const address = useAnalysisAddress();
  if (!analysis) throw new Error('WithMapAnalysis needs a MapAnalysisHost above it');
  return children(analysis, address);
}
