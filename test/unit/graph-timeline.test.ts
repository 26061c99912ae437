// The timeline's pure definition: how each date precision is drawn, how posts group and order,
// the versions of a disputed tie's dates, the axis, and the address the page reads.
import { describe, expect, it } from 'vitest';
import { isoToDayNumber, type PartialDate } from '@/lib/domain/dates';
import { barShape, barText, dateVersions, dayToX, groupByActor, groupByPost, postRows, timelineAxis, type TimelineTie } from '@/lib/graph/timeline';
import { parseTimelineQuery } from '@/lib/validation/timeline-queries';

const TODAY = '2024-06-15';
const d = (date: string, precision: PartialDate['precision'] = 'day'): PartialDate => ({ date, precision });
const day = isoToDayNumber;

function tie(id: string, source: string, target: string, start: PartialDate | null, end: PartialDate | null, extra: Partial<TimelineTie> = {}): TimelineTie {
  return {
    tieId: id, type: 'leads', role: 'Chairman', source: { slug: source, label: source.toUpperCase() }, target: { slug: target, label: `The ${target}` },
    start, end, grade: 'B2', disputed: false, versions: [], ...extra,
  };
}

describe('barShape: each precision drawn as it is known', () => {
  it('a day start and a day end are a solid bar from the day to the end day inclusive', () => {
    const s = barShape(d('2020-09-03'), d('2021-01-10'), TODAY);
    expect(s).toMatchObject({ from: day('2020-09-03'), to: day('2021-01-11'), fadeIn: null, fadeOut: null, openStart: false, openEnd: false, points: [] });
  });

  it('a year start fades in across the whole year; a month end fades out across the month', () => {
    const s = barShape(d('2008-01-01', 'year'), d('2012-11-01', 'month'), TODAY);
    expect(s.fadeIn).toEqual({ from: day('2008-01-01'), to: day('2009-01-01') });
    expect(s.fadeOut).toEqual({ from: day('2012-11-01'), to: day('2012-12-01') });
    expect(s.from).toBe(day('2008-01-01'));
    expect(s.to).toBe(day('2012-12-01'));
  });

  it('a month start fades in across its month only', () => {
    expect(barShape(d('2012-11-01', 'month'), d('2020-09-03'), TODAY).fadeIn).toEqual({ from: day('2012-11-01'), to: day('2012-12-01') });
  });

  it('an "as of" start is a point with the left side open, never a fade', () => {
    const s = barShape(d('2021-03-12', 'asof'), null, TODAY);
    expect(s).toMatchObject({ from: day('2021-03-12'), openStart: true, fadeIn: null, points: [day('2021-03-12')] });
  });

  it('an open end runs to today (inclusive) and stays open on the right', () => {
    const s = barShape(d('2020-09-03'), null, TODAY);
    expect(s).toMatchObject({ to: day(TODAY) + 1, openEnd: true, fadeOut: null });
  });

  it('an "as of" end is a point, open after it', () => {
    const s = barShape(d('2015-01-01', 'year'), d('2019-05-01', 'asof'), TODAY);
    expect(s).toMatchObject({ to: day('2019-05-02'), openEnd: true, fadeOut: null, points: [day('2019-05-01')] });
  });

  it('no start: open on the left from the end, or from today when nothing is known', () => {
    expect(barShape(null, d('2019-01-01', 'year'), TODAY)).toMatchObject({ from: day('2019-01-01'), openStart: true });
    expect(barShape(null, null, TODAY)).toMatchObject({ from: day(TODAY), to: day(TODAY) + 1, openStart: true, openEnd: true });
  });

  it('a start and an end in the same year share the year, half fading in and half out', () => {
    const s = barShape(d('2020-01-01', 'year'), d('2020-01-01', 'year'), TODAY);
    expect(s.fadeIn!.from).toBe(day('2020-01-01'));
    expect(s.fadeOut!.to).toBe(day('2021-01-01'));
    expect(s.fadeIn!.to).toBe(s.fadeOut!.from);
  });

  it('an end recorded before its start still draws forwards, one day long', () => {
    const s = barShape(d('2020-05-05'), d('2020-01-01'), TODAY);
    expect(s.to).toBe(s.from + 1);
  });
});

describe('groupByPost: holders in the order they served', () => {
  const ties = [
    tie('tertel', 'tertel', 'kgb', d('2020-09-03'), null),
    tie('zaitsev', 'zaitsev', 'kgb', d('2008-07-01', 'month'), d('2012-11-01', 'month')),
    tie('vakulchik', 'vakulchik', 'kgb', d('2012-11-01', 'month'), d('2020-09-03')),
    tie('deputy', 'tertel', 'kgb', d('2008-11-01', 'month'), d('2020-06-01', 'month'), { type: 'holds_position', role: 'Deputy Chairman' }),
    tie('undated', 'nobody', 'kgb', null, null, { role: 'Head' }),
  ];

  it('one group per post: the heads apart from the deputies, heads in order of start, undated last', () => {
    const groups = groupByPost(ties, TODAY);
    const heads = groups.find((g) => g.title === 'Heads of The kgb')!;
    expect(heads.rows.map((r) => r.actor.slug)).toEqual(['zaitsev', 'vakulchik', 'tertel', 'nobody']);
    expect(groups.find((g) => g.title === 'Deputy Chairman, The kgb')!.rows.map((r) => r.actor.slug)).toEqual(['tertel']);
  });

  it('each chairman names who held the post before and after', () => {
    const heads = groupByPost(ties, TODAY).find((g) => g.title === 'Heads of The kgb')!;
    const bar = (slug: string) => heads.rows.find((r) => r.actor.slug === slug)!.bars[0]!;
    expect([bar('zaitsev').predecessor?.slug, bar('zaitsev').successor?.slug]).toEqual([undefined, 'vakulchik']);
    expect(bar('vakulchik').text).toBe('VAKULCHIK leads The kgb (Chairman), Nov 2012 – 3 Sep 2020, B2; after ZAITSEV; before TERTEL');
    expect(bar('tertel').text).toMatch(/; after VAKULCHIK$/);
  });

  it('keeps the order the database paged the groups in, and carries the count left undrawn', () => {
    const groups = groupByPost(ties, TODAY, new Map([['kgb\u0000leads\u0000', 7]]), ['kgb\u0000holds_position\u0000Deputy Chairman', 'kgb\u0000leads\u0000']);
    expect(groups.map((g) => g.title)).toEqual(['Deputy Chairman, The kgb', 'Heads of The kgb']);
    expect(groups[1]!.more).toBe(7);
  });

  it('a holder who served twice is one row with two bars', () => {
    const twice = [tie('a1', 'a', 'kgb', d('2000-01-01', 'year'), d('2004-01-01', 'year')), tie('b', 'b', 'kgb', d('2004-06-01'), d('2008-01-01')), tie('a2', 'a', 'kgb', d('2008-01-01', 'year'), null)];
    const [group] = groupByPost(twice, TODAY);
    expect(group!.rows.map((r) => [r.actor.slug, r.bars.map((b) => b.tie.tieId)])).toEqual([['a', ['a1', 'a2']], ['b', ['b']]]);
  });

  it('actor rows: one per source, in the order asked for', () => {
    const group = groupByActor(ties, TODAY, ['vakulchik', 'tertel']);
    expect(group.rows.slice(0, 2).map((r) => [r.actor.slug, r.bars.length])).toEqual([['vakulchik', 1], ['tertel', 2]]);
  });

  it('a profile row per post, named by title and institution', () => {
    const rows = postRows(ties.filter((t) => t.source.slug === 'tertel'), TODAY).rows;
    expect(rows.map((r) => r.label)).toEqual(['Deputy Chairman, The kgb', 'Chairman, The kgb']);
  });
});

describe('disputed dates', () => {
  it('one version per distinct pair of dates, naming its sources; one side stated keeps the tie\'s other; a single version is no dispute', () => {
    const own = { start: d('2012-11-01', 'month'), end: d('2020-09-03') };
    const versions = dateVersions([
      { start: d('2012-11-01', 'month'), end: null, source: 'Belta' },
      { start: d('2012-01-01', 'year'), end: d('2020-09-03'), source: 'Wikipedia' },
      { start: null, end: d('2020-09-03'), source: 'TASS' },
      { start: null, end: null, source: 'Undated' },
    ], own);
    expect(versions).toEqual([
      { start: d('2012-01-01', 'year'), end: d('2020-09-03'), sources: ['Wikipedia'] },
      { start: d('2012-11-01', 'month'), end: d('2020-09-03'), sources: ['Belta', 'TASS'] },
    ]);
    expect(dateVersions([{ start: d('2012-11-01', 'month'), end: null, source: 'Belta' }, { start: null, end: d('2020-09-03'), source: 'TASS' }], own)).toEqual([]);
  });

  it('the bar says it is disputed and what each source gives', () => {
    const t = tie('v', 'v', 'kgb', d('2012-11-01', 'month'), d('2020-09-03'), { disputed: true, versions: [{ start: d('2012-01-01', 'year'), end: null, sources: ['Wikipedia'] }] });
    expect(barText(t)).toBe('V leads The kgb (Chairman), Nov 2012 – 3 Sep 2020, B2; disputed: from 2012 according to Wikipedia');
  });
});

describe('timelineAxis', () => {
  it('whole years from the first start to the end of today\'s year, the cursor included, a dozen marks at most', () => {
    const groups = groupByPost([tie('z', 'z', 'kgb', d('2008-07-01', 'month'), d('2012-11-01', 'month'))], TODAY);
    const axis = timelineAxis(groups, TODAY, '1999-05-01');
    expect(axis.from).toBe(day('1999-01-01'));
    expect(axis.to).toBe(day('2025-01-01'));
    expect(axis.ticks.length).toBeLessThanOrEqual(12);
    expect(axis.ticks.map((t) => t.label)).toContain('2000');
    expect(dayToX(axis.from, axis, 100)).toBe(0);
    expect(dayToX(axis.to + 400, axis, 100)).toBe(100);
  });
});

describe('parseTimelineQuery: the map\'s address plus rows and page', () => {
  it('reads the map\'s parameters, a form\'s repeated checkboxes and blank date', () => {
    const parsed = parseTimelineQuery({ asOf: '2020-09-01', types: ['leads', 'holds_position'], kinds: '', rows: 'actor', page: '2' });
    expect(parsed).toEqual({ ok: true, query: { asOf: '2020-09-01', showEnded: true, hops: 1, types: ['holds_position', 'leads'] }, timeline: { rows: 'actor', page: 2 } });
    expect(parseTimelineQuery({})).toMatchObject({ ok: true, timeline: { rows: 'post', page: 1 } });
  });

  it('refuses what the map refuses, and a bad page or rows', () => {
    const parsed = parseTimelineQuery({ asOf: '2021-02-29', rows: 'tie', page: '0', nonsense: '1' });
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors.join('\n');
    expect(errors).toMatch(/asOf/);
    expect(errors).toMatch(/nonsense: unknown parameter/);
    expect(errors).toMatch(/rows: must be one of post, actor/);
    expect(errors).toMatch(/page: must be a whole number/);
  });
});
