// Time-respecting paths on hand-made networks: ties whose periods follow each other forward in
// time (or stand within one window), a maximum gap, the earliest arrival, certain against possible
// under every date precision, and the answer when only a path ignoring time exists.
import { describe, expect, it } from 'vitest';
import type { PartialDate } from '../../lib/domain/dates';
import { tieInterval, timeRespectingPaths, type TimePathOptions } from '../../lib/graph/time-paths';
import type { GraphView, ViewEdge, ViewNode } from '../../lib/graph/types';
import { actor, tie } from './fixtures/mini-network';
import { isoToDayNumber } from '../../lib/domain/dates';

const d = (date: string, precision: PartialDate['precision'] = 'day'): PartialDate => ({ date, precision });
const AS_OF = '2024-01-01';

/** Ties as [from, to, start, end]; ids "a-b" (a second tie between the same pair "a-b-2"). */
function network(ties: [string, string, PartialDate | null, PartialDate | null][]): GraphView {
  const slugs = new Set<string>();
  const seen = new Map<string, number>();
  const edges: ViewEdge[] = ties.map(([a, b, start, end]) => {
    slugs.add(a).add(b);
    const n = (seen.get(`${a}-${b}`) ?? 0) + 1;
    seen.set(`${a}-${b}`, n);
    return { ...tie(n === 1 ? `${a}-${b}` : `${a}-${b}-${n}`, a, 'associate_of', b, { start, end }), past: false };
  });
  const nodes: ViewNode[] = [...slugs].sort().map((s) => ({ ...actor(s, s.toUpperCase(), 'person', 'other', []), ended: false }));
  return { asOf: AS_OF, nodes, edges };
}

const find = (view: GraphView, options: Partial<TimePathOptions> = {}, from = 'a', to = 'c') => timeRespectingPaths(view, `actor:${from}`, `actor:${to}`, { flow: 'forward', ...options });
const route = (p: { nodeIds: string[] }) => p.nodeIds.map((n) => n.slice('actor:'.length)).join('>');
const day = isoToDayNumber;

describe('tieInterval: the possible and the certain days of a tie, for every precision', () => {
  const cap = day(AS_OF);
  it('day dates are exact in both readings', () => {
    expect(tieInterval({ start: d('2020-09-03'), end: d('2021-01-10') }, 'possible', cap)).toEqual([day('2020-09-03'), day('2021-01-10')]);
    expect(tieInterval({ start: d('2020-09-03'), end: d('2021-01-10') }, 'certain', cap)).toEqual([day('2020-09-03'), day('2021-01-10')]);
  });
  it('a year or month start: possibly from its first day, certainly only from its last', () => {
    expect(tieInterval({ start: d('2020-01-01', 'year'), end: null }, 'possible', cap)).toEqual([day('2020-01-01'), cap]);
    expect(tieInterval({ start: d('2020-01-01', 'year'), end: null }, 'certain', cap)).toEqual([day('2020-12-31'), cap]);
    expect(tieInterval({ start: d('2020-02-01', 'month'), end: null }, 'certain', cap)).toEqual([day('2020-02-29'), cap]);
  });
  it('a year or month end: possibly to its last day, certainly only to its first', () => {
    expect(tieInterval({ start: null, end: d('2012-11-01', 'month') }, 'possible', cap)).toEqual([-Infinity, day('2012-11-30')]);
    expect(tieInterval({ start: null, end: d('2012-11-01', 'month') }, 'certain', cap)).toEqual([-Infinity, day('2012-11-01')]);
  });
  it('"as of" dates: certain on their day, possibly reaching further without limit (to the view\'s day)', () => {
    expect(tieInterval({ start: d('2019-05-01', 'asof'), end: d('2021-05-01', 'asof') }, 'possible', cap)).toEqual([-Infinity, cap]);
    expect(tieInterval({ start: d('2019-05-01', 'asof'), end: d('2021-05-01', 'asof') }, 'certain', cap)).toEqual([day('2019-05-01'), day('2021-05-01')]);
  });
  it('begun and ended within one imprecise year: possible, but with no certain day', () => {
    expect(tieInterval({ start: d('2020-01-01', 'year'), end: d('2020-01-01', 'year') }, 'possible', cap)).toEqual([day('2020-01-01'), day('2020-12-31')]);
    expect(tieInterval({ start: d('2020-01-01', 'year'), end: d('2020-01-01', 'year') }, 'certain', cap)).toBeNull();
  });
});

describe('forward in time', () => {
  it('follows ties whose periods come one after another, and arrives as early as it can', () => {
    const view = network([
      ['a', 'b', d('2010-01-01'), d('2012-01-01')],
      ['b', 'c', d('2011-06-01'), null],
    ]);
    const { paths, timeless } = find(view);
    expect(paths.map(route)).toEqual(['a>b>c']);
    expect(paths[0]!.arrival).toBe('2011-06-01');
    expect(paths[0]!.steps.map((s) => s.on)).toEqual(['2010-01-01', '2011-06-01']);
    expect(paths[0]!.certainty).toBe('certain');
    expect(timeless).toBeNull();
  });

  it('refuses a step back in time, and says a path ignoring time exists', () => {
    const view = network([
      ['a', 'b', d('2015-01-01'), d('2016-01-01')],
      ['b', 'c', d('2010-01-01'), d('2012-01-01')],
    ]);
    const { paths, timeless } = find(view);
    expect(paths).toEqual([]);
    expect(timeless && route(timeless)).toBe('a>b>c');
    // Nothing at all joins a and an actor with no ties: no timeless path either.
    expect(find(network([['a', 'b', null, null], ['x', 'y', null, null]]), {}, 'a', 'y').timeless).toBeNull();
  });

  it('prefers the earlier arrival over the fewer ties', () => {
    const view = network([
      ['a', 'c', d('2020-01-01'), null],
      ['a', 'b', d('2001-01-01'), null],
      ['b', 'c', d('2003-01-01'), null],
    ]);
    expect(find(view).paths.map((p) => [route(p), p.arrival])).toEqual([['a>b>c', '2003-01-01']]);
  });

  it('a maximum gap between steps: a late next step no longer follows', () => {
    const view = network([
      ['a', 'b', d('2010-01-01'), d('2010-02-01')],
      ['b', 'c', d('2010-06-01'), null],
    ]);
    expect(find(view, { maxGapDays: 365 }).paths.map(route)).toEqual(['a>b>c']);
    const tight = find(view, { maxGapDays: 30 });
    expect(tight.paths).toEqual([]);
    expect(tight.timeless && route(tight.timeless)).toBe('a>b>c');
  });

  it('the gap is measured from when the step before could be taken, as late as its period allows', () => {
    // a–b stands 2000–2020; b–c begins 2015: taking a–b in 2015 is still within a day's gap.
    const view = network([
      ['a', 'b', d('2000-01-01'), d('2020-01-01')],
      ['b', 'c', d('2015-01-01'), null],
    ]);
    const [path] = find(view, { maxGapDays: 1 }).paths;
    expect(path && route(path)).toBe('a>b>c');
    expect(path!.steps.map((s) => s.on)).toEqual(['2014-12-31', '2015-01-01']);
  });

  it('imprecise dates: a path only the wide reading allows is possible, and a certain one is offered beside it', () => {
    // a–b began "2012" and b–c ended "2012": possibly in order (both in January), not certainly.
    const view = network([
      ['a', 'b', d('2012-01-01', 'year'), null],
      ['b', 'c', d('2005-01-01'), d('2012-01-01', 'year')],
      ['a', 'x', d('2005-01-01'), null],
      ['x', 'c', d('2016-03-01', 'month'), null],
    ]);
    const { paths } = find(view);
    expect(paths.map((p) => [route(p), p.certainty, p.arrival])).toEqual([
      ['a>b>c', 'possible', '2012-01-01'],
      ['a>x>c', 'certain', '2016-03-31'],
    ]);
    expect(paths[0]!.steps.map((s) => s.certainty)).toEqual(['possible', 'certain']);
    expect(paths[1]!.certainArrival).toBe('2016-03-31');
  });

  it('a certain path arrives possibly earlier than it certainly does', () => {
    // Began "Nov 2012": possibly on the 1st, certainly by the 30th.
    const view = network([
      ['a', 'b', d('2012-11-01', 'month'), null],
      ['b', 'c', d('2000-01-01'), null],
    ]);
    expect(find(view).paths.map((p) => [p.certainty, p.arrival, p.certainArrival])).toEqual([['certain', '2012-11-01', '2012-11-30']]);
  });

  it('"as of" and missing dates: an "as of" start may be older, so it possibly comes in time', () => {
    const view = network([
      ['a', 'b', d('2015-01-01'), null],
      ['b', 'c', d('2018-06-01', 'asof'), d('2016-01-01', 'asof')],
    ]);
    const asOf = find(view);
    expect(asOf.paths[0]).toMatchObject({ certainty: 'possible' });
    // An undated tie counts as standing, as on the map.
    const undated = find(network([['a', 'b', d('2015-01-01'), null], ['b', 'c', null, null]]));
    expect(undated.paths.map((p) => [route(p), p.certainty, p.arrival])).toEqual([['a>b>c', 'certain', '2015-01-01']]);
    expect(find(network([['a', 'b', null, null], ['b', 'c', null, null]])).paths[0]!.arrival).toBeNull();
  });

  it('parallel ties between the same actors are different ways through time', () => {
    const view = network([
      ['a', 'b', d('2001-01-01'), d('2002-01-01')],
      ['a', 'b', d('2010-01-01'), d('2011-01-01')],
      ['b', 'c', d('2010-06-01'), d('2010-07-01')],
    ]);
    const [path] = find(view, { maxGapDays: 200 }).paths;
    expect(path?.edgeIds).toEqual(['tie:a-b-2', 'tie:b-c']);
  });

  it('a window bounds every step; the path finder\'s own options still hold', () => {
    const view = network([
      ['a', 'b', d('2010-01-01'), null],
      ['b', 'c', d('2015-01-01'), null],
    ]);
    expect(find(view, { window: { to: '2014-12-31' } }).paths).toEqual([]);
    expect(find(view, { window: { from: '2016-01-01' } }).paths[0]!.steps.map((s) => s.on)).toEqual(['2016-01-01', '2016-01-01']);
    expect(find(view, { avoid: ['actor:b'] }).paths).toEqual([]);
    expect(find(view, { directed: true }, 'c', 'a').paths).toEqual([]);
  });
});

describe('within one window', () => {
  const view = network([
    ['a', 'b', d('2010-01-01'), d('2012-01-01')],
    ['b', 'c', d('2011-01-01', 'year'), d('2011-01-01', 'year')],
    ['a', 'x', d('2000-01-01'), d('2001-01-01')],
    ['x', 'c', d('2000-01-01'), null],
  ]);

  it('keeps the ties that stood at some time in the window, in any order, marking the uncertain', () => {
    const { paths } = find(view, { flow: 'window', window: { from: '2011-03-01', to: '2011-04-01' } });
    expect(paths.map((p) => [route(p), p.certainty])).toEqual([['a>b>c', 'possible']]);
    const wide = find(view, { flow: 'window', window: { from: '2000-06-01', to: '2011-12-31' }, k: 3 });
    expect(wide.paths.map((p) => [route(p), p.certainty])).toEqual([['a>b>c', 'possible'], ['a>x>c', 'certain']]);
  });

  it('no path in the window, but one across time: says so', () => {
    const { paths, timeless } = find(view, { flow: 'window', window: { from: '2020-01-01', to: '2021-01-01' } });
    expect(paths).toEqual([]);
    expect(timeless && route(timeless)).toBe('a>b>c');
  });
});
