'use client';
// The map page's client entry. The map's code (Cytoscape included) loads with the page's own
// scripts rather than as a later chunk, so it arrives while the payload does; the server renders
// only the loading state (the canvas is created in an effect, in the browser).
import { NetworkMapView, type NetworkMapProps } from './network-map-view';
import '@/components/graph/graph.css';

export type { NetworkMapProps };

export function NetworkMap(props: NetworkMapProps) {
  return <NetworkMapView {...props} />;
}
