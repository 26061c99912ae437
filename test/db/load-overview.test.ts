// The large map's overview counted in SQL means what the pure overviewOf says over buildView:
// the same groups and counts, the same ties between groups, the same members of an open group
// (most tied first, up to the limit) with their ties and their counted ties to other groups —
// for several dates, filters and open groups, on the seed and on a generated network.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/generate-network';
import { insertNetwork } from '../../bench/insert-network';
import { getDb } from '../../lib/db/client';
import { loadGraph } from '../../lib/data/graph';
import { loadOverview } from '../../lib/data/network/load-overview';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { buildView } from '../../lib/graph/build-view';
import { overviewOf } from '../../lib/graph/overview';
import type { GraphQuery } from '../../lib/graph/types';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const TODAY = '2024-06-15';

const queries: GraphQuery[] = [
  { showEnded: true, hops: 1 },
  { showEnded: false, hops: 1 },
  { showEnded: true, hops: 1, asOf: '2004-12-31' },
  { showEnded: false, hops: 1, asOf: '2020-08-09', minGrade: 'C3' },
  { showEnded: true, hops: 1, kinds: ['person', 'organization'], types: ['leads', 'member_of', 'supports', 'opposes'] },
  { showEnded: true, hops: 1, factions: ['belarus-state', 'russia-state', 'west'] },
];

async function expectAgreement(opens: (string | null)[], limits: number[]) {
  const graph = await loadGraph(ANONYMOUS);
  let opened = 0;
  for (const q of queries) {
    for (const open of opens) {
      for (const limit of limits) {
        const want = overviewOf(buildView(graph, q, TODAY), open, limit);
        const got = await loadOverview(ANONYMOUS, q, { today: TODAY, open, memberLimit: limit });
        const label = `${JSON.stringify(q)} open=${open} limit=${limit}`;
        expect(got.overview, label).toEqual(want.overview);
        expect(got.members, label).toEqual(want.members);
        if (want.overview.open && want.members.nodes.length > 0) opened += 1;
      }
    }
  }
  // The comparison means something only if groups really opened.
  expect(opened).toBeGreaterThan(0);
}

describe.skipIf(!available)(`loadOverview on ${TEST_KIND}`, () => {
  describe('on the seed', () => {
    beforeAll(async () => {
      await freshDatabase();
      await loadSeed();
    });

    it('agrees with overviewOf(buildView) for every date, filter and open group', async () => {
      await expectAgreement([null, 'belarus-state:person', 'russia-state:organization', 'west:state', 'nobody:person'], [400, 3]);
    });
  });

  describe('on a generated network', () => {
    beforeAll(async () => {
      await freshDatabase();
      const db = await getDb();
      await insertNetwork(db, generateNetwork(400, 2400, 11));
      await db.actor.updateMany({ where: { slug: { in: ['actor-3', 'actor-40'] } }, data: { deletedAt: new Date() } });
    });

    it('agrees with overviewOf(buildView), groups capped to their most tied members', async () => {
      await expectAgreement([null, 'belarus-state:person', 'wagner:group'], [400, 5]);
    });
  });
});
