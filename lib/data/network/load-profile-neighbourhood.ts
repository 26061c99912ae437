// The profile's one-hop mini-map: loadView's own neighbourhood (the one definition of a view),
// kept per network revision (revision-cache.ts) like the profile it sits on, since every visitor
// of a profile asks for the same hop.
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { loadView, type LoadedView } from './load-view';
import { cachedByRevision } from './revision-cache';

export async function loadProfileNeighbourhood(principal: Principal, slug: string, asOf: string): Promise<LoadedView> {
  // Before the cache: a kept answer must not reach someone who may not read at all.
  requireReader(principal);
  return cachedByRevision('profile-neighbourhood', JSON.stringify([slug, asOf]), principal, () =>
    loadView(principal, { focus: slug, hops: 1, showEnded: true, asOf }, { today: asOf }),
  );
}
