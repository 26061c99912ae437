// Edit forms turn their fields into the same input objects the API takes, and the same zod
// schemas judge both (lib/validation/form-input.ts, lib/domain/records/*.ts).
import { describe, expect, it } from 'vitest';
import { dateText } from '../../lib/domain/dates';
import { actorInput, claimInput, deleteInput, localPath, noteInput, sourceInput, tieInput } from '../../lib/validation/form-input';
import { errorsFor, fieldErrorsOf } from '../../lib/validation/field-errors';
import { createActorSchema } from '../../lib/domain/records/actor';
import { createClaimSchema } from '../../lib/domain/records/claim';
import { deleteRecordSchema } from '../../lib/domain/records/define-record';
import { createSourceSchema } from '../../lib/domain/records/source';
import { updateTieSchema } from '../../lib/domain/records/tie';

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe('form fields to inputs', () => {
  it('reads an actor with name variants in several scripts, skipping empty rows', () => {
    const input = actorInput(
      form({
        slug: 'mikalai-karpenkau', name: 'Mikalai Karpenkau', kind: 'person', faction: 'belarus-state', summary: '', description: '',
        'start.date': '1977', 'start.precision': '', 'end.date': '',
        'names.0.name': 'Мікалай Карпянкоў', 'names.0.lang': 'be', 'names.0.script': 'Cyrl', 'names.0.kind': 'official',
        'names.1.name': '  ', 'names.1.lang': '', 'names.1.script': '', 'names.1.kind': 'alias',
        'names.2.name': 'Карпенков', 'names.2.lang': 'ru', 'names.2.script': 'Cyrl', 'names.2.kind': 'alias',
      }),
      'create',
    );
    expect(input).toMatchObject({ start: { date: '1977', precision: 'year' }, end: null });
    expect(input.names.map((n) => n.name)).toEqual(['Мікалай Карпянкоў', 'Карпенков']);
    const parsed = createActorSchema.parse(input);
    expect(parsed.start).toEqual({ date: '1977-01-01', precision: 'year' });
  });

  it('reports a bad date in place, under its field', () => {
    const input = tieInput(form({ source: 'a', target: 'b', type: 'leads', role: '', 'start.date': '2020-13', 'start.precision': 'month', 'end.date': '', strength: '3', version: '4', reason: '' }), 'update');
    const result = updateTieSchema.safeParse(input);
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errorsFor(errors, 'start')[0]).toMatch(/does not match precision/);
    expect(errorsFor(errors, 'end')).toEqual([]);
  });

  it('carries the version the form was opened at and leaves an empty reason out', () => {
    const input = tieInput(form({ source: 'a', target: 'b', type: 'leads', role: 'Head', 'start.date': '', 'end.date': '2020-11-19', 'end.precision': 'day', strength: '5', version: '3', reason: '' }), 'update');
    expect(input).toMatchObject({ version: 3, end: { date: '2020-11-19', precision: 'day' }, strength: 5 });
    expect('reason' in input).toBe(false);
  });

  it('refuses a form that smuggles extra fields, because the schemas are strict', () => {
    const result = createSourceSchema.safeParse({ ...sourceInput(form({ title: 'T', reliability: 'B' }), 'create'), role: 'admin' });
    expect(result.success).toBe(false);
  });

  it('says "Required" for a missing credibility rather than a type error', () => {
    const input = claimInput(form({ tie: 'karpenkov-leads-gubopik', source: 'slow-invasion-article', quote: 'q', location: '', credibility: '', status: 'accepted', stance: 'supports' }));
    const result = createClaimSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(errorsFor(fieldErrorsOf(result.error!), 'credibility')).toEqual(['Required']);
    const blankGrade = sourceInput(form({ title: 'T', reliability: '' }), 'create');
    const graded = createSourceSchema.safeParse(blankGrade);
    expect(errorsFor(fieldErrorsOf(graded.error!, blankGrade), 'reliability')).toEqual(['Required']);
    expect(errorsFor(fieldErrorsOf(createSourceSchema.safeParse({ ...blankGrade, reliability: 'G' }).error!, { ...blankGrade, reliability: 'G' }), 'reliability')[0]).toMatch(/Invalid option/);
  });

  it('reads a claim with its tie, a source URL left blank as null, and a ticked checkbox', () => {
    const claim = claimInput(form({ tie: 't1', source: 's1', quote: 'q', location: 'p. 3', credibility: '2', status: 'disputed', stance: 'supports', statedCurrent: 'on' }));
    expect(createClaimSchema.parse(claim)).toMatchObject({ tie: 't1', credibility: 2, status: 'disputed', statedCurrent: true });
    expect(sourceInput(form({ title: 'T', url: '  ', reliability: 'C' }), 'create').url).toBeNull();
  });

  it('reads notes and deletes', () => {
    expect(noteInput(form({ body: 'b', visibility: 'public', actor: 'ivan-tertel' }), 'create')).toEqual({ body: 'b', visibility: 'public', actor: 'ivan-tertel' });
    expect(noteInput(form({ body: 'b', visibility: 'internal', version: '2' }), 'update')).toEqual({ body: 'b', visibility: 'internal', version: 2 });
    expect(deleteRecordSchema.safeParse(deleteInput(form({ version: '' }))).success).toBe(false);
    expect(deleteRecordSchema.parse(deleteInput(form({ version: '2', reason: 'duplicate' })))).toEqual({ version: 2, reason: 'duplicate' });
  });

  it('shows a stored date as precise as it is known', () => {
    expect(dateText({ date: '2020-01-01', precision: 'year' })).toBe('2020');
    expect(dateText({ date: '2020-11-01', precision: 'month' })).toBe('2020-11');
    expect(dateText({ date: '2020-11-19', precision: 'asof' })).toBe('2020-11-19');
    expect(dateText(null)).toBe('');
  });

  it('only follows local paths after saving', () => {
    expect(localPath('/ties/x/claims/new')).toBe('/ties/x/claims/new');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)', '', null]) expect(localPath(bad)).toBeNull();
  });
});
