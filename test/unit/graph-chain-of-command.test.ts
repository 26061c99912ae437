// Who commanded a unit on a day, on hand-made networks: every date precision of a head's and a
// superior's tie, heading posts against deputies, uncertainty carried upward, cycles and a person on top.
import { describe, expect, it } from 'vitest';
import { certaintyOn, chainOfCommand, isHeadingTie, type ChainActor, type ChainTie } from '../../lib/graph/chain-of-command';
import type { PartialDate } from '../../lib/domain/dates';
import type { DatePrecision } from '../../lib/domain/vocabulary';

const d = (date: string, precision: DatePrecision = 'day'): PartialDate => ({ date, precision });
const unit = (slug: string): ChainActor => ({ slug, label: slug.toUpperCase(), kind: 'organization' });
const person = (slug: string): ChainActor => ({ slug, label: slug[0]!.toUpperCase() + slug.slice(1), kind: 'person' });
function tie(tieId: string, type: string, source: string, target: string, over: Partial<ChainTie> = {}): ChainTie {
  return { tieId, type, role: '', source, target, start: null, end: null, ...over };
}
const summary = (steps: ReturnType<typeof chainOfCommand>) =>
  steps.map((s) => `${s.actor.slug}(${s.certainty}): ${s.heads.map((h) => `${h.actor.slug}/${h.certainty}`).join(', ')}`);

describe('certaintyOn', () => {
  it('is certain for exact days and undated ties, the end day included', () => {
    expect(certaintyOn({ start: null, end: null }, '2020-09-01')).toBe('certain');
    expect(certaintyOn({ start: d('2020-08-15'), end: d('2020-11-19') }, '2020-11-19')).toBe('certain');
    expect(certaintyOn({ start: d('2020-08-15'), end: d('2020-11-19') }, '2020-11-20')).toBeNull();
    expect(certaintyOn({ start: d('2020-08-15'), end: null }, '2020-08-14')).toBeNull();
  });
  it('is possible inside the month or year a start is known to, certain from its last day', () => {
    const month = { start: d('2020-08-01', 'month'), end: null };
    expect(certaintyOn(month, '2020-07-31')).toBeNull();
    expect(certaintyOn(month, '2020-08-01')).toBe('possible');
    expect(certaintyOn(month, '2020-08-30')).toBe('possible');
    expect(certaintyOn(month, '2020-08-31')).toBe('certain');
    const year = { start: d('2020-01-01', 'year'), end: null };
    expect(certaintyOn(year, '2020-06-01')).toBe('possible');
    expect(certaintyOn(year, '2020-12-31')).toBe('certain');
    expect(certaintyOn(year, '2019-12-31')).toBeNull();
  });
  it('is possible inside the month or year an end is known to, gone after it', () => {
    const month = { start: null, end: d('2020-11-01', 'month') };
    expect(certaintyOn(month, '2020-11-01')).toBe('certain');
    expect(certaintyOn(month, '2020-11-02')).toBe('possible');
    expect(certaintyOn(month, '2020-11-30')).toBe('possible');
    expect(certaintyOn(month, '2020-12-01')).toBeNull();
    const year = { start: null, end: d('2020-01-01', 'year') };
    expect(certaintyOn(year, '2020-07-01')).toBe('possible');
    expect(certaintyOn(year, '2021-01-01')).toBeNull();
  });
  it('takes an "as of" date as exact', () => {
    expect(certaintyOn({ start: d('2021-03-12', 'asof'), end: null }, '2021-03-12')).toBe('certain');
    expect(certaintyOn({ start: d('2021-03-12', 'asof'), end: null }, '2021-03-11')).toBeNull();
  });
});

describe('isHeadingTie', () => {
  it('counts leads and heading posts, never deputies or other ties', () => {
    expect(isHeadingTie({ type: 'leads', role: '' })).toBe(true);
    expect(isHeadingTie({ type: 'holds_position', role: 'Minister of Foreign Affairs' })).toBe(true);
    expect(isHeadingTie({ type: 'holds_position', role: 'Deputy Minister and Commander of Internal Troops' })).toBe(false);
    expect(isHeadingTie({ type: 'holds_position', role: 'Press officer' })).toBe(false);
    expect(isHeadingTie({ type: 'member_of', role: 'Head' })).toBe(false);
  });
});

describe('chainOfCommand', () => {
  const actors = [unit('squad'), unit('dept'), unit('ministry'), person('karp'), person('pars'), person('kara'), person('kubr'), person('boss'), person('deputy')];
  const ties = [
    tie('karp-squad', 'leads', 'karp', 'squad', { start: d('2020-08-01', 'month'), end: d('2020-11-19') }),
    tie('pars-squad', 'leads', 'pars', 'squad', { start: d('2020-11-01', 'month') }),
    tie('squad-ministry', 'subordinate_to', 'squad', 'ministry'),
    tie('kara-ministry', 'leads', 'kara', 'ministry', { start: d('2019-06-11'), end: d('2020-10-29') }),
    tie('kubr-ministry', 'holds_position', 'kubr', 'ministry', { role: 'Minister', start: d('2020-10-29') }),
    tie('deputy-ministry', 'holds_position', 'deputy', 'ministry', { role: 'Deputy Minister' }),
    tie('ministry-boss', 'subordinate_to', 'ministry', 'boss', { start: d('2020-01-01', 'year') }),
  ];

  it('lists unit → head, parent → head up to a person at the top', () => {
    expect(summary(chainOfCommand('squad', ties, actors, '2021-01-01'))).toEqual([
      'squad(certain): pars/certain',
      'ministry(certain): kubr/certain',
      'boss(certain): ',
    ]);
  });

  it('marks a head whose month-dated start covers the day only partly as possible, the surest first', () => {
    expect(summary(chainOfCommand('squad', ties, actors, '2020-11-10'))).toEqual([
      'squad(certain): karp/certain, pars/possible',
      'ministry(certain): kubr/certain',
      'boss(possible): ',
    ]);
    expect(summary(chainOfCommand('squad', ties, actors, '2020-08-20'))[0]).toBe('squad(certain): karp/possible');
  });

  it('carries a year-dated superior tie as possible to every step above it', () => {
    const steps = chainOfCommand('squad', ties, actors, '2020-09-01');
    expect(summary(steps)).toEqual(['squad(certain): karp/certain', 'ministry(certain): kara/certain', 'boss(possible): ']);
    expect(steps[2]!.viaTieId).toBe('ministry-boss');
    expect(summary(chainOfCommand('squad', ties, actors, '2019-09-01'))).toEqual(['squad(certain): ', 'ministry(certain): kara/certain']);
  });

  it('follows the surest superior when a unit stands under two, and stops at a cycle', () => {
    const more = [...ties, tie('squad-dept', 'subordinate_to', 'squad', 'dept', { start: d('2020-01-01', 'year') }), tie('dept-squad', 'subordinate_to', 'dept', 'squad')];
    expect(chainOfCommand('squad', more, actors, '2020-06-01').map((s) => s.actor.slug)).toEqual(['squad', 'ministry', 'boss']);
    const cycle = [tie('a-b', 'subordinate_to', 'squad', 'dept'), tie('b-a', 'subordinate_to', 'dept', 'squad')];
    expect(chainOfCommand('squad', cycle, actors, '2020-06-01').map((s) => s.actor.slug)).toEqual(['squad', 'dept']);
  });

  it('answers nothing for an unknown unit', () => {
    expect(chainOfCommand('nowhere', ties, actors, '2020-06-01')).toEqual([]);
  });
});
