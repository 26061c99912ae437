// The difference between two dates on hand-made networks: every date precision, ends through an
// actor's death, posts changing hands, and a view-by-view oracle (sliceAt on both days).
import { describe, expect, it } from 'vitest';
import { changeLines, changeLineText, diffNetwork, successions, type ChangeActor, type ChangeTie } from '../../lib/graph/changes';
import type { PartialDate } from '../../lib/domain/dates';
import type { DatePrecision } from '../../lib/domain/vocabulary';
import { sliceAt } from '../../lib/graph/time-slice';
import type { GraphData } from '../../lib/graph/types';

const d = (date: string, precision: DatePrecision = 'day'): PartialDate => ({ date, precision });
const W = { from: '2019-06-01', to: '2021-06-01' };

function actor(slug: string, over: Partial<ChangeActor> = {}): ChangeActor {
  return { slug, label: slug.toUpperCase(), kind: 'person', start: null, end: null, ...over };
}
function tie(tieId: string, source: string, target: string, over: Partial<ChangeTie> = {}): ChangeTie {
  return { tieId, type: 'ally_of', role: '', source, target, start: null, end: null, grade: 'B2', claimCount: 1, ...over };
}

const people = ['a', 'b', 'c', 'kgb', 'mvd'].map((s) => actor(s, s.length > 1 ? { kind: 'organization', label: s === 'kgb' ? 'KGB of Belarus' : 'Interior Ministry' } : {}));
const ids = (list: { tieId: string }[]) => list.map((c) => c.tieId);

describe('diffNetwork', () => {
  it('marks ties begun inside the window as added, in date order, certain when the precision allows', () => {
    const ties = [
      tie('day', 'a', 'b', { start: d('2020-09-03') }),
      tie('month', 'a', 'c', { start: d('2020-02-01', 'month') }),
      tie('year', 'b', 'c', { start: d('2021-01-01', 'year') }),
      tie('asof', 'c', 'a', { start: d('2020-11-06', 'asof') }),
      tie('before', 'a', 'b', { start: d('2019-05-31') }),
      tie('on-from', 'b', 'a', { start: d('2019-06-01') }),
      tie('after', 'c', 'b', { start: d('2021-06-02') }),
      tie('undated', 'c', 'b'),
    ];
    const changes = diffNetwork(ties, people, W);
    expect(ids(changes.added)).toEqual(['month', 'day', 'asof', 'year']);
    const certain = Object.fromEntries(changes.added.map((c) => [c.tieId, c.certain]));
    // A year 2021 may mean after 1 June 2021; an "as of" start may be years older than its day.
    expect(certain).toEqual({ month: true, day: true, asof: false, year: false });
    expect(changes.ended).toEqual([]);
  });

  it('marks ties over inside the window as ended, by their own end or an actor’s, and uncertain across the edge', () => {
    const ties = [
      tie('day', 'a', 'b', { end: d('2020-09-03') }),
      tie('month', 'a', 'c', { end: d('2019-06-01', 'month') }),
      tie('year-straddles', 'b', 'c', { end: d('2019-01-01', 'year') }),
      tie('earlier', 'b', 'c', { end: d('2019-05-31') }),
      tie('open', 'b', 'a'),
      tie('death', 'c', 'kgb'),
    ];
    const dying = people.map((p) => (p.slug === 'c' ? { ...p, end: d('2020-03-01', 'month') } : p));
    const changes = diffNetwork(ties, dying, W);
    // "2019" ends on 31 Dec 2019 for the slice, so it was in force on 1 June 2019 — perhaps not.
    expect(ids(changes.ended)).toEqual(['year-straddles', 'month', 'death', 'day'].sort((x, y) => {
      const on = { 'year-straddles': '2019-01-01', month: '2019-06-01', death: '2020-03-01', day: '2020-09-03' } as Record<string, string>;
      return on[x]! < on[y]! ? -1 : 1;
    }));
    const byId = Object.fromEntries(changes.ended.map((c) => [c.tieId, c]));
    expect(byId['year-straddles']!.certain).toBe(false);
    expect(byId.month!.certain).toBe(true);
    expect(byId.death!.on).toEqual(d('2020-03-01', 'month'));
    expect(changes.actors.ended).toEqual([{ slug: 'c', label: 'C', kind: 'person', on: d('2020-03-01', 'month'), certain: true }]);
  });

  it('lists a tie begun and ended inside the window in both lists', () => {
    const changes = diffNetwork([tie('brief', 'a', 'b', { start: d('2020-10-29'), end: d('2020-10-29') })], people, W);
    expect(ids(changes.added)).toEqual(['brief']);
    expect(ids(changes.ended)).toEqual(['brief']);
  });

  it('counts a tie added when its actor is founded inside the window', () => {
    const founded = people.map((p) => (p.slug === 'mvd' ? { ...p, start: d('2020-01-01', 'year') } : p));
    const changes = diffNetwork([tie('t', 'a', 'mvd', { start: d('2001-01-01') })], founded, W);
    expect(changes.added.map((c) => [c.tieId, c.on])).toEqual([['t', d('2020-01-01', 'year')]]);
    expect(changes.actors.appeared.map((a) => a.slug)).toEqual(['mvd']);
  });

  it('agrees with the views on both days for every precision', () => {
    const precisions: DatePrecision[] = ['year', 'month', 'day', 'asof'];
    const days = ['2018-12-01', '2019-01-01', '2019-06-01', '2019-09-15', '2020-12-31', '2021-06-01', '2022-02-01'];
    const dates = (p: DatePrecision) => days.map((day) => d(p === 'year' ? `${day.slice(0, 4)}-01-01` : p === 'month' ? `${day.slice(0, 7)}-01` : day, p));
    const all = precisions.flatMap(dates);
    const ties: ChangeTie[] = [];
    let n = 0;
    for (const start of [null, ...all]) for (const end of [null, ...all]) if (!start || !end || start.date <= end.date) ties.push(tie(`t${n++}`, 'a', 'b', { start, end }));
    const changes = diffNetwork(ties, people, W);
    const graph: GraphData = {
      nodes: people.map((p) => ({ id: `actor:${p.slug}`, slug: p.slug, label: p.label, kind: p.kind, faction: 'belarus-state', summary: '', start: p.start, end: p.end, names: [], x: null, y: null })),
      edges: ties.map((t) => ({ id: `tie:${t.tieId}`, tieId: t.tieId, source: `actor:${t.source}`, target: `actor:${t.target}`, type: t.type, category: 'alliance', role: '', start: t.start, end: t.end, strength: 1, grade: null, disputed: false, claimCount: 0, noteCount: 0 })),
    };
    const at = (day: string) => new Map(sliceAt(graph, day, true).edges.map((e) => [e.tieId, e.past]));
    const before = at(W.from);
    const after = at(W.to);
    const wantAdded = ties.filter((t) => !before.has(t.tieId) && after.has(t.tieId)).map((t) => t.tieId);
    const wantEnded = ties.filter((t) => before.get(t.tieId) !== true && after.get(t.tieId) === true).map((t) => t.tieId);
    expect(ids(changes.added).sort()).toEqual(wantAdded.sort());
    expect(ids(changes.ended).sort()).toEqual(wantEnded.sort());
    expect(wantAdded.length).toBeGreaterThan(20);
    expect(wantEnded.length).toBeGreaterThan(20);
    // A day-precision date strictly inside the window is always certain.
    for (const c of changes.added) if (c.on?.precision === 'day' && c.on.date > '2019-06-01') expect(c.certain).toBe(true);
  });
});

describe('successions and lines', () => {
  const ties = [
    tie('vakulchik', 'b', 'kgb', { type: 'leads', role: 'Chairman', start: d('2012-11-01', 'month'), end: d('2020-09-03') }),
    tie('tertel', 'a', 'kgb', { type: 'leads', role: 'Chairman', start: d('2020-09-03'), grade: 'C1', claimCount: 2 }),
    tie('deputy-out', 'c', 'mvd', { type: 'holds_position', role: 'Deputy Minister', end: d('2020-05-01', 'month') }),
    tie('deputy-in', 'b', 'mvd', { type: 'holds_position', role: 'First Deputy Minister', start: d('2020-06-01') }),
    tie('ally', 'a', 'c', { start: d('2020-01-01', 'year'), grade: null, claimCount: 0 }),
  ];
  const labels = Object.fromEntries([...people.map((p) => [p.slug, p.label]), ['a', 'Ivan Tertel'], ['b', 'Valery Vakulchik']]);
  const changes = diffNetwork(ties, people, W);

  it('pairs a new head with the one whose term ended, and not positions of another title', () => {
    expect(changes.changed.map((c) => [c.tieId, c.replaces.tieId])).toEqual([['tertel', 'vakulchik']]);
  });

  it('does not pair a successor who started long after, nor one who started while the other still held the post', () => {
    const late = [{ ...changes.added[0]!, tieId: 'x', type: 'leads' as const, target: 'kgb', source: 'c', start: d('2022-01-01') }];
    expect(successions(late, changes.ended.filter((c) => c.tieId === 'vakulchik'))).toEqual([]);
    const early = [{ ...late[0]!, start: d('2019-01-01', 'year') }];
    expect(successions(early, changes.ended.filter((c) => c.tieId === 'vakulchik'))).toEqual([]);
  });

  it('writes the changes in words, in date order, with grade and claims', () => {
    const lines = changeLines(changes, (slug) => labels[slug] ?? slug).map(changeLineText);
    expect(lines).toEqual([
      '2020: New: Ivan Tertel ally of C — ungraded, 0 claims',
      'May 2020: C leaves the post of Deputy Minister of Interior Ministry — B2, 1 claim',
      '1 Jun 2020: Valery Vakulchik becomes First Deputy Minister of Interior Ministry — B2, 1 claim',
      '3 Sep 2020: Ivan Tertel becomes head of KGB of Belarus, replacing Valery Vakulchik — C1, 2 claims',
    ]);
  });
});

describe('change marks of a drawn network', () => {
  const graph: GraphData = {
    nodes: [
      { id: 'actor:a', slug: 'a', label: 'A', kind: 'person', faction: 'other', start: null, end: null } as GraphData['nodes'][number],
      { id: 'actor:b', slug: 'b', label: 'B', kind: 'person', faction: 'other', start: null, end: null } as GraphData['nodes'][number],
      { id: 'actor:c', slug: 'c', label: 'C', kind: 'organization', faction: 'other', start: { date: '2020-03-01', precision: 'day' }, end: null } as GraphData['nodes'][number],
    ],
    edges: [
      { id: 'tie:old', tieId: 'old', source: 'actor:a', target: 'actor:b', type: 'ally_of', role: '', start: { date: '2010', precision: 'year' }, end: { date: '2020-06-01', precision: 'day' }, grade: 'B2', claimCount: 1 } as GraphData['edges'][number],
      { id: 'tie:new', tieId: 'new', source: 'actor:b', target: 'actor:a', type: 'opposes', role: '', start: { date: '2020-07-01', precision: 'day' }, end: null, grade: null, claimCount: 1 } as GraphData['edges'][number],
    ],
  };

  it('marks as diffNetwork finds: ties and actors begun between the dates new, those over by the later one gone', async () => {
    const { changeInputOf, changeMarkIds } = await import('../../lib/graph/changes');
    const { ties, actors } = changeInputOf(graph);
    expect(ties.map((t) => [t.tieId, t.source, t.target])).toEqual([['old', 'a', 'b'], ['new', 'b', 'a']]);
    const marks = changeMarkIds(diffNetwork(ties, actors, { from: '2019-01-01', to: '2021-01-01' }));
    expect([...marks.added].sort()).toEqual(['actor:c', 'tie:new']);
    expect([...marks.ended]).toEqual(['tie:old']);
    expect(changeMarkIds(diffNetwork(ties, actors, { from: '2020-08-01', to: '2021-01-01' }))).toEqual({ added: new Set(), ended: new Set() });
  });
});
