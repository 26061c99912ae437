// One definition per record (lib/domain/records): the create, update and import inputs derive
// from the same fields, the write path and the import document apply the same rules, and history,
// restore and forms read the same field list.
import { describe, expect, it } from 'vitest';
import { actorRules } from '../../lib/domain/records/actor';
import { RECORDS } from '../../lib/domain/records/all-records';
import { createClaimSchema } from '../../lib/domain/records/claim';
import { updateNoteSchema } from '../../lib/domain/records/note';
import { createTieSchema, tieRules, updateTieSchema } from '../../lib/domain/records/tie';
import { FIELDS } from '../../lib/history/diff';
import { importDocumentSchema, importTieSchema } from '../../lib/validation/import-document';

const claim = { id: 'c1', source: 's1', quote: 'q', credibility: 2 };
const doc = (tie: Record<string, unknown>, actor: Record<string, unknown> = {}) => ({
  sources: [{ id: 's1', title: 'T', reliability: 'B' }],
  actors: [
    { slug: 'a', name: 'A', kind: 'person', faction: 'other', ...actor },
    { slug: 'b', name: 'B', kind: 'person', faction: 'other' },
  ],
  ties: [{ id: 't1', source: 'a', target: 'b', type: 'leads', claims: [claim], ...tie }],
});
const issues = (input: unknown) => {
  const result = importDocumentSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('record modules', () => {
  it('gives a create and an import the same defaults, and an update none', () => {
    const created = createTieSchema.parse({ source: 'a', target: 'b', type: 'leads' });
    const { id: _id, claims: _claims, ...imported } = importTieSchema.parse({ id: 't1', source: 'a', target: 'b', type: 'leads', claims: [claim] });
    expect(created).toEqual({ source: 'a', target: 'b', type: 'leads', role: '', start: null, end: null, strength: 3 });
    expect(imported).toEqual(created);
    expect(updateTieSchema.parse({ version: 2 })).toEqual({ version: 2 });
  });

  it('applies the tie rules to writes and to imports alike', () => {
    const tie = { source: 'a', target: 'a', start: { date: '2020-01-01', precision: 'day' as const }, end: { date: '2019-01-01', precision: 'day' as const } };
    expect(tieRules(tie)).toEqual([
      { path: 'target', message: 'A tie joins two different actors' },
      { path: 'end', message: 'The end is before the start' },
    ]);
    expect(issues(doc({ target: 'a', start: { date: '2020', precision: 'year' }, end: { date: '2019', precision: 'year' } }))).toEqual([
      'ties.0.target: A tie joins two different actors',
      'ties.0.end: The end is before the start',
    ]);
    expect(issues(doc({}))).toEqual([]);
  });

  it('refuses an actor that ends before it starts, on the write path and in an import', () => {
    expect(actorRules({ start: { date: '1990-01-01', precision: 'year' }, end: { date: '1980-01-01', precision: 'year' } })).toEqual([
      { path: 'end', message: 'The end is before the start' },
    ]);
    expect(issues(doc({}, { start: { date: '1990', precision: 'year' }, end: { date: '1980', precision: 'year' } }))).toEqual([
      'actors.0.end: The end is before the start',
    ]);
  });

  it('keeps a claim or note on exactly one subject, which no update or restore moves', () => {
    expect(createClaimSchema.safeParse({ source: 's1', quote: 'q', credibility: 2 }).success).toBe(false);
    expect(createClaimSchema.parse({ source: 's1', quote: 'q', credibility: 2, actor: 'a' })).toMatchObject({ actor: 'a', tie: null });
    expect(RECORDS.claim.updatable).not.toContain('tie');
    expect(RECORDS.note.updatable).toEqual(['body', 'visibility']);
    expect(updateNoteSchema.safeParse({ version: 1, body: 'b', reason: 'why' }).success).toBe(false);
  });

  it('lists the fields history shows from the record modules, in form order', () => {
    expect(FIELDS.tie.map((f) => f.label)).toEqual(['From (actor)', 'Type', 'To (actor)', 'Role', 'Start', 'End', 'Strength']);
    expect(FIELDS.note.map((f) => f.field)).toEqual(['body', 'visibility', 'tie', 'actor']);
  });
});
