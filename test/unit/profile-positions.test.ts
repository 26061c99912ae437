import { describe, expect, it } from 'vitest';
import { postsHeld } from '../../lib/graph/positions';
import { tieTimeStatus } from '../../lib/graph/tie-status';
import { day, id, tie, year, asof } from './fixtures/mini-network';

const karpenkov = [
  tie('karpenkov-leads-almaz', 'karpenkov', 'leads', 'almaz', { end: day('2010-12-27') }),
  tie('karpenkov-leads-gubopik', 'karpenkov', 'leads', 'gubopik', { start: asof('2020-09-07'), end: day('2020-11-19') }),
  tie('karpenkov-holds-position-mvd', 'karpenkov', 'holds_position', 'mvd', { start: day('2020-11-19') }),
  tie('karpenkov-leads-internal-troops', 'karpenkov', 'leads', 'internal-troops', { start: day('2020-11-19') }),
  tie('karpenkov-subordinate-to-kubrakov', 'karpenkov', 'subordinate_to', 'kubrakov', { start: day('2020-11-19') }),
  tie('parshyn-leads-gubopik', 'parshyn', 'leads', 'gubopik', { start: asof('2021-04-13') }),
  tie('russia-supports-karpenkov', 'russia', 'supports', 'karpenkov'),
  tie('karpenkov-represents-mvd', 'karpenkov', 'represents', 'mvd'),
];

describe('postsHeld', () => {
  it('lists the offices he holds, leads and represents, latest first, undated last', () => {
    expect(postsHeld(id('karpenkov'), karpenkov).map((t) => t.tieId)).toEqual([
      'karpenkov-holds-position-mvd',
      'karpenkov-leads-internal-troops',
      'karpenkov-leads-gubopik',
      'karpenkov-leads-almaz',
      'karpenkov-represents-mvd',
    ]);
  });

  it('leaves out ties pointing at the actor: GUBOPiK holds no post because Parshyn leads it', () => {
    expect(postsHeld(id('gubopik'), karpenkov)).toEqual([]);
  });
});

describe('tieTimeStatus', () => {
  const gubopik = { start: asof('2020-09-07'), end: day('2020-11-19') };
  it('reads a tie as current, past or not yet begun on a day', () => {
    expect(tieTimeStatus(gubopik, [null, null], '2020-10-01')).toBe('current');
    expect(tieTimeStatus(gubopik, [null, null], '2020-11-19')).toBe('current');
    expect(tieTimeStatus(gubopik, [null, null], '2020-11-20')).toBe('past');
    expect(tieTimeStatus(gubopik, [null, null], '2020-01-01')).toBe('future');
  });

  it('counts an ended year to its last day', () => {
    expect(tieTimeStatus({ start: null, end: year('2010') }, [], '2010-12-31')).toBe('current');
    expect(tieTimeStatus({ start: null, end: year('2010') }, [], '2011-01-01')).toBe('past');
  });

  it('makes a post past when its holder has died, even with no recorded end', () => {
    const makeiPost = { start: day('2012-08-20'), end: null };
    expect(tieTimeStatus(makeiPost, [day('2022-11-26'), null], '2024-01-01')).toBe('past');
    expect(tieTimeStatus(makeiPost, [day('2022-11-26'), null], '2022-11-01')).toBe('current');
  });
});
