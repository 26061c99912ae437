// Time in SQL means what the pure functions say: loadChanges (GET /api/graph/changes) equals
// diffNetwork over the later day's view built in memory, for filters and focus, on the seed and on
// a generated network; and on the seed it reads the changes an analyst expects of 2019–2021.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/generate-network';
import { insertNetwork } from '../../bench/insert-network';
import { getDb } from '../../lib/db/client';
import { loadGraph } from '../../lib/data/graph';
import { loadChanges } from '../../lib/data/network/load-changes';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { refreshTieSummaries } from '../../lib/data/ties/refresh-tie-summaries';
import { actorNodeId, buildView } from '../../lib/graph/build-view';
import { capHubs } from '../../lib/graph/cap-hubs';
import { changeLines, changeLineText, diffNetwork } from '../../lib/graph/changes';
import { cutByKnowledge } from '../../lib/graph/knowledge';
import { loadView } from '../../lib/data/network/load-view';
import { findSources } from '../../lib/data/sources/find-sources';
import type { GraphData, GraphQuery } from '../../lib/graph/types';
import { claimsByTie } from '../support/claims-by-tie';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const slug = (id: string) => id.slice('actor:'.length);

function expectedChanges(graph: GraphData, q: GraphQuery, w: { from: string; to: string }) {
  const later = { ...q, asOf: w.to, showEnded: true };
  let view = buildView(graph, later, w.to);
  if (q.focus) view = capHubs(view, { focusNodeId: actorNodeId(q.focus), hops: q.hops });
  const ties = view.edges.map((e) => ({ tieId: e.tieId, type: e.type, role: e.role, source: slug(e.source), target: slug(e.target), start: e.start, end: e.end, grade: e.grade, claimCount: e.claimCount }));
  const actors = view.nodes.map((n) => ({ slug: n.slug, label: n.label, kind: n.kind, start: n.start, end: n.end }));
  return diffNetwork(ties, actors, w);
}

async function expectKnowledgeAgreement(qs: GraphQuery[], knownDays: string[]) {
  const graph = await loadGraph(ANONYMOUS);
  const claims = await claimsByTie();
  let differs = 0;
  for (const known of knownDays) {
    const asKnown = cutByKnowledge(graph, claims, known);
    for (const q of qs) {
      const query = { ...q, known };
      const got = await loadView(ANONYMOUS, query, { today: '2024-06-15', hubLimit: Infinity });
      const want = buildView(asKnown, query, '2024-06-15');
      expect({ ...got, hidden: undefined }, JSON.stringify(query)).toEqual({ ...want, hidden: undefined });
      if (got.edges.length !== buildView(graph, q, '2024-06-15').edges.length) differs++;
    }
  }
  // The knowledge date must matter in most of these views.
  expect(differs).toBeGreaterThan((qs.length * knownDays.length) / 2);
}

async function expectAgreement(qs: GraphQuery[], windows: { from: string; to: string }[]) {
  const graph = await loadGraph(ANONYMOUS);
  let nonEmpty = 0;
  for (const w of windows) {
    for (const q of qs) {
      const { labels: _labels, ...got } = await loadChanges(ANONYMOUS, q, w);
      expect(got, `${JSON.stringify(q)} ${JSON.stringify(w)}`).toEqual(expectedChanges(graph, q, w));
      if (got.added.length + got.ended.length > 0) nonEmpty++;
    }
  }
  expect(nonEmpty).toBeGreaterThan((qs.length * windows.length) / 2);
}

describe.skipIf(!available)(`time on ${TEST_KIND}`, () => {
  describe('on the seed', () => {
    beforeAll(async () => {
      await freshDatabase();
      await loadSeed();
    });

    it('reads that Tertel became KGB head and Kubrakov interior minister between June 2019 and June 2021', async () => {
      const changes = await loadChanges(ANONYMOUS, { showEnded: true, hops: 1 }, { from: '2019-06-01', to: '2021-06-01' });
      expect(changes.changed.map((c) => [c.tieId, c.replaces.tieId])).toEqual(
        expect.arrayContaining([['tertel-leads-kgb', 'vakulchik-leads-kgb'], ['kubrakov-leads-mvd', 'karayeu-leads-mvd']]),
      );
      const lines = changeLines(changes, (s) => changes.labels[s] ?? s).map(changeLineText);
      expect(lines).toContainEqual(expect.stringMatching(/^3 Sep 2020: Ivan Tertel becomes head of KGB of Belarus, replacing Valery Vakulchik — [A-F][1-6], \d+ claims?$/));
      expect(lines).toContainEqual(expect.stringMatching(/^29 Oct 2020: Ivan Kubrakov becomes head of Ministry of Internal Affairs of Belarus, replacing Yury Karayeu/));
      // Dates in order.
      const days = [...changes.added, ...changes.ended].map((c) => c.on?.date ?? '');
      expect(days.every((d) => d > '2019-01-01' && d < '2021-06-01')).toBe(true);
    });

    it('as known on 1 Sep 2020, drops the ties only later reporting revealed and regrades the rest', async () => {
      const now = await loadView(ANONYMOUS, { showEnded: true, hops: 1, asOf: '2020-08-01' });
      const then = await loadView(ANONYMOUS, { showEnded: true, hops: 1, asOf: '2020-08-01', known: '2020-09-01' });
      expect(then.edges.length).toBeGreaterThan(0);
      expect(then.edges.length).toBeLessThan(now.edges.length);
      const ids = (v: typeof now) => v.edges.map((e) => e.tieId);
      expect(ids(now)).toContain('vakulchik-leads-kgb');
      expect(ids(then)).not.toContain('tertel-leads-kgb');
      // Every tie known then is a tie today, no better graded and with no more claims.
      const today = new Map(now.edges.map((e) => [e.tieId, e]));
      for (const e of then.edges) expect(e.claimCount).toBeLessThanOrEqual(today.get(e.tieId)!.claimCount);
      // The map's changes read the same knowledge: Tertel's appointment was not yet known in 2019–2020 reporting.
      const changes = await loadChanges(ANONYMOUS, { showEnded: true, hops: 1, known: '2020-09-01' }, { from: '2019-06-01', to: '2021-06-01' });
      expect(changes.changed.map((c) => c.tieId)).not.toContain('tertel-leads-kgb');
    });

    it('lists the sources a knowledge date cannot count: those without a publication date', async () => {
      const undated = await findSources(ANONYMOUS, { published: 'unknown' });
      const all = await findSources(ANONYMOUS, {});
      expect(undated.length).toBeGreaterThan(0);
      expect(undated.every((s) => s.published === null)).toBe(true);
      expect(undated.map((s) => s.id)).toEqual(all.filter((s) => s.published === null).map((s) => s.id));
      await expect(findSources(ANONYMOUS, { published: 'known' } as never)).rejects.toThrow(/published/);
    });

    it('cuts the knowledge date in SQL as cutByKnowledge then buildView define it', async () => {
      await expectKnowledgeAgreement(
        [
          { showEnded: true, hops: 1 },
          { showEnded: false, hops: 1, asOf: '2020-12-31' },
          { showEnded: true, hops: 1, minGrade: 'B2' },
          { showEnded: true, hops: 1, types: ['leads', 'sanctioned_by'], minGrade: 'C3' },
          { showEnded: true, hops: 2, focus: 'kgb-belarus' },
        ],
        ['2013-06-30', '2020-09-01', '2021-12-31', '2023-08-15'],
      );
    });

    it('agrees with diffNetwork over buildView for filters and focus', async () => {
      const qs: GraphQuery[] = [
        { showEnded: true, hops: 1 },
        { showEnded: false, hops: 1, types: ['leads', 'holds_position'] },
        { showEnded: true, hops: 1, kinds: ['person'] },
        { showEnded: true, hops: 1, minGrade: 'B2' },
        { showEnded: true, hops: 2, focus: 'kgb-belarus' },
        { showEnded: true, hops: 1, focus: 'ivan-tertel', factions: ['belarus-state'] },
      ];
      await expectAgreement(qs, [{ from: '2019-06-01', to: '2021-06-01' }, { from: '2008-01-01', to: '2013-01-01' }, { from: '1990-01-01', to: '2024-01-01' }]);
    });
  });

  describe('on a generated network', () => {
    beforeAll(async () => {
      await freshDatabase();
      const db = await getDb();
      const doc = generateNetwork(300, 1500, 11);
      for (const [i, a] of doc.actors.entries()) {
        if (i % 7 === 0) a.start = { date: String(1990 + (i % 30)), precision: 'year' };
        if (i % 11 === 0) a.end = { date: `${2000 + (i % 20)}-0${1 + (i % 9)}`, precision: 'month' };
      }
      for (const [i, t] of (doc.ties ?? []).entries()) {
        if (i % 4 === 0) t.start = { date: `${1995 + (i % 25)}-06-30`, precision: i % 8 === 0 ? 'asof' : 'day' };
        if (i % 6 === 0) t.end = { date: String(2000 + (i % 22)), precision: 'year' };
      }
      await insertNetwork(db, doc);
      const ties = await db.tie.findMany({ select: { id: true } });
      await db.$transaction((tx) => refreshTieSummaries(tx, ties.map((t) => t.id)), { timeout: 120_000, maxWait: 60_000 });
    });

    it('agrees with diffNetwork over buildView', { timeout: 120_000 }, async () => {
      const qs: GraphQuery[] = [
        { showEnded: true, hops: 1 },
        { showEnded: true, hops: 1, types: ['leads', 'member_of', 'supports'] },
        { showEnded: true, hops: 1, kinds: ['person'], minGrade: 'C3' },
        { showEnded: true, hops: 2, focus: 'actor-3' },
      ];
      await expectAgreement(qs, [{ from: '2005-01-01', to: '2012-06-30' }, { from: '1999-06-30', to: '2019-06-30' }]);
    });
  });
});
