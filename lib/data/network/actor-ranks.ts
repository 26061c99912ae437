// Where an actor ranks in the whole network on a day, for its profile: betweenness, PageRank and
// degree of the map's default view at that date (no filters, no focus, ties counted equally).
// Each metric is computed once per network revision and day for every actor at once (the profile
// of each actor reads the same ranking), through computeViewMetrics, so a large network computes
// on its worker thread and sampled betweenness says so.
import 'server-only';
import { PROFILE_RANK_METRICS, type ActorRank } from '../../graph/analysis/rank-line';
import type { MetricResult } from '../../graph/analysis/metrics';
import { DEFAULT_HOPS } from '../../validation/graph-queries';
import type { Principal } from '../principal';
import { computeViewMetrics } from './compute-view-metrics';
import { cachedByRevision } from './revision-cache';

export interface ActorRanks {
  asOf: string;
  /** Absent when the actor is not in the network that day (not yet begun, or ended and hidden). */
  ranks: ActorRank[];
}

/** slug → its rank, per metric: what the cache keeps, so one profile's read serves all of them. */
type Ranking = { of: number; method: MetricResult['method']; bySlug: Record<string, { rank: number; value: number }> };

function wholeNetworkRanking(principal: Principal, asOf: string, metric: (typeof PROFILE_RANK_METRICS)[number]): Promise<Ranking> {
  return cachedByRevision('actor-ranks', JSON.stringify([asOf, metric]), principal, async () => {
    const { result } = await computeViewMetrics(principal, { showEnded: true, hops: DEFAULT_HOPS, asOf }, { metric, weight: 'none' });
    const bySlug: Ranking['bySlug'] = {};
    for (const row of result.rows) bySlug[row.slug] = { rank: row.rank, value: row.value };
    return { of: result.rows.length, method: result.method, bySlug };
  });
}

export async function loadActorRanks(principal: Principal, slug: string, asOf: string): Promise<ActorRanks> {
  const rankings = await Promise.all(PROFILE_RANK_METRICS.map((metric) => wholeNetworkRanking(principal, asOf, metric)));
  const ranks: ActorRank[] = [];
  rankings.forEach((ranking, i) => {
    const own = ranking.bySlug[slug];
    if (own) ranks.push({ metric: PROFILE_RANK_METRICS[i]!, rank: own.rank, of: ranking.of, value: own.value, method: ranking.method });
  });
  return { asOf, ranks };
}
