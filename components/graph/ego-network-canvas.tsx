'use client';
// The ego network's drawing: the centre in the middle, its neighbours in a ring around it.
import type { Core, NodeSingular } from 'cytoscape';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { actorNodeId } from '@/lib/graph/build-view';
import { toCytoscapeElements } from '@/lib/graph/cytoscape-elements';
import type { GraphView } from '@/lib/graph/types';
import { CytoscapeCanvas } from './cytoscape-canvas';
import { useCytoscapeEvents } from './use-cytoscape-events';
import './graph.css';

export interface EgoNetworkProps {
  /**
   * The one-hop view around the centre, cut on the server (lib/data/network/load-view.ts): only
   * what is drawn crosses to the browser. Past ties are drawn dashed.
   */
  view: GraphView;
  /** Slug of the actor at the centre, e.g. "ivan-tertel". */
  centreSlug: string;
  /**
   * Sets window.__egoCy to the live instance for Playwright. Pass
   * `process.env.POWERMAP_TEST_HOOKS === '1'` from the server page, never true otherwise.
   */
  exposeTestHook?: boolean;
  className?: string;
}

export function EgoNetworkCanvas({ view, centreSlug, exposeTestHook = false, className }: EgoNetworkProps) {
  const router = useRouter();
  const [cy, setCy] = useState<Core | null>(null);
  const centreId = actorNodeId(centreSlug);
  const elements = useMemo(() => toCytoscapeElements(view), [view]);
  const centre = view.nodes.find((n) => n.id === centreId);

  const arrange = useCallback(
    (instance: Core) => {
      instance.nodes().removeClass('centre');
      instance.getElementById(centreId).addClass('centre');
      instance
        .layout({
          name: 'concentric',
          concentric: (node: NodeSingular) => (node.id() === centreId ? 2 : 1),
          levelWidth: () => 1,
          minNodeSpacing: 40,
          animate: false,
          fit: true,
          padding: 30,
        })
        .run();
    },
    [centreId],
  );

  useCytoscapeEvents(cy, {
    onTapNode: (node) => {
      const slug = node.data('slug') as string;
      if (node.id() !== centreId) router.push(`/actors/${slug}`);
    },
  });

  const neighbours = view.nodes.length - (centre ? 1 : 0);
  const label = centre
    ? `Network around ${centre.label}: ${neighbours} directly tied ${neighbours === 1 ? 'actor' : 'actors'}`
    : 'Network around this actor: none to show';

  return (
    <CytoscapeCanvas
      elements={elements}
      onInstance={setCy}
      onSynced={(instance) => arrange(instance)}
      placement="neighbours-first"
      exposeTestHook={exposeTestHook}
      testHookName="__egoCy"
      className={className ? `ego-network ${className}` : 'ego-network'}
      label={label}
    />
  );
}
