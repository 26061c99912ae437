'use client';
// The one-hop network around one actor, for profile pages. Cytoscape loads in the browser only,
// and only on pages that place this component.
import dynamic from 'next/dynamic';
import type { GraphData } from '@/lib/graph/types';
import './graph.css';

export interface EgoNetworkProps {
  /** The network, as loadGraph returns it; the component cuts the neighbourhood itself. */
  graph: GraphData;
  /** Slug of the actor at the centre, e.g. "ivan-tertel". */
  centreSlug: string;
  /** The date to show the ties as of (ISO day); today when absent. Past ties are drawn dashed. */
  asOf?: string;
  /**
   * Sets window.__egoCy to the live instance for Playwright. Pass
   * `process.env.POWERMAP_TEST_HOOKS === '1'` from the server page, never true otherwise.
   */
  exposeTestHook?: boolean;
  className?: string;
}

const EgoNetworkCanvas = dynamic(() => import('./ego-network-canvas').then((m) => m.EgoNetworkCanvas), {
  ssr: false,
  loading: () => <div className="ego-network ego-network-loading" aria-busy="true">Loading the network…</div>,
});

/** Draws the actor and everyone one tie away; clicking a neighbour opens that actor's profile. */
export function EgoNetwork(props: EgoNetworkProps) {
  return <EgoNetworkCanvas {...props} />;
}
