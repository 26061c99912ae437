// The knowledge date on hand-made claims: every publication precision, undated sources, grades
// and disputes read again from the claims known by then, and the SQL bounds equal to publishedBy.
import { describe, expect, it } from 'vitest';
import { dayNumberToIso, isoToDayNumber, type PartialDate } from '../../lib/domain/dates';
import type { DatePrecision } from '../../lib/domain/vocabulary';
import { cutByKnowledge, knowledgeLimits, knownSummary, publishedBy, type KnowledgeClaim } from '../../lib/graph/knowledge';
import type { GraphData } from '../../lib/graph/types';

const d = (date: string, precision: DatePrecision = 'day'): PartialDate => ({ date, precision });
function claim(over: Partial<KnowledgeClaim> = {}): KnowledgeClaim {
  return { reliability: 'B', credibility: 2, stance: 'supports', status: 'accepted', statedStart: null, statedEnd: null, statedCurrent: false, sourcePublished: d('2020-01-15'), ...over };
}

describe('publishedBy', () => {
  it('counts a source only once its whole publication period is over, and an undated one as unknown', () => {
    expect(publishedBy(d('2020-09-01'), '2020-09-01')).toBe(true);
    expect(publishedBy(d('2020-09-02'), '2020-09-01')).toBe(false);
    expect(publishedBy(d('2020-09-01', 'asof'), '2020-09-01')).toBe(true);
    expect(publishedBy(d('2020-09-01', 'month'), '2020-09-29')).toBe(false);
    expect(publishedBy(d('2020-09-01', 'month'), '2020-09-30')).toBe(true);
    expect(publishedBy(d('2020-01-01', 'year'), '2020-12-30')).toBe(false);
    expect(publishedBy(d('2020-01-01', 'year'), '2020-12-31')).toBe(true);
    expect(publishedBy(null, '2030-01-01')).toBeNull();
  });

  it('is what the SQL bounds say, for every precision across two leap years', () => {
    const limitsHold = (p: PartialDate, known: string) => {
      const { day, monthBefore, yearBefore } = knowledgeLimits(known);
      return p.precision === 'year' ? p.date < yearBefore : p.precision === 'month' ? p.date < monthBefore : p.date <= day;
    };
    const start = isoToDayNumber('2019-12-01');
    for (let k = 0; k < 500; k += 11) {
      const known = dayNumberToIso(start + k);
      for (let j = -40; j < 400; j += 13) {
        const day = dayNumberToIso(start + j);
        for (const p of [d(day), d(day, 'asof'), d(`${day.slice(0, 7)}-01`, 'month'), d(`${day.slice(0, 4)}-01-01`, 'year')]) {
          if (limitsHold(p, known) !== publishedBy(p, known)) expect.fail(`${JSON.stringify(p)} by ${known}`);
        }
      }
    }
  });
});

describe('knownSummary and cutByKnowledge', () => {
  it('drops a tie no known claim backs and regrades the rest', () => {
    const claims = [
      claim({ reliability: 'A', credibility: 1, sourcePublished: d('2021-05-01', 'month') }),
      claim({ reliability: 'C', credibility: 3, sourcePublished: d('2020-03-01') }),
      claim({ reliability: 'A', credibility: 2, sourcePublished: null }),
    ];
    expect(knownSummary(claims, '2020-01-01')).toBeNull();
    expect(knownSummary(claims, '2020-06-01')).toEqual({ grade: 'C3', gradeRank: 14, claimCount: 1, disputed: false });
    expect(knownSummary(claims, '2021-05-31')).toEqual({ grade: 'A1', gradeRank: 0, claimCount: 2, disputed: false });
  });

  it('finds a dispute only once the contradicting source is known', () => {
    const claims = [
      claim({ statedStart: d('2020-09-03'), sourcePublished: d('2020-09-03') }),
      claim({ statedStart: d('2021-01-01', 'year'), sourcePublished: d('2022-02-01', 'month') }),
    ];
    expect(knownSummary(claims, '2021-01-01')!.disputed).toBe(false);
    expect(knownSummary(claims, '2022-03-01')!.disputed).toBe(true);
  });

  it('keeps every actor and only the ties known by then', () => {
    const node = (slug: string) => ({ id: `actor:${slug}`, slug, label: slug, kind: 'person' as const, faction: 'other' as const, summary: '', start: null, end: null, names: [], x: null, y: null });
    const edge = (tieId: string) => ({ id: `tie:${tieId}`, tieId, source: 'actor:a', target: 'actor:b', type: 'ally_of' as const, category: 'alliance' as const, role: '', start: null, end: null, strength: 1, grade: 'A1', disputed: true, claimCount: 9, noteCount: 0 });
    const graph: GraphData = { nodes: [node('a'), node('b')], edges: [edge('early'), edge('late'), edge('undated'), edge('none')] };
    const claimsOf = new Map([
      ['early', [claim({ sourcePublished: d('2019-01-01', 'year') })]],
      ['late', [claim({ sourcePublished: d('2021-01-01') })]],
      ['undated', [claim({ sourcePublished: null })]],
    ]);
    const cut = cutByKnowledge(graph, claimsOf, '2020-09-01');
    expect(cut.nodes).toHaveLength(2);
    expect(cut.edges.map((e) => [e.tieId, e.grade, e.claimCount, e.disputed])).toEqual([['early', 'B2', 1, false]]);
  });
});
