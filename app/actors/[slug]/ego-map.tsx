// The actor's one-hop neighbourhood for its profile, cut from the network by the same
// buildView the big map uses, so the two never disagree about who is connected.
import { currentPrincipal } from '@/lib/auth/current-principal';
import { loadGraph } from '@/lib/data/graph';
import { buildView } from '@/lib/graph/build-view';
import styles from '@/components/profile/profile.module.css';

export async function EgoMap({ slug, name }: { slug: string; name: string }) {
  const graph = await loadGraph(await currentPrincipal());
  const view = buildView(graph, { focus: slug, hops: 1, showEnded: true });
  const neighbours = view.nodes.length - 1;
  return (
    <figure className={styles.egoFigure}>
      <div className={styles.egoMap} role="img" aria-label={`Map of ${name} and ${neighbours} directly connected actors`} />
      <figcaption className="muted">
        {name} and {neighbours} directly connected actors. Ended ties are dashed.
      </figcaption>
    </figure>
  );
}
