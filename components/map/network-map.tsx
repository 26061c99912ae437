'use client';
// The map page's client entry: Cytoscape and the map load in the browser only, after the page.
import dynamic from 'next/dynamic';
import type { NetworkMapProps } from './network-map-view';
import '@/components/graph/graph.css';

export type { NetworkMapProps };

const NetworkMapView = dynamic(() => import('./network-map-view').then((m) => m.NetworkMapView), {
  ssr: false,
  loading: () => (
    <div className="network-map-loading" aria-busy="true">
      Loading the map…
    </div>
  ),
});

export function NetworkMap(props: NetworkMapProps) {
  return <NetworkMapView {...props} />;
}
