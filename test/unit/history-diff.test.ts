// The field-by-field diff behind history pages, recent changes and the conflict panel.
import { describe, expect, it } from 'vitest';
import { changedFieldLabels, diffStates, formatNameVariant, formatValue } from '../../lib/history/diff';

const tie = {
  source: 'nikolai-karpenkov',
  target: 'gubopik',
  type: 'leads',
  role: 'Head',
  start: { date: '2020-09-07', precision: 'asof' },
  end: { date: '2020-11-19', precision: 'day' },
  strength: 5,
};

describe('diffStates', () => {
  it('lists only the fields that changed, with dates written as everywhere else', () => {
    const after = { ...tie, end: { date: '2020-12-01', precision: 'month' } };
    expect(diffStates('tie', tie, after)).toEqual([{ kind: 'value', field: 'end', label: 'End', before: '19 Nov 2020', after: 'Dec 2020' }]);
  });

  it('says nothing changed when only the key order of a date differs', () => {
    const after = { ...tie, start: { precision: 'asof', date: '2020-09-07' } };
    expect(diffStates('tie', tie, after)).toEqual([]);
  });

  it('reads vocabulary values as words', () => {
    const changes = diffStates('tie', tie, { ...tie, type: 'member_of', strength: 3 });
    expect(changes).toEqual([
      { kind: 'value', field: 'type', label: 'Type', before: 'leads', after: 'member of' },
      { kind: 'value', field: 'strength', label: 'Strength', before: '5', after: '3' },
    ]);
  });

  it('lists every field with a value when a record is created, and none when it is deleted', () => {
    const created = diffStates('source', null, { title: 'A report', author: '', publisher: '', url: null, published: { date: '2021-01-01', precision: 'year' }, reliability: 'B', notes: '' });
    expect(created.map((c) => c.field)).toEqual(['title', 'published', 'reliability']);
    expect(created[0]).toMatchObject({ before: null, after: 'A report' });
    expect(created[1]).toMatchObject({ after: '2021' });
    expect(created[2]).toMatchObject({ after: 'B: Usually reliable' });
    expect(diffStates('source', { title: 'A report' }, null)).toEqual([]);
  });

  it('shows a cleared date and emptied text plainly', () => {
    const changes = diffStates('tie', tie, { ...tie, end: null, role: '' });
    expect(changes).toEqual([
      { kind: 'value', field: 'role', label: 'Role', before: 'Head', after: '(empty)' },
      { kind: 'value', field: 'end', label: 'End', before: '19 Nov 2020', after: '(none)' },
    ]);
  });

  it('gives name variants as added and removed, in any script', () => {
    const before = { name: 'Karpenkov', names: [{ name: 'Мікалай Карпянкоў', lang: 'be', script: 'Cyrl', kind: 'official' }, { name: 'Karpenkau', lang: 'en', script: 'Latn', kind: 'transliteration' }] };
    const after = { name: 'Karpenkov', names: [{ name: 'Мікалай Карпянкоў', lang: 'be', script: 'Cyrl', kind: 'official' }, { name: 'Карпенков', lang: 'ru', script: 'Cyrl', kind: 'alias' }] };
    expect(diffStates('actor', before, after)).toEqual([
      { kind: 'list', field: 'names', label: 'Name variants', added: ['Карпенков (ru, Cyrl, alias)'], removed: ['Karpenkau (en, Latn, transliteration)'] },
    ]);
  });

  it('does not report a reordered list of names as a change', () => {
    const a = { lang: 'be', name: 'A', script: 'Latn', kind: 'alias' };
    const b = { lang: 'ru', name: 'Б', script: 'Cyrl', kind: 'alias' };
    expect(diffStates('actor', { names: [a, b] }, { names: [b, a] })).toEqual([]);
  });

  it('compares fields it does not know under their own names, never hiding a change', () => {
    expect(diffStates('claim', { quote: 'q', confidence: 'low' }, { quote: 'q', confidence: 'high' })).toEqual([
      { kind: 'value', field: 'confidence', label: 'confidence', before: 'low', after: 'high' },
    ]);
  });

  it('ignores fields missing from the new side (a partial form) and the version', () => {
    expect(diffStates('claim', { quote: 'q', status: 'accepted', version: 2 }, { status: 'disputed', version: 3 })).toEqual([
      { kind: 'value', field: 'status', label: 'Status', before: 'accepted', after: 'disputed' },
    ]);
  });

  it('reads claim statuses and booleans as words', () => {
    expect(diffStates('claim', { status: 'accepted', statedCurrent: false }, { status: 'needs_review', statedCurrent: true })).toEqual([
      { kind: 'value', field: 'status', label: 'Status', before: 'accepted', after: 'needs review' },
      { kind: 'value', field: 'statedCurrent', label: 'Stated as current', before: 'no', after: 'yes' },
    ]);
  });

  it('names the actors and sources a state points to, when it is told their names', () => {
    const refs = { actors: new Map([['gubopik', 'GUBOPiK'], ['mvd', 'Ministry of Internal Affairs']]), sources: new Map([['s1', 'Decree No. 433']]) };
    expect(diffStates('tie', tie, { ...tie, target: 'mvd' }, refs)).toEqual([{ kind: 'value', field: 'target', label: 'To (actor)', before: 'GUBOPiK', after: 'Ministry of Internal Affairs' }]);
    expect(diffStates('claim', { source: 's0' }, { source: 's1' }, refs)).toEqual([{ kind: 'value', field: 'source', label: 'Source', before: 's0', after: 'Decree No. 433' }]);
  });

  it('names the changed fields in one line', () => {
    expect(changedFieldLabels(diffStates('tie', tie, { ...tie, role: 'Chief', end: null }))).toBe('Role, End');
  });
});

describe('formatValue and formatNameVariant', () => {
  it('formats each kind of value', () => {
    expect(formatValue('credibility', 2)).toBe('2: Probably true');
    expect(formatValue('faction', 'belarus-state')).toBe('Belarusian state');
    expect(formatValue('kind', 'organization')).toBe('Organisation');
    expect(formatValue('date', { date: '2021-03-12', precision: 'asof' })).toBe('as of 12 Mar 2021');
    expect(formatValue('text', undefined)).toBe('(none)');
    expect(formatValue('faction', 'martians')).toBe('martians');
  });
  it('writes a name variant with its language, script and kind', () => {
    expect(formatNameVariant({ name: 'Лукашэнка', lang: 'be', script: 'Cyrl', kind: 'official' })).toBe('Лукашэнка (be, Cyrl, official)');
  });
});
