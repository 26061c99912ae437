// Views cut in SQL mean what the pure functions say: loadView equals buildView over the whole
// network (and capHubs of it for neighbourhoods) for every filter, several dates, focus at 1–3
// hops, ended ties shown and hidden, hubs capped and expanded — on the seed and on generated
// networks with dated actors, disputed and refuted claims, notes and deleted records.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/generate-network';
import { insertNetwork } from '../../bench/insert-network';
import { getDb } from '../../lib/db/client';
import { getActorProfile } from '../../lib/data/actors/get-actor-profile';
import { loadGraph } from '../../lib/data/graph';
import { loadView, type LoadViewOptions } from '../../lib/data/network/load-view';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { CLAIM_PREVIEW, findSources } from '../../lib/data/sources/find-sources';
import { getSource } from '../../lib/data/sources/get-source';
import { refreshTieSummaries } from '../../lib/data/ties/refresh-tie-summaries';
import { actorNodeId, buildView } from '../../lib/graph/build-view';
import { capHubs } from '../../lib/graph/cap-hubs';
import type { GraphData, GraphQuery } from '../../lib/graph/types';
import type { ImportDocumentInput } from '../../lib/validation/import-document';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const TODAY = '2024-06-15';

function oracle(graph: GraphData, q: GraphQuery, options: LoadViewOptions) {
  const view = buildView(graph, q, options.today ?? TODAY);
  if (!q.focus) return { ...view, hidden: [] };
  return capHubs(view, { focusNodeId: actorNodeId(q.focus), hops: q.hops, limit: options.hubLimit, expand: (options.expand ?? []).map(actorNodeId) });
}

/** Every combination worth asking, for the given focus slugs. */
function queries(
  focuses: string[],
  extra: { kinds: GraphQuery['kinds']; factions: GraphQuery['factions']; types: GraphQuery['types'] },
  dates: (string | undefined)[] = [undefined, '1996-03-31', '2004-12-31', '2012-01-01', '2020-08-09'],
): GraphQuery[] {
  const filters: Partial<GraphQuery>[] = [
    {},
    { kinds: extra.kinds },
    { factions: extra.factions },
    { types: extra.types },
    { minGrade: 'B3' },
    { minGrade: 'A1' },
    { kinds: extra.kinds, factions: extra.factions, types: extra.types, minGrade: 'D6' },
  ];
  const out: GraphQuery[] = [];
  for (const asOf of dates) {
    for (const showEnded of [true, false]) {
      for (const f of filters) {
        const base: GraphQuery = { showEnded, hops: 1, ...(asOf ? { asOf } : {}), ...f };
        out.push(base);
        focuses.forEach((focus, i) => out.push({ ...base, focus, hops: 1 + ((i + out.length) % 3) }));
      }
    }
  }
  return out;
}

async function expectAgreement(principal: Principal, qs: GraphQuery[], options: (q: GraphQuery, i: number) => LoadViewOptions, minNonEmpty = 0.5) {
  const graph = await loadGraph(principal);
  let nonEmpty = 0;
  for (const [i, q] of qs.entries()) {
    const opts = { today: TODAY, ...options(q, i) };
    const got = await loadView(principal, q, opts);
    const want = oracle(graph, q, opts);
    expect(got, `${JSON.stringify(q)} ${JSON.stringify(opts)}`).toEqual(want);
    if (want.edges.length > 0) nonEmpty += 1;
  }
  // The comparison means something only if most views have something in them.
  expect(nonEmpty).toBeGreaterThan(qs.length * minNonEmpty);
}

/** Makes a generated network look like an analyst's: dated actors, contested claims, notes, deletions. */
function vary(doc: ImportDocumentInput): ImportDocumentInput {
  let n = 0;
  const next = () => (n = (n * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const [i, a] of doc.actors.entries()) {
    if (i % 7 === 0) a.start = { date: String(1950 + (i % 60)), precision: 'year' };
    if (i % 11 === 0) a.end = i % 2 ? { date: `${2000 + (i % 20)}-02`, precision: 'month' } : { date: `${2000 + (i % 20)}-06-30`, precision: 'day' };
  }
  for (const [i, t] of (doc.ties ?? []).entries()) {
    const claims = t.claims ?? [];
    if (i % 5 === 0) claims.push({ id: `${t.id}-refutes`, source: 'synthetic-source-2', quote: 'No.', credibility: 3, stance: 'refutes' });
    if (i % 6 === 0) claims.push({ id: `${t.id}-later`, source: 'synthetic-source-0', quote: 'Later.', credibility: 2, statedStart: { date: '2023-05-01', precision: 'day' } });
    if (i % 13 === 0) claims.push({ id: `${t.id}-disputed`, source: 'synthetic-source-4', quote: 'Maybe.', credibility: 6, status: 'disputed' });
    if (i % 9 === 0) t.start = null;
    if (i % 17 === 0) t.end = { date: `201${i % 10}-0${1 + (i % 9)}`, precision: 'month' };
    if (next() < 0.1) t.claims = [];
  }
  return doc;
}

describe.skipIf(!available)(`loadView on ${TEST_KIND}`, () => {
  let analyst: Principal;

  describe('on the seed', () => {
    beforeAll(async () => {
      await freshDatabase();
      await loadSeed();
      const db = await getDb();
      const user = await db.user.create({ data: { name: 'View analyst', email: 'view-analyst@example.test', role: 'analyst' } });
      analyst = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
      const tie = await db.tie.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { id: 'asc' } });
      await db.note.createMany({ data: [
        { tieId: tie.id, authorId: user.id, body: 'internal' },
        { tieId: tie.id, authorId: user.id, body: 'public', visibility: 'public' },
      ] });
      await db.$transaction((tx) => refreshTieSummaries(tx, [tie.id]));
    });

    const focuses = ['alexander-lukashenko', 'ivan-tertel', 'kgb-belarus', 'russian-state', 'no-such-actor'];
    const qs = queries(focuses, { kinds: ['person'], factions: ['belarus-state', 'west'], types: ['leads', 'appointed_by', 'member_of', 'holds_position'] });

    it('agrees with buildView for every filter, date and focus, as an analyst and anonymously', async () => {
      await expectAgreement(analyst, qs, () => ({}));
      await expectAgreement(ANONYMOUS, qs.filter((_, i) => i % 3 === 0), () => ({}));
    });

    it('agrees with capHubs(buildView) when hubs are capped and expanded', async () => {
      const focused = qs.filter((q) => q.focus);
      // Some focuses are unknown or not yet born on early dates: those views are rightly empty.
      await expectAgreement(analyst, focused, (_q, i) => ({ hubLimit: 2 + (i % 4), ...(i % 3 === 0 ? { expand: ['alexander-lukashenko', 'russian-state'] } : {}) }), 0.4);
      const capped = await loadView(analyst, { showEnded: true, focus: 'alexander-lukashenko', hops: 1 }, { hubLimit: 3 });
      expect(capped.nodes).toHaveLength(4);
      expect(capped.hidden).toEqual([{ nodeId: 'actor:alexander-lukashenko', count: expect.any(Number) }]);
      expect(capped.hidden[0]!.count).toBeGreaterThan(10);
    });
  });

  describe('on a generated network', () => {
    beforeAll(async () => {
      await freshDatabase();
      const db = await getDb();
      await insertNetwork(db, vary(generateNetwork(400, 2400, 7)));
      // A hub past SQLite's 999 bound parameters, which Prisma holds each statement to.
      const spokes = Array.from({ length: 1100 }, (_, i) => i);
      await db.tie.createMany({ data: spokes.map((i) => ({ id: `hub-tie-${i}`, sourceId: `actor-${10 + (i % 390)}`, targetId: 'actor-2', type: 'member_of', strength: 1 + (i % 5) })) });
      await db.claim.createMany({ data: spokes.map((i) => ({ id: `hub-claim-${i}`, sourceId: `synthetic-source-${i % 6}`, tieId: `hub-tie-${i}`, quote: 'Hub.', credibility: 1 + (i % 6) })) });
      const user = await db.user.create({ data: { name: 'Gen analyst', email: 'gen-analyst@example.test', role: 'analyst' } });
      analyst = { type: 'user', userId: user.id, role: 'analyst', name: user.name };
      const ties = await db.tie.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
      await db.note.createMany({ data: ties.filter((_, i) => i % 10 === 0).map((t, i) => ({ tieId: t.id, authorId: user.id, body: 'n', visibility: i % 2 ? 'public' : 'internal' })) });
      // Deleted records must vanish from every view.
      await db.actor.updateMany({ where: { slug: { in: ['actor-5', 'actor-77', 'actor-150'] } }, data: { deletedAt: new Date() } });
      await db.tie.updateMany({ where: { id: { in: ties.filter((_, i) => i % 50 === 3).map((t) => t.id) } }, data: { deletedAt: new Date() } });
      await db.source.update({ where: { id: 'synthetic-source-1' }, data: { deletedAt: new Date() } });
      await db.$transaction((tx) => refreshTieSummaries(tx, ties.map((t) => t.id)), { timeout: 120_000, maxWait: 60_000 });
    });

    // actor-0 and actor-1 are hubs (preferential attachment), actor-2 a big one; actor-5 is deleted; 399 is a leaf.
    const focuses = ['actor-0', 'actor-1', 'actor-2', 'actor-42', 'actor-399', 'actor-5', 'actor-210'];
    const qs = queries(
      focuses,
      { kinds: ['person', 'organization'], factions: ['belarus-state', 'russia-state', 'west'], types: ['leads', 'member_of', 'supports', 'opposes', 'ally_of'] },
      [undefined, '1999-12-31', '2012-01-01'],
    );

    it('agrees with buildView and capHubs for every filter, date and focus', { timeout: 300_000 }, async () => {
      await expectAgreement(analyst, qs, (q, i) => (q.focus ? { hubLimit: i % 4 === 0 ? Infinity : 5 + (i % 20), ...(i % 5 === 0 ? { expand: ['actor-0', 'actor-2'] } : {}) } : {}));
    });

    it('caps a hub by default and expands it on request', async () => {
      const q: GraphQuery = { showEnded: true, focus: 'actor-0', hops: 1, asOf: '2024-01-01' };
      const capped = await loadView(analyst, q, { today: TODAY });
      const all = await loadView(analyst, q, { today: TODAY, expand: ['actor-0'] });
      expect(capped.hidden).toHaveLength(1);
      expect(capped.hidden[0]!.nodeId).toBe('actor:actor-0');
      expect(all.hidden).toEqual([]);
      expect(all.nodes.length).toBeGreaterThan(capped.nodes.length);
      const hubTies = (v: { edges: { source: string; target: string }[] }) => v.edges.filter((e) => e.source === 'actor:actor-0' || e.target === 'actor:actor-0').length;
      expect(hubTies(all)).toBe(hubTies(capped) + capped.hidden[0]!.count);
    });

    it("gives a big hub's profile with every tie and the sources behind them counted", async () => {
      const profile = await getActorProfile(analyst, { slug: 'actor-2' });
      expect(profile.ties.length).toBeGreaterThan(1100);
      const cited = profile.sources.reduce((n, s) => n + s.claimCount, 0);
      expect(cited).toBe(profile.claims.length + profile.ties.reduce((n, t) => n + t.claimCount, 0));
      expect(cited).toBeGreaterThan(900); // a sixth of them cite the deleted source
    });

    it('lists sources with their claim counts and only the first claims of each, as their pages order them', async () => {
      const list = await findSources(analyst, {});
      expect(list.length).toBeGreaterThan(3);
      for (const item of list) {
        const page = await getSource(analyst, { id: item.id });
        expect(item.claimCount, item.id).toBe(page.claims.length);
        expect(item.claims, item.id).toEqual(page.claims.slice(0, CLAIM_PREVIEW));
      }
      expect(list.some((item) => item.claimCount > CLAIM_PREVIEW)).toBe(true);
    });
  });
});
