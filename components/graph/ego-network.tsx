'use client';
// The one-hop network around one actor, for profile pages. Cytoscape loads in the browser only,
// and only on pages that place this component.
import dynamic from 'next/dynamic';
// The props live beside the canvas that takes them, so the canvas never imports this file back.
import type { EgoNetworkProps } from './ego-network-canvas';
import './graph.css';

const EgoNetworkCanvas = dynamic(() => import('./ego-network-canvas').then((m) => m.EgoNetworkCanvas), {
  ssr: false,
  loading: () => <div className="ego-network ego-network-loading" aria-busy="true">Loading the network…</div>,
});

/** Draws the actor and everyone one tie away; clicking a neighbour opens that actor's profile. */
export function EgoNetwork(props: EgoNetworkProps) {
  return <EgoNetworkCanvas {...props} />;
}
