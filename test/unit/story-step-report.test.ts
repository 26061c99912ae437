import { describe, expect, it } from 'vitest';
import { attributionLine, composeReportText, reportTitle, storyStepTitle } from '../../lib/graph/report';
import type { GraphQuery } from '../../lib/graph/types';

describe('storyStepTitle', () => {
  it('names the story, the step and its caption', () => {
    expect(storyStepTitle('Лукашэнка 2020', 2, 5, ' Protests begin ')).toBe('Лукашэнка 2020 — step 2 of 5: Protests begin');
  });
  it('leaves out an empty caption and names an untitled story', () => {
    expect(storyStepTitle('  ', 1, 1, '')).toBe('Untitled story — step 1 of 1');
    expect(storyStepTitle('S', 1, 3, null)).toBe('S — step 1 of 3');
  });
});

describe('composeReportText', () => {
  const base = { dates: { asOf: '2020-08-09' }, query: {} as GraphQuery, sourceCount: 2, edges: [{ grade: 'A' }, { grade: null }], address: 'http://x/map' };
  it('makes the map title from the names when no title is given', () => {
    const text = composeReportText({ ...base, names: { focus: 'Alexander Lukashenko' } });
    expect(text.title).toBe(reportTitle({ focus: 'Alexander Lukashenko' }));
    expect(text.dateLine).toContain('9 Aug 2020');
    expect(text.attribution).toBe(attributionLine(2, base.edges));
    expect(text.address).toBe('http://x/map');
  });
  it('keeps a story step title over the names', () => {
    const text = composeReportText({ ...base, names: { focus: 'X' }, title: storyStepTitle('S', 1, 2, 'c') });
    expect(text.title).toBe('S — step 1 of 2: c');
  });
});
