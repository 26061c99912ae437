// The actor's one-hop neighbourhood for its profile, cut in the database by the same loadView
// (and so the same definition) as GET /api/graph, kept per network revision, and drawn by the map's EgoNetwork client
// component; clicking a neighbour opens its profile. Only that hop crosses to the browser, and a
// hub shows its strongest ties (lib/graph/cap-hubs.ts) with a count of the rest.
import { EgoNetwork } from '@/components/graph/ego-network';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { loadProfileNeighbourhood } from '@/lib/data/network/load-profile-neighbourhood';
import styles from '@/components/profile/profile.module.css';

export async function EgoMap({ slug, name, asOf }: { slug: string; name: string; asOf: string }) {
  const view = await loadProfileNeighbourhood(await currentPrincipal(), slug, asOf);
  const neighbours = view.nodes.length - 1;
  const left = view.hidden.reduce((n, h) => n + h.count, 0);
  return (
    <figure className={styles.egoFigure}>
      <EgoNetwork
        view={{ asOf: view.asOf, nodes: view.nodes, edges: view.edges }}
        centreSlug={slug}
        exposeTestHook={process.env.POWERMAP_TEST_HOOKS === '1'}
        className={styles.egoMap}
      />
      <figcaption className="muted">
        {name} and {neighbours} directly tied {neighbours === 1 ? 'actor' : 'actors'}; ended ties are dashed.
        {left > 0 ? ` Showing the strongest ties: ${left} more ${left === 1 ? 'is' : 'are'} listed below.` : ''} Click one to open its profile.
      </figcaption>
    </figure>
  );
}
