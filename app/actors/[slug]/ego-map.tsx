// The actor's one-hop neighbourhood for its profile, cut on the server by the same buildView the
// big map uses (so the two never disagree about who is connected) and drawn by the map's
// EgoNetwork client component; clicking a neighbour opens its profile.
import { EgoNetwork } from '@/components/graph/ego-network';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { loadGraph } from '@/lib/data/graph';
import { buildView } from '@/lib/graph/build-view';
import styles from '@/components/profile/profile.module.css';

export async function EgoMap({ slug, name, asOf }: { slug: string; name: string; asOf: string }) {
  const graph = await loadGraph(await currentPrincipal());
  // Only the neighbourhood crosses to the browser, not the whole network.
  const view = buildView(graph, { focus: slug, hops: 1, showEnded: true, asOf }, asOf);
  const neighbours = view.nodes.length - 1;
  return (
    <figure className={styles.egoFigure}>
      <EgoNetwork
        graph={{ nodes: view.nodes, edges: view.edges }}
        centreSlug={slug}
        asOf={asOf}
        exposeTestHook={process.env.POWERMAP_TEST_HOOKS === '1'}
        className={styles.egoMap}
      />
      <figcaption className="muted">
        {name} and {neighbours} directly tied {neighbours === 1 ? 'actor' : 'actors'}; ended ties are dashed. Click one to open its profile.
      </figcaption>
    </figure>
  );
}
