import { describe, expect, it } from 'vitest';
import { createSavedViewSchema } from '@/lib/domain/records/saved-view';
import { parseGraphQuery } from '@/lib/validation/graph-queries';
import {
  MAX_VIEW_POSITIONS,
  VIEW_STATE_VERSION,
  describeDropped,
  openViewState,
  viewSnapshotSchema,
  viewStateOf,
  viewStateSchema,
  viewStateSearch,
} from '@/lib/validation/view-state';

const FULL = {
  asOf: '2020-08-10',
  ended: 'hide',
  kinds: 'person,organization',
  factions: 'belarus-state',
  types: 'leads,member_of',
  minGrade: 'B2',
  focus: 'alexander-lukashenko',
  hops: '2',
  known: '2021-01-01',
  layout: 'circle',
  select: 'actor:alexander-lukashenko',
  metric: 'degree',
  compare: '2019-01-01..2020-08-10',
};

describe('view state: the map address, versioned', () => {
  it('stores every part of the address and gives back the same query and view', () => {
    const parsed = parseGraphQuery(FULL);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const state = viewStateOf(parsed.query, parsed.view);
    expect(state.schemaVersion).toBe(VIEW_STATE_VERSION);
    const opened = openViewState(JSON.parse(JSON.stringify(state)));
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.query).toStrictEqual(parsed.query);
    expect(opened.view).toStrictEqual(parsed.view);
    expect(opened.dropped).toEqual([]);
    expect(viewStateSearch(state)).toContain('focus=alexander-lukashenko');
  });

  it('writes canonically: defaults left out, vocabulary order', () => {
    const a = viewStateSchema.parse({ schemaVersion: 1, params: { kinds: 'organization,person', hops: '1', layout: 'force', ended: 'show' } });
    const b = viewStateSchema.parse({ schemaVersion: 1, params: { kinds: 'person,organization' } });
    expect(a).toStrictEqual(b);
    expect(a.params).toStrictEqual({ kinds: 'person,organization' });
  });

  it('refuses to save what the address does not read, naming the parameter', () => {
    const result = viewStateSchema.safeParse({ schemaVersion: 1, params: { kinds: 'robot' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/kinds: unknown value "robot"/);
    expect(viewStateSchema.safeParse({ schemaVersion: 2, params: {} }).success).toBe(false);
  });

  it('opens version 0, a bare address or a whole URL kept from before views were saved', () => {
    for (const old of ['?asOf=2020-08-10&focus=viktor-babariko', 'asOf=2020-08-10&focus=viktor-babariko', 'http://localhost:3000/?asOf=2020-08-10&focus=viktor-babariko']) {
      const opened = openViewState(old);
      if (!opened.ok) throw new Error(opened.error);
      expect(opened.fromVersion).toBe(0);
      expect(opened.query.asOf).toBe('2020-08-10');
      expect(opened.query.focus).toBe('viktor-babariko');
      expect(opened.dropped).toEqual([]);
    }
  });

  it('opens an older state whose parameters the map no longer reads, saying what it dropped', () => {
    const opened = openViewState({ schemaVersion: 1, params: { asOf: '2020-08-10', zoomTo: 'minsk', kinds: 'person,robot' } });
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.query.asOf).toBe('2020-08-10');
    expect(opened.query.kinds).toBeUndefined();
    expect(opened.dropped.map((d) => d.param).sort()).toEqual(['kinds', 'zoomTo']);
    const words = describeDropped(opened.dropped);
    expect(words).toContain('zoomTo=minsk (unknown parameter');
    expect(words).toContain('kinds=person,robot (unknown value "robot")');
    expect(opened.state.params).toStrictEqual({ asOf: '2020-08-10' });
  });

  it('says clearly when a state is newer than this code or no state at all', () => {
    const newer = openViewState({ schemaVersion: 99, params: {} });
    expect(newer).toEqual({ ok: false, error: expect.stringMatching(/newer Powermap \(view state version 99/) });
    expect(openViewState({ params: {} })).toEqual({ ok: false, error: expect.stringMatching(/no schema version/) });
    expect(openViewState(42)).toMatchObject({ ok: false });
  });

  it('bounds the places one view stores', () => {
    const positions = Object.fromEntries(Array.from({ length: MAX_VIEW_POSITIONS + 1 }, (_, i) => [`actor:a${i}`, [i, i]]));
    const state = { schemaVersion: 1, params: {} };
    expect(viewSnapshotSchema.safeParse({ state, positions }).success).toBe(false);
    delete positions[`actor:a${MAX_VIEW_POSITIONS}`];
    expect(viewSnapshotSchema.safeParse({ state, positions }).success).toBe(true);
    expect(viewSnapshotSchema.safeParse({ state, positions: { 'actor:x': [Number.NaN, 1] } }).success).toBe(false);
    expect(viewSnapshotSchema.safeParse({ state, camera: { zoom: 0, pan: { x: 0, y: 0 } } }).success).toBe(false);
  });

  it('a saved view needs a name and a known visibility', () => {
    const state = { schemaVersion: 1, params: {} };
    expect(createSavedViewSchema.safeParse({ title: '  ', state }).success).toBe(false);
    expect(createSavedViewSchema.safeParse({ title: 'x', state, visibility: 'friends' }).success).toBe(false);
    expect(createSavedViewSchema.parse({ title: ' Crackdown ', state })).toMatchObject({ title: 'Crackdown', visibility: 'private', description: '', slug: null });
  });
});
