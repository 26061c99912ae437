// The sources behind a view's ties (POST /api/graph/report-sources): the distinct live sources of
// the named ties' live claims, and each tie's first claim's source as the tie's own panel shows it
// (getTieSummary), on the seed; deleted ties and unknown ids are left out.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { loadReportSources } from '../../lib/data/network/load-report-sources';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { getTieSummary } from '../../lib/data/ties/get-tie-summary';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();

describe.skipIf(!available)(`report sources on ${TEST_KIND}`, () => {
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
  });

  it('counts distinct live sources and names each tie\'s first source as its panel does', async () => {
    const db = await getDb();
    const ties = await db.tie.findMany({ where: { deletedAt: null }, select: { id: true }, orderBy: { id: 'asc' }, take: 30 });
    const ids = ties.map((t) => t.id);
    const claims = await db.claim.findMany({ where: { tieId: { in: ids }, deletedAt: null, source: { deletedAt: null } }, select: { sourceId: true } });
    const got = await loadReportSources(ANONYMOUS, { tieIds: [...ids, ids[0], 'no-such-tie'] });
    expect(got.sourceCount).toBe(new Set(claims.map((c) => c.sourceId)).size);
    expect(got.sourceCount).toBeGreaterThan(1);
    expect(Object.keys(got.firstSources).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const panel = await getTieSummary(ANONYMOUS, { id });
      const first = got.firstSources[id];
      if (!panel.firstClaim) expect(first, id).toBeNull();
      else expect(first, id).toEqual({ title: panel.firstClaim.source.title, publisher: panel.firstClaim.source.publisher, url: panel.firstClaim.source.url, published: panel.firstClaim.source.published, grade: panel.firstClaim.grade });
    }
  });

  it('leaves out deleted ties and refuses a malformed list', async () => {
    const db = await getDb();
    const tie = await db.tie.findFirstOrThrow({ where: { deletedAt: null, claimCount: { gt: 0 } } });
    await db.tie.update({ where: { id: tie.id }, data: { deletedAt: new Date() } });
    const got = await loadReportSources(ANONYMOUS, { tieIds: [tie.id] });
    expect(got).toEqual({ sourceCount: 0, firstSources: {} });
    await expect(loadReportSources(ANONYMOUS, { tieIds: 'x' } as never)).rejects.toMatchObject({ code: 'invalid' });
  });
});
