import { describe, expect, it } from 'vitest';
import { legendEntries, legendLines, LEGEND_MARKS } from '../../components/graph/legend-entries';
import {
  attributionLine,
  boundedScale,
  dateLine,
  filterSummary,
  gradeTally,
  MAX_EXPORT_SIDE,
  reportTitle,
  TIE_APPENDIX_COLUMNS,
  tieAppendixRows,
  winAnsiText,
} from '../../lib/graph/report';
import type { ViewEdge, ViewNode } from '../../lib/graph/types';

const node = (slug: string, label: string, over: Partial<ViewNode> = {}): ViewNode => ({
  id: `actor:${slug}`, slug, label, kind: 'person', faction: 'belarus-state', summary: '', start: null, end: null, names: [label], x: null, y: null, ended: false, ...over,
});
const edge = (tieId: string, grade: string | null, over: Partial<ViewEdge> = {}): ViewEdge => ({
  id: `tie:${tieId}`, tieId, source: 'actor:a', target: 'actor:b', type: 'member_of', category: 'membership', role: '', start: { date: '2020-08-09', precision: 'day' }, end: null,
  strength: 3, grade, disputed: false, claimCount: grade ? 1 : 0, noteCount: 0, past: false, ...over,
});

describe('boundedScale', () => {
  it('keeps the chosen scale while the picture fits', () => {
    expect(boundedScale(4, 1000, 500)).toBe(4);
    expect(boundedScale(1, 1000, 500)).toBe(1);
  });
  it('lowers it so the longest side stays within the limit', () => {
    expect(boundedScale(4, 4000, 1000)).toBe(MAX_EXPORT_SIDE / 4000);
    expect(boundedScale(4, 1000, 3000) * 3000).toBeLessThanOrEqual(MAX_EXPORT_SIDE);
  });
});

describe('dateLine', () => {
  it('names one date, or the two compared, and the knowledge date', () => {
    expect(dateLine({ asOf: '2020-08-09' })).toBe('As of 9 Aug 2020');
    expect(dateLine({ asOf: '2021-01-01', compare: { from: '2019-01-01', to: '2021-01-01' } })).toBe('Changes from 1 Jan 2019 to 1 Jan 2021');
    expect(dateLine({ asOf: '2020-08-09', known: '2020-12-31' })).toBe('As of 9 Aug 2020, as known on 31 Dec 2020');
  });
});

describe('filterSummary and reportTitle', () => {
  it('says when nothing narrows the view', () => {
    expect(filterSummary({ showEnded: true, hops: 1 })).toBe('No filters: every actor and tie of the date');
    expect(filterSummary({ showEnded: false, hops: 1 })).toBe('Filters: ended ties hidden');
    expect(reportTitle()).toBe('Powermap: network map');
  });
  it('lists every filter in the map\'s words, on one line', () => {
    const line = filterSummary(
      { showEnded: false, hops: 2, focus: 'alexander-lukashenko', kinds: ['person', 'organization'], factions: ['russia-state'], types: ['member_of'], minGrade: 'B2' },
      { focus: 'Alexander Lukashenko' },
    );
    expect(line).toBe(
      'Filters: within 2 hops of Alexander Lukashenko; kinds: Person, Organisation; factions: Russian state; ties: member of; graded B2 or better; ended ties hidden',
    );
    expect(line).not.toContain('\n');
    expect(reportTitle({ focus: 'Alexander Lukashenko' })).toBe('Powermap: the network around Alexander Lukashenko');
    expect(filterSummary({ showEnded: true, hops: 1 }, { path: ['A', 'B'] })).toBe('Filters: path from A to B');
  });
});

describe('gradeTally and attributionLine', () => {
  const edges = [edge('1', 'B2'), edge('2', 'A1'), edge('3', 'B2'), edge('4', null), edge('5', 'C3')];
  it('counts the ties by best grade, best first, and the ungraded apart', () => {
    expect(gradeTally(edges)).toEqual({ graded: [{ grade: 'A1', count: 1 }, { grade: 'B2', count: 2 }, { grade: 'C3', count: 1 }], ungraded: 1 });
  });
  it('reads "Powermap — sources: N, graded …"', () => {
    expect(attributionLine(7, edges)).toBe('Powermap — sources: 7, graded A1 ×1, B2 ×2, C3 ×1; 1 tie without a source');
    expect(attributionLine(0, [])).toBe('Powermap — sources: 0, graded none');
    expect(attributionLine(1, [edge('9', null), edge('8', null)])).toBe('Powermap — sources: 1, graded none; 2 ties without a source');
  });
});

describe('tieAppendixRows', () => {
  it('writes one row per tie in view with its grade and first source', () => {
    const view = { nodes: [node('a', 'Anna'), node('b', 'Bureau', { kind: 'organization' })], edges: [edge('t1', 'B2', { role: 'chair', disputed: true }), edge('t2', null)] };
    const firsts = new Map([
      ['t1', { title: 'Report', publisher: 'Viasna', url: 'https://example.org/r', published: { date: '2021-03-01', precision: 'day' as const }, grade: 'B3' }],
      ['t2', null],
    ]);
    const rows = tieAppendixRows(view, firsts);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual([...TIE_APPENDIX_COLUMNS]);
    expect(rows[0]).toMatchObject({ tie: 't1', from: 'Anna', relation: 'member of', to: 'Bureau', role: 'chair', start: '2020-08-09', grade: 'B2', disputed: 'yes', 'first source': 'Report, Viasna', 'first source grade': 'B3', 'first source published': '2021-03-01', 'first source url': 'https://example.org/r' });
    expect(rows[1]).toMatchObject({ tie: 't2', grade: '', 'first source': '', claims: '0' });
  });
});

describe('winAnsiText', () => {
  it('keeps what the standard PDF fonts draw and spells Cyrillic in Latin', () => {
    expect(winAnsiText('Powermap — sources: 3, graded B2 ×3 †')).toBe('Powermap — sources: 3, graded B2 ×3 †');
    expect(winAnsiText('Лукашенко')).toBe('Lukashenko');
    expect(winAnsiText('a → b 中')).toBe('a ? b ?');
  });
});

describe('legendEntries / legendLines', () => {
  it('lists only what is drawn, with the marks present', () => {
    const view = { nodes: [node('a', 'A'), node('b', 'B', { kind: 'organization', faction: 'russia-state', ended: true })], edges: [edge('1', 'E5', { past: true })] };
    const entries = legendEntries(view);
    expect(entries.kinds.map((k) => k.kind)).toEqual(['person', 'organization']);
    expect(entries.factions.map((f) => f.faction)).toEqual(['belarus-state', 'russia-state']);
    expect(entries.categories.map((c) => [c.category, c.types])).toEqual([['membership', ['member of']]]);
    expect(entries).toMatchObject({ anyEnded: true, anyPast: true, anyWeak: true, anyDisputed: false });
    const lines = legendLines(entries);
    expect(lines.map((s) => s.heading)).toEqual(['Shape: kind of actor', 'Colour: faction', 'Line: kind of tie', 'Line: how it stands']);
    expect(lines[3].items).toEqual([LEGEND_MARKS.strength, LEGEND_MARKS.past, LEGEND_MARKS.weak]);
  });
});
