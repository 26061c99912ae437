// The timeline's read (loadTimeline, /timeline): every page together holds exactly what the pure
// grouping makes of the view the map's definition gives (buildView on the later of today and the
// cursor, ended ties kept, post types unless asked), in the database's page order; the KGB's
// chairmen read in the order they served; filters, focus and the knowledge date cut as on the map.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../lib/data/graph';
import { loadTimeline } from '../../lib/data/network/load-timeline';
import { ANONYMOUS } from '../../lib/data/principal';
import { loadSeed } from '../../lib/data/seed';
import { POST_TIE_TYPES } from '../../lib/domain/vocabulary';
import { buildView } from '../../lib/graph/build-view';
import { groupByActor, groupByPost, type TimelineGroup, type TimelineTie } from '../../lib/graph/timeline';
import type { GraphData, GraphQuery } from '../../lib/graph/types';
import type { TimelineParams } from '../../lib/validation/timeline-queries';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';

const available = await databaseAvailable();
const TODAY = '2024-06-15';

async function allPages(query: GraphQuery, rows: TimelineParams['rows']): Promise<TimelineGroup[]> {
  const groups: TimelineGroup[] = [];
  for (let page = 1; ; page++) {
    const loaded = await loadTimeline(ANONYMOUS, query, { rows, page }, { today: TODAY });
    groups.push(...loaded.groups);
    if (page >= loaded.pageCount) return groups;
  }
}

/** Groups as comparable text: title, rows and their bars' tie ids. */
const shape = (groups: readonly TimelineGroup[]) => groups.map((g) => ({ title: g.title, rows: g.rows.map((r) => [r.actor.slug, r.bars.map((b) => b.tie.tieId)]) }));

describe.skipIf(!available)(`loadTimeline on ${TEST_KIND}`, () => {
  let graph: GraphData;
  beforeAll(async () => {
    await freshDatabase();
    await loadSeed();
    graph = await loadGraph(ANONYMOUS);
  });

  function pureTies(query: GraphQuery): TimelineTie[] {
    const view = buildView(graph, { ...query, asOf: query.asOf && query.asOf > TODAY ? query.asOf : TODAY, showEnded: true, types: query.types ?? [...POST_TIE_TYPES] }, TODAY);
    const label = new Map(view.nodes.map((n) => [n.id, { slug: n.slug, label: n.label }]));
    return view.edges.map((e) => ({ tieId: e.tieId, type: e.type, role: e.role, source: label.get(e.source)!, target: label.get(e.target)!, start: e.start, end: e.end, grade: e.grade, disputed: e.disputed, versions: [] }));
  }

  it('the heads of the KGB are Zaitsev, Vakulchik and Tertel, in that order, each bar its tie', async () => {
    const groups = await allPages({ showEnded: true, hops: 1 }, 'post');
    const kgb = groups.find((g) => g.title === 'Heads of KGB of Belarus');
    expect(kgb?.rows.map((r) => r.actor.slug)).toEqual(['vadim-zaitsev', 'valery-vakulchik', 'ivan-tertel']);
    expect(kgb?.rows.map((r) => r.bars[0]!.tie.tieId)).toEqual(['zaitsev-leads-kgb', 'vakulchik-leads-kgb', 'tertel-leads-kgb']);
    // Tertel's deputy chairmanship is a post of its own beside the chair.
    expect(groups.find((g) => g.title === 'Deputy Chairman, KGB of Belarus')?.rows.map((r) => r.actor.slug)).toContain('ivan-tertel');
  });

  const queries: GraphQuery[] = [
    { showEnded: true, hops: 1 },
    { showEnded: true, hops: 1, types: ['member_of', 'leads'] },
    { showEnded: true, hops: 1, kinds: ['person', 'organization'], minGrade: 'B3' },
    { showEnded: true, hops: 1, factions: ['belarus-state'], asOf: '2030-01-01' },
  ];

  it('all pages together are the pure grouping of the map\'s view, in the database\'s page order', async () => {
    for (const query of queries) {
      const got = await allPages(query, 'post');
      const want = groupByPost(pureTies(query), TODAY, new Map(), got.map((g) => g.key));
      expect(shape(got), JSON.stringify(query)).toEqual(shape(want));
      expect(got.length).toBeGreaterThan(0);
      // Pages come by institution name: the order of titles' institutions never goes back.
      const names = got.map((g) => g.institution!.label);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('actor rows: one per actor, every tie of theirs a bar', async () => {
    for (const query of queries) {
      const got = await allPages(query, 'actor');
      const rows = got.flatMap((g) => g.rows);
      const want = groupByActor(pureTies(query), TODAY, rows.map((r) => r.actor.slug));
      expect(rows.map((r) => [r.actor.slug, r.bars.map((b) => b.tie.tieId)]), JSON.stringify(query)).toEqual(want.rows.map((r) => [r.actor.slug, r.bars.map((b) => b.tie.tieId)]));
    }
  });

  it('a focus draws only its neighbourhood; the knowledge date drops ties reported later', async () => {
    const focused = await allPages({ showEnded: true, hops: 1, focus: 'kgb-belarus' }, 'post');
    expect(focused.every((g) => g.rows.every((r) => r.bars.every((b) => b.tie.source.slug === 'kgb-belarus' || b.tie.target.slug === 'kgb-belarus')))).toBe(true);
    expect(focused.find((g) => g.title === 'Heads of KGB of Belarus')?.rows).toHaveLength(3);

    const now = (await allPages({ showEnded: true, hops: 1 }, 'post')).flatMap((g) => g.rows.flatMap((r) => r.bars.map((b) => b.tie.tieId)));
    const then = (await allPages({ showEnded: true, hops: 1, known: '2020-09-01' }, 'post')).flatMap((g) => g.rows.flatMap((r) => r.bars.map((b) => b.tie.tieId)));
    expect(then.length).toBeLessThan(now.length);
    expect(then).not.toContain('tertel-leads-kgb');
    expect(then.every((id) => now.includes(id))).toBe(true);
  });

  it('a disputed tie carries each source\'s version of its dates', async () => {
    const groups = await allPages({ showEnded: true, hops: 1 }, 'post');
    const bars = groups.flatMap((g) => g.rows.flatMap((r) => r.bars));
    const disputed = bars.filter((b) => b.tie.disputed);
    expect(disputed.length).toBeGreaterThan(0);
    const withVersions = disputed.filter((b) => b.versions.length >= 2);
    expect(withVersions.length).toBeGreaterThan(0);
    for (const b of withVersions) expect(b.text).toMatch(/disputed: .+ according to .+; .+ according to /);
    expect(bars.filter((b) => !b.tie.disputed).every((b) => b.versions.length === 0)).toBe(true);
  });

  it('a page past the end is empty but still counts the pages', async () => {
    const first = await loadTimeline(ANONYMOUS, { showEnded: true, hops: 1 }, { rows: 'post', page: 1 }, { today: TODAY });
    const past = await loadTimeline(ANONYMOUS, { showEnded: true, hops: 1 }, { rows: 'post', page: first.pageCount + 3 }, { today: TODAY });
    expect(past.groups).toEqual([]);
    expect(past.total).toBe(first.total);
    expect(first.total).toBeGreaterThan(0);
  });
});
