// GET /api/graph/paths's data: loadPaths finds in the database's cut exactly what kShortestPaths
// finds in the view the pure functions define — the map's whole view on a network drawn whole,
// the union of both ends' capped neighbourhoods on a large one — with every option honoured.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../lib/data/graph';
import { loadPaths } from '../../lib/data/network/load-paths';
import { PATH_HOPS } from '../../lib/data/network/load-map';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { actorNodeId, buildView } from '../../lib/graph/build-view';
import { capHubs } from '../../lib/graph/cap-hubs';
import { kShortestPaths } from '../../lib/graph/k-paths';
import { mergeViews } from '../../lib/graph/merge-views';
import type { GraphData, GraphQuery } from '../../lib/graph/types';
import { timeRespectingPaths } from '../../lib/graph/time-paths';
import { pathParamsSchema, type PathParams } from '../../lib/validation/path-queries';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const TODAY = '2024-06-15';
const FROM = 'sviatlana-tsikhanouskaya';
const TO = 'boris-gryzlov';

const params = (extra: Record<string, string> = {}): PathParams => pathParamsSchema.parse({ from: FROM, to: TO, ...extra });
const chains = (result: Awaited<ReturnType<typeof loadPaths>>) => result.paths.map((p) => p.actors.map((a) => a.slug));

describe.skipIf(!available)(`loadPaths on ${TEST_KIND}`, () => {
  let graph: GraphData;
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    graph = await loadGraph(ANONYMOUS);
  });

  const cases: [GraphQuery, Record<string, string>][] = [
    [{ showEnded: true, hops: 1 }, {}],
    [{ showEnded: true, hops: 1 }, { k: '5' }],
    [{ showEnded: true, hops: 1 }, { k: '5', avoid: 'belarus,alexander-lukashenko' }],
    [{ showEnded: false, hops: 1, asOf: '2021-06-01' }, { k: '4', maxDegree: '12' }],
    [{ showEnded: true, hops: 1, minGrade: 'C3' }, { k: '5', direction: 'follow' }],
    [{ showEnded: true, hops: 1 }, { k: '5', pathTypes: 'opposes,supports,associate_of,leads,represents', pathMinGrade: 'B3' }],
    [{ showEnded: true, hops: 1, factions: ['belarus-state', 'belarus-opposition', 'russia-state'] }, { k: '3' }],
  ];

  it('finds on a network drawn whole what kShortestPaths finds in the map\'s view', async () => {
    let nonEmpty = 0;
    for (const [query, extra] of cases) {
      const p = params(extra);
      const got = await loadPaths(ANONYMOUS, query, p, { today: TODAY });
      const view = buildView(graph, query, TODAY);
      const want = kShortestPaths(view, actorNodeId(FROM), actorNodeId(TO), {
        k: p.k,
        avoid: (p.avoid ?? []).map(actorNodeId),
        directed: p.direction === 'follow',
        maxDegree: p.maxDegree,
        types: p.pathTypes,
        minGrade: p.pathMinGrade,
      });
      expect(got.scope).toBe('view');
      expect(chains(got), JSON.stringify([query, extra])).toEqual(want.map((w) => w.nodeIds.map((n) => n.slice('actor:'.length))));
      expect(got.paths.map((x) => x.ties.map((t) => `tie:${t.id}`))).toEqual(want.map((w) => w.edgeIds));
      if (want.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(cases.length / 2);
  });

  it('cuts a large network to both ends\' neighbourhoods, and agrees with capHubs of the pure view', async () => {
    for (const [query, extra] of cases) {
      const p = params(extra);
      const got = await loadPaths(ANONYMOUS, query, p, { today: TODAY, overviewAbove: 0 });
      const full = buildView(graph, query, TODAY);
      const hoods = [FROM, TO].map((slug) => capHubs(buildView(graph, { ...query, focus: slug, hops: PATH_HOPS }, TODAY), { focusNodeId: actorNodeId(slug), hops: PATH_HOPS }));
      const view = mergeViews(full.asOf, hoods);
      const extraDegree = new Map<string, number>();
      for (const h of hoods) for (const x of h.hidden) extraDegree.set(x.nodeId, Math.min(x.count, extraDegree.get(x.nodeId) ?? Infinity));
      const want = kShortestPaths(view, actorNodeId(FROM), actorNodeId(TO), {
        k: p.k,
        avoid: (p.avoid ?? []).map(actorNodeId),
        directed: p.direction === 'follow',
        maxDegree: p.maxDegree,
        types: p.pathTypes,
        minGrade: p.pathMinGrade,
        extraDegree,
      });
      expect(got.scope).toBe('neighbourhoods');
      expect(got.hops).toBe(PATH_HOPS);
      expect(chains(got), JSON.stringify([query, extra])).toEqual(want.map((w) => w.nodeIds.map((n) => n.slice('actor:'.length))));
    }
  });

  it('avoids the state and reads each path in words', async () => {
    const all = await loadPaths(ANONYMOUS, { showEnded: true, hops: 1 }, params({ k: '5' }), { today: TODAY });
    const around = await loadPaths(ANONYMOUS, { showEnded: true, hops: 1 }, params({ k: '5', avoid: 'belarus' }), { today: TODAY });
    expect(all.paths.length).toBeGreaterThan(1);
    expect(around.paths.length).toBeGreaterThan(0);
    for (const p of around.paths) expect(p.actors.map((a) => a.slug)).not.toContain('belarus');
    for (const [i, p] of around.paths.entries()) {
      expect(p.rank).toBe(i + 1);
      expect(p.ties).toHaveLength(p.length);
      expect(p.actors[0]!.slug).toBe(FROM);
      expect(p.actors.at(-1)!.slug).toBe(TO);
      for (const t of p.ties) expect(t.sentence).toContain(t.typeLabel);
    }
    expect(around.paths.map((p) => p.length)).toEqual([...around.paths.map((p) => p.length)].sort((a, b) => a - b));
    expect(around.from?.label).toBe('Sviatlana Tsikhanouskaya');
  });

  it('says so when an end is not on the map', async () => {
    const got = await loadPaths(ANONYMOUS, { showEnded: true, hops: 1 }, pathParamsSchema.parse({ from: FROM, to: 'no-such-actor' }), { today: TODAY });
    expect(got).toMatchObject({ from: { slug: FROM }, to: null, paths: [] });
  });

  it('time-respecting paths: the pure search on the same view, and a timeless path when time forbids one', async () => {
    const query: GraphQuery = { showEnded: true, hops: 1 };
    for (const extra of [{ time: 'forward' }, { time: 'forward', maxGapDays: '30' }, { time: 'window', timeFrom: '2020-08-01', timeTo: '2020-12-31', k: '3' }] as const) {
      const p = pathParamsSchema.parse({ from: 'vadim-zaitsev', to: 'ivan-kubrakov', ...extra });
      const got = await loadPaths(ANONYMOUS, query, p, { today: TODAY });
      const want = timeRespectingPaths(buildView(graph, query, TODAY), actorNodeId('vadim-zaitsev'), actorNodeId('ivan-kubrakov'), {
        k: p.k, avoid: [], directed: false, flow: p.time!, maxGapDays: p.maxGapDays, window: { from: p.timeFrom, to: p.timeTo },
      });
      expect(got.paths.map((x) => [x.actors.map((a) => a.slug), x.arrival ?? null, x.certainty]), JSON.stringify(extra)).toEqual(
        want.paths.map((w) => [w.nodeIds.map((n) => n.slice('actor:'.length)), w.arrival, w.certainty]),
      );
      expect(got.time).toMatchObject({ flow: p.time });
      expect(got.timeless?.actors.map((a) => a.slug) ?? null).toEqual(want.timeless?.nodeIds.map((n) => n.slice('actor:'.length)) ?? null);
    }
    // Zaitsev left the KGB in 2012 and Kubrakov's ties begin years later: within 30 days of each other, no path runs forward.
    const tight = await loadPaths(ANONYMOUS, query, pathParamsSchema.parse({ from: 'vadim-zaitsev', to: 'ivan-kubrakov', time: 'forward', maxGapDays: '30' }), { today: TODAY });
    expect(tight.paths).toEqual([]);
    expect(tight.timeless?.length).toBeGreaterThan(0);
    const open = await loadPaths(ANONYMOUS, query, pathParamsSchema.parse({ from: 'vadim-zaitsev', to: 'ivan-kubrakov', time: 'forward' }), { today: TODAY });
    expect(open.paths[0]).toMatchObject({ certainty: expect.stringMatching(/^(certain|possible)$/), arrival: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(open.paths[0]!.ties.every((t) => t.certainty !== undefined && 'on' in t)).toBe(true);
    expect(open.timeless).toBeNull();
  });

  it('refuses time options that mean nothing', () => {
    expect(pathParamsSchema.safeParse({ from: FROM, to: TO, maxGapDays: '30' }).success).toBe(false);
    expect(pathParamsSchema.safeParse({ from: FROM, to: TO, time: 'window', maxGapDays: '30' }).success).toBe(false);
    expect(pathParamsSchema.safeParse({ from: FROM, to: TO, time: 'forward', timeFrom: '2021-01-01', timeTo: '2020-01-01' }).success).toBe(false);
    expect(pathParamsSchema.safeParse({ from: FROM, to: TO, time: 'sideways' }).success).toBe(false);
    expect(pathParamsSchema.safeParse({ from: FROM, to: TO, time: 'forward', maxGapDays: '0', timeFrom: '2020-01-01' }).success).toBe(true);
  });
});
