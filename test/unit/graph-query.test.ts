import { describe, expect, it } from 'vitest';
import {
  graphQuerySchema,
  parseGraphQuery,
  serializeGraphQuery,
  type GraphViewState,
} from '../../lib/validation/graph-queries';
import type { GraphQuery } from '../../lib/graph/types';

function errorsOf(params: Record<string, string | string[] | undefined>): string[] {
  const result = parseGraphQuery(params);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseGraphQuery', () => {
  it('gives the defaults for an empty address', () => {
    expect(parseGraphQuery({})).toStrictEqual({ ok: true, query: { showEnded: true, hops: 1 }, view: { layout: 'force' } });
  });

  it('reads every parameter', () => {
    const result = parseGraphQuery({
      asOf: '2020-09-03',
      ended: 'hide',
      kinds: 'person,organization',
      factions: 'belarus-state',
      types: 'leads,appointed_by',
      minGrade: 'B2',
      focus: 'kgb',
      hops: '2',
      layout: 'concentric',
      select: 'tie:tertel-leads-kgb',
      path: 'tsikhanouskaya,gryzlov',
    });
    expect(result).toStrictEqual({
      ok: true,
      query: {
        asOf: '2020-09-03',
        showEnded: false,
        kinds: ['person', 'organization'],
        factions: ['belarus-state'],
        types: ['leads', 'appointed_by'],
        minGrade: 'B2',
        focus: 'kgb',
        hops: 2,
      },
      view: { layout: 'concentric', select: 'tie:tertel-leads-kgb', path: ['tsikhanouskaya', 'gryzlov'] },
    });
  });

  it('puts list values in vocabulary order without repeats, and ignores blanks', () => {
    const result = parseGraphQuery({ kinds: 'state, person,,person', factions: '' });
    expect(result.ok && result.query.kinds).toEqual(['person', 'state']);
    expect(result.ok && 'factions' in result.query).toBe(false);
  });

  it('accepts a lowercase grade and writes it canonically', () => {
    const result = parseGraphQuery({ minGrade: 'b2' });
    expect(result.ok && result.query.minGrade).toBe('B2');
  });

  it('names the parameter and the bad value', () => {
    expect(errorsOf({ kinds: 'person,robot' })).toEqual(['kinds: unknown value "robot"']);
    expect(errorsOf({ types: 'leads,hates,loves' })).toEqual(['types: unknown value "hates"', 'types: unknown value "loves"']);
    expect(errorsOf({ factions: 'martians' })).toEqual(['factions: unknown value "martians"']);
  });

  it('rejects impossible dates and malformed values', () => {
    expect(errorsOf({ asOf: '2021-02-29' })[0]).toMatch(/^asOf: /);
    expect(errorsOf({ asOf: '2021-2-1' })[0]).toMatch(/^asOf: /);
    expect(errorsOf({ ended: 'maybe' })).toEqual(['ended: must be "show" or "hide"']);
    expect(errorsOf({ minGrade: 'G7' })[0]).toMatch(/^minGrade: "G7"/);
    expect(errorsOf({ focus: 'Not A Slug' })[0]).toMatch(/^focus: /);
    expect(errorsOf({ layout: 'spiral' })[0]).toMatch(/^layout: must be one of force, hierarchy/);
    expect(errorsOf({ select: 'lukashenko' })[0]).toMatch(/^select: /);
    expect(errorsOf({ path: 'lukashenko' })[0]).toMatch(/^path: /);
    expect(errorsOf({ path: 'a,b,c' })[0]).toMatch(/^path: /);
  });

  it('keeps hops between 1 and 3', () => {
    for (const bad of ['0', '4', '1.5', 'two', '-1', '']) expect(errorsOf({ hops: bad })[0], bad).toMatch(/^hops: /);
    expect(parseGraphQuery({ hops: '3' })).toMatchObject({ ok: true, query: { hops: 3 } });
  });

  it('rejects unknown parameters, but not the view-only ones', () => {
    expect(errorsOf({ asof: '2020-01-01' })[0]).toMatch(/^asof: unknown parameter/);
    expect(parseGraphQuery({ layout: 'circle', select: 'actor:kgb', path: 'a,b' }).ok).toBe(true);
  });

  it('reports every problem at once', () => {
    expect(errorsOf({ kinds: 'robot', hops: '9', colour: 'red' })).toHaveLength(3);
  });

  it("handles Next's searchParams: undefined is absent, a repeated key is an error", () => {
    expect(parseGraphQuery({ focus: undefined, kinds: ['person'] })).toMatchObject({ ok: true, query: { kinds: ['person'] } });
    expect(errorsOf({ kinds: ['person', 'state'] })).toEqual(['kinds: given more than once']);
  });
});

describe('graphQuerySchema', () => {
  it('parses straight into a GraphQuery', () => {
    expect(graphQuerySchema.parse({ focus: 'kgb', layout: 'circle' })).toStrictEqual({ showEnded: true, hops: 1, focus: 'kgb' });
    expect(graphQuerySchema.safeParse({ bogus: '1' }).success).toBe(false);
  });
});

describe('serializeGraphQuery', () => {
  it('leaves out defaults', () => {
    expect(serializeGraphQuery({ showEnded: true, hops: 1 }, { layout: 'force' }).toString()).toBe('');
    expect(serializeGraphQuery({ showEnded: true, hops: 1 }).toString()).toBe('');
  });

  it('writes the rest', () => {
    const params = serializeGraphQuery({ showEnded: false, hops: 2, focus: 'kgb', kinds: ['person', 'state'] }, { layout: 'circle', path: ['a', 'b'] });
    expect(Object.fromEntries(params)).toEqual({ ended: 'hide', kinds: 'person,state', focus: 'kgb', hops: '2', layout: 'circle', path: 'a,b' });
  });

  const cases: { query: GraphQuery; view: GraphViewState }[] = [
    { query: { showEnded: true, hops: 1 }, view: { layout: 'force' } },
    { query: { showEnded: false, hops: 3, asOf: '2020-02-29', focus: 'tertel' }, view: { layout: 'hierarchy', select: 'actor:kgb' } },
    {
      query: {
        asOf: '2022-11-27',
        showEnded: true,
        kinds: ['person', 'organization', 'state'],
        factions: ['belarus-state', 'russia-state'],
        types: ['holds_position', 'leads', 'sanctioned_by'],
        minGrade: 'C3',
        hops: 1,
      },
      view: { layout: 'concentric', select: 'tie:x_1', path: ['makei', 'putin'] },
    },
  ];
  it.each(cases)('round-trips %#', ({ query, view }) => {
    const address = serializeGraphQuery(query, view).toString();
    const back = parseGraphQuery(Object.fromEntries(new URLSearchParams(address)));
    expect(back).toStrictEqual({ ok: true, query, view });
  });
});

describe('nest and collapsed in the address', () => {
  it('selects a merged tie by its agg: id, and refuses one with a bad slug or type', () => {
    const parsed = parseGraphQuery({ nest: '1', select: 'agg:ministry-of-internal-affairs-belarus.opposition.opposes' });
    expect(parsed.ok && parsed.view.select).toBe('agg:ministry-of-internal-affairs-belarus.opposition.opposes');
    expect(parsed.ok && serializeGraphQuery(parsed.query, parsed.view).get('select')).toBe('agg:ministry-of-internal-affairs-belarus.opposition.opposes');
    expect(parseGraphQuery({ select: 'agg:mvd.protest.no_such_type' }).ok).toBe(false);
    expect(parseGraphQuery({ select: 'agg:Not A Slug.protest.leads' }).ok).toBe(false);
  });
  it('reads nest=1 with collapsed parents sorted and unique, and writes them back the same', () => {
    const parsed = parseGraphQuery({ nest: '1', collapsed: 'kgb-belarus,ministry-of-internal-affairs-belarus,kgb-belarus' });
    expect(parsed.ok && parsed.view).toEqual({ layout: 'force', nest: true, collapsed: ['kgb-belarus', 'ministry-of-internal-affairs-belarus'] });
    if (!parsed.ok) return;
    expect(serializeGraphQuery(parsed.query, parsed.view).toString()).toBe('nest=1&collapsed=kgb-belarus%2Cministry-of-internal-affairs-belarus');
  });
  it('drops collapsed without nest, and refuses a bad nest or slug', () => {
    const parsed = parseGraphQuery({ collapsed: 'kgb-belarus' });
    expect(parsed.ok && parsed.view).toEqual({ layout: 'force' });
    expect(parseGraphQuery({ nest: 'yes' }).ok).toBe(false);
    expect(parseGraphQuery({ nest: '1', collapsed: 'Not A Slug' }).ok).toBe(false);
  });
});
