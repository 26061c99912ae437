// "1st of 74 by betweenness on 1 Jun 2021": where the actor ranks in the whole network on the
// profile's day, each line a link to the map sized by that metric with the actor selected. The
// page streams it in a Suspense boundary: on a large network the first computation for a day may
// take seconds (on a worker thread), and the rest of the profile must not wait for it.
import Link from 'next/link';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { loadActorRanks } from '@/lib/data/network/actor-ranks';
import { actorNodeId } from '@/lib/graph/build-view';
import { rankLine } from '@/lib/graph/analysis/rank-line';
import { serializeGraphQuery } from '@/lib/validation/graph-queries';

export async function ActorRanks({ slug, asOf }: { slug: string; asOf: string }) {
  const { ranks } = await loadActorRanks(await currentPrincipal(), slug, asOf);
  if (ranks.length === 0) return <p className="muted">Not in the network on this day, so not ranked.</p>;
  return (
    <ul aria-label="Ranks in the network">
      {ranks.map((r) => (
        <li key={r.metric}>
          <Link href={`/?${serializeGraphQuery({ showEnded: true, hops: 1, asOf }, { layout: 'force', metric: r.metric, select: actorNodeId(slug) }).toString()}`}>{rankLine(r, asOf)}</Link>
        </li>
      ))}
    </ul>
  );
}
