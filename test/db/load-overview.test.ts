// The large map's overview counted in SQL means what the pure overviewOf says over buildView:
// the same groups and counts, the same ties between groups, the same members of an open group
// (most tied first, up to the limit) with their ties and their counted ties to other groups —
// for several dates, filters and open groups, on the seed and on a generated network; and the first
// and last tie dates it carries for Play are tieDates of the same filters on every date.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/generate-network';
import { insertNetwork } from '../../bench/insert-network';
import { getDb } from '../../lib/db/client';
import { loadGraph } from '../../lib/data/graph';
import { loadOverview } from '../../lib/data/network/load-overview';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { buildView } from '../../lib/graph/build-view';
import { cutByKnowledge } from '../../lib/graph/knowledge';
import { allTimeQuery, overviewOf, tieDates } from '../../lib/graph/overview';
import type { GraphData, GraphQuery } from '../../lib/graph/types';
import { claimsByTie } from '../support/claims-by-tie';
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
  { showEnded: true, hops: 1, types: ['sanctioned_by'] },
  { showEnded: false, hops: 1, asOf: '1995-01-01', kinds: ['event'] },
];

/** The oracle of the overview's tie dates: tieDates of the view on every date. */
const datesOf = (graph: GraphData, q: GraphQuery) => tieDates(buildView(graph, allTimeQuery(q), TODAY).edges);

async function expectAgreement(opens: (string | null)[], limits: number[], distinctDates = 1) {
  const graph = await loadGraph(ANONYMOUS);
  let opened = 0;
  const dated = new Set<string>();
  for (const q of queries) {
    for (const open of opens) {
      for (const limit of limits) {
        const want = overviewOf(buildView(graph, q, TODAY), open, limit, datesOf(graph, q));
        const got = await loadOverview(ANONYMOUS, q, { today: TODAY, open, memberLimit: limit });
        const label = `${JSON.stringify(q)} open=${open} limit=${limit}`;
        expect(got.overview, label).toEqual(want.overview);
        expect(got.members, label).toEqual(want.members);
        if (want.overview.open && want.members.nodes.length > 0) opened += 1;
        dated.add(JSON.stringify(want.overview.dated));
      }
    }
  }
  // The comparison means something only if groups really opened, and (on the seed) the filters moved the dates.
  expect(opened).toBeGreaterThan(0);
  expect(dated.size).toBeGreaterThanOrEqual(distinctDates);
}

/** As known on a day, the dates are those of the ties some claim known by then backs. */
async function expectKnownDatesAgreement(knownDays: string[]) {
  const graph = await loadGraph(ANONYMOUS);
  const claims = await claimsByTie();
  const seen = new Set<string>();
  for (const known of knownDays) {
    const asKnown = cutByKnowledge(graph, claims, known);
    for (const q of queries) {
      const query = { ...q, known };
      const got = await loadOverview(ANONYMOUS, query, { today: TODAY });
      expect(got.overview.dated, JSON.stringify(query)).toEqual(datesOf(asKnown, query));
      seen.add(JSON.stringify(got.overview.dated));
    }
  }
  expect(seen.size).toBeGreaterThan(2);
}

describe.skipIf(!available)(`loadOverview on ${TEST_KIND}`, () => {
  describe('on the seed', () => {
    beforeAll(async () => {
      await freshDatabase();
      await loadSeed();
    });

    it('agrees with overviewOf(buildView) for every date, filter and open group', async () => {
      await expectAgreement([null, 'belarus-state:person', 'russia-state:organization', 'west:state', 'nobody:person'], [400, 3], 3);
    });

    it('carries the tie dates of the view as known on a day', async () => {
      await expectKnownDatesAgreement(['2005-01-01', '2020-09-01', '2023-08-15']);
    });

    it('carries no tie dates when no tie of the view is dated, and the same dates on every date', async () => {
      const none = await loadOverview(ANONYMOUS, { showEnded: true, hops: 1, types: ['leads'], factions: ['nobody' as never] }, { today: TODAY });
      expect(none.overview.dated).toBeNull();
      const a = await loadOverview(ANONYMOUS, { showEnded: false, hops: 1, asOf: '1999-01-01' }, { today: TODAY });
      const b = await loadOverview(ANONYMOUS, { showEnded: true, hops: 1, asOf: '2021-06-01' }, { today: TODAY });
      expect(a.overview.dated).toEqual(b.overview.dated);
      expect(a.overview.dated!.first < a.overview.dated!.last).toBe(true);
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
