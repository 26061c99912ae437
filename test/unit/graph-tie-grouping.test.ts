import { describe, expect, it } from 'vitest';
import { groupTiesForActor } from '../../lib/graph/tie-grouping';
import { sliceAt } from '../../lib/graph/time-slice';
import { day, id, miniEdges, miniNetwork, tie, year } from './fixtures/mini-network';

const summary = (groups: ReturnType<typeof groupTiesForActor>) =>
  groups.map((g) => ({ type: g.type, current: g.current.map((t) => t.edge.tieId), past: g.past.map((t) => t.edge.tieId) }));

describe('groupTiesForActor', () => {
  it("splits the KGB's leadership into current and past after the switch", () => {
    const groups = groupTiesForActor(id('kgb'), miniEdges, '2021-01-01');
    expect(summary(groups)).toEqual([
      { type: 'leads', current: ['tertel-leads-kgb'], past: ['vakulchik-leads-kgb'] },
      { type: 'subordinate_to', current: ['kgb-reports-to-lukashenko'], past: [] },
    ]);
    expect(groups[0]?.label).toBe('Leadership');
  });

  it('says which way each tie runs, with a verb from the actor’s side', () => {
    const [leads] = groupTiesForActor(id('kgb'), miniEdges, '2021-01-01');
    expect(leads?.current[0]).toMatchObject({ otherNodeId: id('tertel'), outgoing: false, verb: 'led by' });
    const [tertelLeads] = groupTiesForActor(id('tertel'), miniEdges, '2021-01-01');
    expect(tertelLeads?.current[0]).toMatchObject({ otherNodeId: id('kgb'), outgoing: true, verb: 'leads' });
  });

  it('orders positions first and sorts by start, newest first', () => {
    const groups = groupTiesForActor(id('lukashenko'), miniEdges, '2023-01-01');
    expect(groups.map((g) => g.type)).toEqual(['subordinate_to', 'appointed_by', 'supports', 'opposes', 'influences']);
    const appointed = groups.find((g) => g.type === 'appointed_by');
    expect(appointed?.current.map((t) => t.edge.tieId)).toEqual([
      'tertel-appointed-by-lukashenko',
      'vakulchik-appointed-by-lukashenko',
      'makei-appointed-by-lukashenko',
    ]);
    expect(appointed?.current[0]?.verb).toBe('appointed');
  });

  it('counts ties not yet begun as current, not past', () => {
    const groups = groupTiesForActor(id('tertel'), miniEdges, '2019-01-01');
    expect(summary(groups)).toEqual([
      { type: 'leads', current: ['tertel-leads-kgb'], past: [] },
      { type: 'appointed_by', current: ['tertel-appointed-by-lukashenko'], past: [] },
    ]);
  });

  it('honours past marks from a time slice, so a dead actor’s ties read as history', () => {
    const plain = groupTiesForActor(id('mfa'), miniEdges, '2023-01-01');
    expect(summary(plain)).toEqual([{ type: 'leads', current: ['makei-leads-mfa'], past: [] }]);
    const sliced = sliceAt(miniNetwork, '2023-01-01', true);
    expect(summary(groupTiesForActor(id('mfa'), sliced.edges, '2023-01-01'))).toEqual([{ type: 'leads', current: [], past: ['makei-leads-mfa'] }]);
  });

  it('puts undated ties after dated ones', () => {
    const edges = [
      tie('undated', 'putin', 'ally_of', 'lukashenko'),
      tie('old', 'putin', 'ally_of', 'tertel', { start: year('1999') }),
      tie('new', 'putin', 'ally_of', 'kgb', { start: day('2020-01-01') }),
    ];
    const [allies] = groupTiesForActor(id('putin'), edges, '2023-01-01');
    expect(allies?.current.map((t) => t.edge.tieId)).toEqual(['new', 'old', 'undated']);
    expect(allies?.current[0]?.verb).toBe('ally of');
  });

  it('is empty for an actor with no ties', () => {
    expect(groupTiesForActor(id('nobody'), miniEdges, '2023-01-01')).toEqual([]);
  });
});
