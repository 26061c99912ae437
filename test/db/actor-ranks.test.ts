// The profile's rank lines' data: loadActorRanks ranks the actor in the whole network on the
// profile's day exactly as computeMetric ranks the map's default view of that day, and the
// answer is kept per network revision (a second profile reads the same ranking).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadActorRanks } from '../../lib/data/network/actor-ranks';
import { loadView } from '../../lib/data/network/load-view';
import { clearRevisionCache } from '../../lib/data/network/revision-cache';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { analysisInput, computeMetric } from '../../lib/graph/analysis/metrics';
import { PROFILE_RANK_METRICS, rankLine } from '../../lib/graph/analysis/rank-line';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const DAY = '2021-06-01';

describe.skipIf(!available)(`loadActorRanks on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await clearRevisionCache();
    await loadSeed();
  });

  it('puts Lukashenko first by betweenness on 1 Jun 2021, of every actor in the network that day', async () => {
    const { asOf, ranks } = await loadActorRanks(ANONYMOUS, 'alexander-lukashenko', DAY);
    expect(asOf).toBe(DAY);
    expect(ranks.map((r) => r.metric)).toEqual([...PROFILE_RANK_METRICS]);
    const view = await loadView(ANONYMOUS, { showEnded: true, hops: 1, asOf: DAY });
    const betweenness = ranks.find((r) => r.metric === 'betweenness')!;
    expect(betweenness).toMatchObject({ rank: 1, of: view.nodes.length, method: 'exact' });
    expect(rankLine(betweenness, asOf)).toBe(`1st of ${view.nodes.length} by betweenness on 1 Jun 2021`);
  });

  it('gives each metric the rank computeMetric gives the default view', async () => {
    const view = await loadView(ANONYMOUS, { showEnded: true, hops: 1, asOf: DAY });
    const input = analysisInput(view);
    for (const slug of ['boris-gryzlov', 'sviatlana-tsikhanouskaya']) {
      const { ranks } = await loadActorRanks(ANONYMOUS, slug, DAY);
      for (const r of ranks) {
        const row = computeMetric(input, { metric: r.metric, weight: 'none' }).rows.find((x) => x.slug === slug)!;
        expect({ metric: r.metric, rank: r.rank, value: r.value }).toEqual({ metric: r.metric, rank: row.rank, value: row.value });
      }
    }
  });

  it('ranks no actor that is not in the network on the day', async () => {
    expect((await loadActorRanks(ANONYMOUS, 'no-such-actor', DAY)).ranks).toEqual([]);
  });
});
