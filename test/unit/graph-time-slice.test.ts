import { describe, expect, it } from 'vitest';
import { actorEndedAt, actorNotYetAt, sliceAt, tieStatusAt } from '../../lib/graph/time-slice';
import type { GraphView } from '../../lib/graph/types';
import { actor, asof, cloneMiniNetwork, day, id, miniNetwork, month, tie, year } from './fixtures/mini-network';

const edgeIds = (view: GraphView) => view.edges.map((e) => e.tieId);
const edge = (view: GraphView, tieId: string) => view.edges.find((e) => e.tieId === tieId);
const node = (view: GraphView, slug: string) => view.nodes.find((n) => n.slug === slug);

describe('tieStatusAt', () => {
  it('keeps a tie that ended in a year active until that year is out', () => {
    const t = { start: year('2015'), end: year('2020') };
    expect(tieStatusAt(t, '2020-12-31')).toBe('active');
    expect(tieStatusAt(t, '2021-01-01')).toBe('ended');
  });
  it('keeps a tie that ended in a month active until the month is out', () => {
    const t = { start: null, end: month('2020-02') };
    expect(tieStatusAt(t, '2020-02-29')).toBe('active');
    expect(tieStatusAt(t, '2020-03-01')).toBe('ended');
  });
  it('counts a year-precision start from 1 January', () => {
    const t = { start: year('2020'), end: null };
    expect(tieStatusAt(t, '2019-12-31')).toBe('future');
    expect(tieStatusAt(t, '2020-01-01')).toBe('active');
  });
  it('treats the end day and start day as inside the tie', () => {
    const t = { start: day('2020-09-03'), end: day('2020-09-03') };
    expect(tieStatusAt(t, '2020-09-02')).toBe('future');
    expect(tieStatusAt(t, '2020-09-03')).toBe('active');
    expect(tieStatusAt(t, '2020-09-04')).toBe('ended');
  });
  it('treats an as-of start like its day', () => {
    const t = { start: asof('2021-03-12'), end: null };
    expect(tieStatusAt(t, '2021-03-11')).toBe('future');
    expect(tieStatusAt(t, '2021-03-12')).toBe('active');
  });
  it('never makes an undated tie future or ended', () => {
    expect(tieStatusAt({ start: null, end: null }, '1900-01-01')).toBe('active');
    expect(tieStatusAt({ start: null, end: null }, '2999-01-01')).toBe('active');
  });
});

describe('actorEndedAt / actorNotYetAt', () => {
  const makei = miniNetwork.nodes.find((n) => n.slug === 'makei')!;
  it('ends an actor after the last day of its end period', () => {
    expect(actorEndedAt(makei, '2022-11-26')).toBe(false);
    expect(actorEndedAt(makei, '2022-11-27')).toBe(true);
    expect(actorEndedAt({ end: year('2020') }, '2020-12-31')).toBe(false);
    expect(actorEndedAt({ end: year('2020') }, '2021-01-01')).toBe(true);
    expect(actorEndedAt({ end: null }, '2999-01-01')).toBe(false);
  });
  it('knows when an actor does not exist yet', () => {
    expect(actorNotYetAt({ start: day('2022-08-09') }, '2022-08-08')).toBe(true);
    expect(actorNotYetAt({ start: day('2022-08-09') }, '2022-08-09')).toBe(false);
    expect(actorNotYetAt({ start: null }, '1000-01-01')).toBe(false);
  });
});

describe('sliceAt', () => {
  it('switches the KGB chair from Vakulchik to Tertel around 3 Sep 2020', () => {
    const before = sliceAt(miniNetwork, '2020-09-02', false);
    expect(edgeIds(before)).toContain('vakulchik-leads-kgb');
    expect(edgeIds(before)).not.toContain('tertel-leads-kgb');

    const onTheDay = sliceAt(miniNetwork, '2020-09-03', false);
    expect(edgeIds(onTheDay)).toEqual(expect.arrayContaining(['vakulchik-leads-kgb', 'tertel-leads-kgb']));

    const after = sliceAt(miniNetwork, '2020-09-04', false);
    expect(edgeIds(after)).not.toContain('vakulchik-leads-kgb');
    expect(edgeIds(after)).toContain('tertel-leads-kgb');
    expect(edge(after, 'tertel-leads-kgb')?.past).toBe(false);
  });

  it('keeps ended ties marked past when asked to show them', () => {
    const after = sliceAt(miniNetwork, '2020-09-04', true);
    expect(edge(after, 'vakulchik-leads-kgb')?.past).toBe(true);
    expect(edge(after, 'tertel-leads-kgb')?.past).toBe(false);
    // Future ties stay out even when ended ones are shown.
    expect(edgeIds(after)).not.toContain('gryzlov-represents-russia');
  });

  it("makes every tie of a dead actor past, even with no end date of its own", () => {
    const alive = sliceAt(miniNetwork, '2022-11-26', true);
    expect(node(alive, 'makei')?.ended).toBe(false);
    expect(edge(alive, 'makei-leads-mfa')?.past).toBe(false);

    const shown = sliceAt(miniNetwork, '2023-01-01', true);
    expect(node(shown, 'makei')?.ended).toBe(true);
    expect(edge(shown, 'makei-leads-mfa')?.past).toBe(true);
    expect(edge(shown, 'makei-appointed-by-lukashenko')?.past).toBe(true);
    expect(edge(shown, 'tertel-appointed-by-lukashenko')?.past).toBe(false);

    const hidden = sliceAt(miniNetwork, '2023-01-01', false);
    expect(edgeIds(hidden)).not.toContain('makei-leads-mfa');
    expect(edgeIds(hidden)).not.toContain('makei-appointed-by-lukashenko');
    // The actor himself stays, marked ended; only his ties go.
    expect(node(hidden, 'makei')?.ended).toBe(true);
  });

  it('leaves out actors not yet founded, and their ties', () => {
    const before = sliceAt(miniNetwork, '2022-08-08', true);
    expect(node(before, 'united-transitional-cabinet')).toBeUndefined();
    expect(edgeIds(before)).not.toContain('tsikhanouskaya-leads-utc');
    const after = sliceAt(miniNetwork, '2022-08-09', true);
    expect(node(after, 'united-transitional-cabinet')).toBeDefined();
    expect(edgeIds(after)).toContain('tsikhanouskaya-leads-utc');
  });

  it('drops an undated tie to an actor who did not exist yet', () => {
    const graph = cloneMiniNetwork();
    graph.nodes.push(actor('new-party', 'New Party', 'group', 'other', [], year('2030')));
    graph.edges.push(tie('undated', 'putin', 'opposes', 'new-party'));
    const view = sliceAt(graph, '2025-01-01', true);
    expect(edgeIds(view)).not.toContain('undated');
    expect(node(view, 'new-party')).toBeUndefined();
  });

  it('keeps undated ties and actors, and does not change the input', () => {
    const view = sliceAt(miniNetwork, '2023-01-01', false);
    expect(edgeIds(view)).toContain('gryzlov-associate-of-putin');
    expect(view.asOf).toBe('2023-01-01');
    expect('past' in miniNetwork.edges[0]!).toBe(false);
    expect('ended' in miniNetwork.nodes[0]!).toBe(false);
  });

  it('has an almost empty map in 1960', () => {
    const view = sliceAt(miniNetwork, '1960-01-01', true);
    expect(view.nodes.map((n) => n.id).sort()).toEqual([id('gryzlov'), id('lukashenko'), id('makei'), id('putin')]);
    expect(edgeIds(view)).toEqual(['gryzlov-associate-of-putin']);
  });
});
