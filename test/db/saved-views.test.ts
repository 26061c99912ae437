// Saved views and stories in the database: who may read them (private, signed-in, public; visitors
// see public ones only), who may change them (owner or admin), versions, and a revision for every
// change, readable as history. The network's revision is left alone: views are no part of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { getNetworkRevision } from '../../lib/data/network/network-revision';
import { ANONYMOUS, type Principal } from '../../lib/data/principal';
import { findSavedViews, getSavedView } from '../../lib/data/views/read-saved-views';
import { createSavedView, deleteSavedView, updateSavedView } from '../../lib/data/views/write-saved-view';
import { findWorkHistory } from '../../lib/data/views/work-history';
import { findStories, getStory } from '../../lib/data/stories/read-stories';
import { addStoryStep, createStory, createStoryWithStep, deleteStory, updateStory } from '../../lib/data/stories/write-story';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';
import { makeUser } from '../support/test-users';

const available = await databaseAvailable();
const state = (params: Record<string, string>) => ({ schemaVersion: 1, params });

describe.skipIf(!available)(`saved views and stories on ${TEST_KIND}`, () => {
  let owner: Principal;
  let other: Principal;
  let viewer: Principal;
  let admin: Principal;

  beforeAll(async () => {
    await freshDatabase();
    owner = await makeUser('analyst', 'Olga Owner');
    other = await makeUser('analyst', 'Pavel Other');
    viewer = await makeUser('viewer', 'Vera Viewer');
    admin = await makeUser('admin', 'Ada Admin');
  });

  it('saves the address state, places and camera, and opens them as saved', async () => {
    const revisionBefore = await getNetworkRevision();
    const saved = await createSavedView(owner, {
      title: 'August 2020',
      description: 'The state on election day',
      state: state({ asOf: '2020-08-09', kinds: 'organization,person', focus: 'alexander-lukashenko', hops: '2', layout: 'circle' }),
      positions: { 'actor:alexander-lukashenko': [10.5, -3], 'actor:viktor-babariko': [100, 40] },
      camera: { zoom: 1.5, pan: { x: 20, y: -30 } },
      slug: 'august-2020',
    });
    const view = await getSavedView(owner, saved.id);
    expect(view).toMatchObject({ title: 'August 2020', visibility: 'private', own: true, canEdit: true, version: 1, camera: { zoom: 1.5, pan: { x: 20, y: -30 } }, dropped: [], stateError: null });
    // Stored canonically: vocabulary order, defaults left out.
    expect(view.state.params).toStrictEqual({ asOf: '2020-08-09', kinds: 'person,organization', focus: 'alexander-lukashenko', hops: '2', layout: 'circle' });
    expect(view.positions).toStrictEqual({ 'actor:alexander-lukashenko': [10.5, -3], 'actor:viktor-babariko': [100, 40] });
    expect((await getSavedView(owner, 'august-2020')).id).toBe(saved.id);
    expect(await getNetworkRevision()).toBe(revisionBefore);
  });

  it('refuses bad input and leaves the database unchanged', async () => {
    const db = await getDb();
    const count = await db.savedView.count();
    await expect(createSavedView(owner, { title: 'x', state: state({ kinds: 'robot' }) })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/robot/) });
    await expect(createSavedView(owner, { title: 'x', state: state({}), slug: 'august-2020' })).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/already names/) });
    await expect(createSavedView(ANONYMOUS, { title: 'x', state: state({}) })).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(createSavedView(viewer, { title: 'x', state: state({}), visibility: 'public' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.savedView.count()).toBe(count);
  });

  it('private for the owner and admins, signed-in for every user, public for visitors too', async () => {
    const priv = await createSavedView(owner, { title: 'Mine only', state: state({}) });
    const shared = await createSavedView(owner, { title: 'For colleagues', state: state({}), visibility: 'signed-in' });
    const pub = await createSavedView(owner, { title: 'For readers', state: state({ asOf: '2020-11-01' }), visibility: 'public' });
    await expect(getSavedView(other, priv.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getSavedView(ANONYMOUS, priv.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getSavedView(admin, priv.id)).canEdit).toBe(true);
    await expect(getSavedView(ANONYMOUS, shared.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getSavedView(viewer, shared.id)).canEdit).toBe(false);
    expect((await getSavedView(ANONYMOUS, pub.id)).search).toBe('?asOf=2020-11-01');

    const titles = (list: { title: string }[]) => list.map((v) => v.title).sort();
    const mine = await findSavedViews(owner);
    expect(titles(mine.own)).toEqual(['August 2020', 'For colleagues', 'For readers', 'Mine only']);
    expect(mine.shared).toEqual([]);
    const theirs = await findSavedViews(other);
    expect(theirs.own).toEqual([]);
    expect(titles(theirs.shared)).toEqual(['For colleagues']);
    expect(titles(theirs.public)).toEqual(['For readers']);
    const visitor = await findSavedViews(ANONYMOUS);
    expect(visitor).toMatchObject({ own: [], shared: [] });
    expect(titles(visitor.public)).toEqual(['For readers']);
  });

  it('only the owner or an admin changes or deletes a view, at the version they read; every change in history', async () => {
    const saved = await createSavedView(owner, { title: 'Draft', state: state({ asOf: '2020-08-09' }), visibility: 'signed-in' });
    await expect(updateSavedView(other, saved.id, { version: 1, title: 'Taken over' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateSavedView(ANONYMOUS, saved.id, { version: 1, title: 'x' })).rejects.toMatchObject({ code: 'unauthenticated' });
    const v2 = await updateSavedView(owner, saved.id, { version: 1, title: 'Election day', state: state({ asOf: '2020-08-10' }), positions: { 'actor:a': [1, 2] } });
    expect(v2.version).toBe(2);
    await expect(updateSavedView(owner, saved.id, { version: 1, title: 'Stale' })).rejects.toMatchObject({ code: 'conflict' });
    const v3 = await updateSavedView(admin, saved.id, { version: 2, description: 'Checked by an admin' });
    expect(v3.version).toBe(3);
    expect((await getSavedView(owner, saved.id)).positions).toStrictEqual({ 'actor:a': [1, 2] });

    const history = await findWorkHistory(owner, 'view', saved.id);
    expect(history.map((r) => [r.version, r.action])).toEqual([[3, 'update'], [2, 'update'], [1, 'create']]);
    const renamed = history[1]!.changes;
    expect(renamed).toContainEqual(expect.objectContaining({ label: 'Name', before: 'Draft', after: 'Election day' }));
    expect(renamed).toContainEqual(expect.objectContaining({ label: 'View', before: 'asOf=2020-08-09', after: 'asOf=2020-08-10' }));
    expect(renamed).toContainEqual(expect.objectContaining({ label: 'Places kept', before: '0', after: '1' }));
    expect(history[0]!.author).toBe('Ada Admin');
    expect((await findWorkHistory(viewer, 'view', saved.id))[0]!.author).toBeNull();

    await expect(deleteSavedView(other, saved.id, { version: 3 })).rejects.toMatchObject({ code: 'forbidden' });
    await deleteSavedView(owner, saved.id, { version: 3 });
    await expect(getSavedView(owner, saved.id)).rejects.toMatchObject({ code: 'not_found' });
    const db = await getDb();
    expect(await db.revision.count({ where: { entityType: 'view', entityId: saved.id, action: 'delete' } })).toBe(1);
  });

  it('a stored state from an older version opens, saying what it dropped', async () => {
    const saved = await createSavedView(owner, { title: 'Old', state: state({ asOf: '2020-08-09' }) });
    const db = await getDb();
    await db.savedView.update({ where: { id: saved.id }, data: { state: JSON.stringify('?asOf=2020-08-09&zoomTo=minsk') } });
    const view = await getSavedView(owner, saved.id);
    expect(view.state.params).toStrictEqual({ asOf: '2020-08-09' });
    expect(view.dropped).toEqual([expect.objectContaining({ param: 'zoomTo', value: 'minsk' })]);
  });

  it('stories: steps added from the map, reordered, recaptioned, removed; owner rules and history', async () => {
    const story = await createStory(owner, { title: 'The 2020 crackdown', visibility: 'signed-in' });
    const snapshot = (asOf: string) => ({ state: state({ asOf }), positions: { 'actor:a': [0, 0] }, camera: { zoom: 1, pan: { x: 0, y: 0 } } });
    const s1 = await addStoryStep(owner, story.id, { version: 1, snapshot: snapshot('2020-05-01'), caption: 'Before the election' });
    const s2 = await addStoryStep(owner, story.id, { version: 2, snapshot: snapshot('2020-08-09'), caption: 'Election day', actors: ['alexander-lukashenko'] });
    const s3 = await addStoryStep(owner, story.id, { version: 3, snapshot: snapshot('2020-11-01'), ties: ['some-tie'] });
    await expect(addStoryStep(other, story.id, { version: 4, snapshot: snapshot('2021-01-01') })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(addStoryStep(owner, story.id, { version: 1, snapshot: snapshot('2021-01-01') })).rejects.toMatchObject({ code: 'conflict' });

    let read = await getStory(other, story.id);
    expect(read.steps.map((s) => s.caption)).toEqual(['Before the election', 'Election day', '']);
    expect(read.steps[1]).toMatchObject({ search: '?asOf=2020-08-09', actors: ['alexander-lukashenko'], camera: { zoom: 1 } });
    expect(read.canEdit).toBe(false);

    await updateStory(owner, story.id, {
      version: 4,
      steps: [
        { id: s3.stepId, caption: 'After the protests', ties: ['some-tie'] },
        { id: s1.stepId, caption: 'Before the election' },
      ],
    });
    read = await getStory(owner, story.id);
    expect(read.steps.map((s) => s.id)).toEqual([s3.stepId, s1.stepId]);
    expect(read.steps[0]).toMatchObject({ caption: 'After the protests', search: '?asOf=2020-11-01' });
    await expect(updateStory(owner, story.id, { version: 5, steps: [{ id: s2.stepId }] })).rejects.toMatchObject({ code: 'invalid' });
    await expect(updateStory(owner, story.id, { version: 5, steps: [{ id: s1.stepId }, { id: s1.stepId }] })).rejects.toMatchObject({ code: 'invalid' });

    const history = await findWorkHistory(owner, 'story', story.id);
    expect(history).toHaveLength(5);
    const reorder = history[0]!.changes.find((c) => c.field === 'steps');
    expect(reorder).toMatchObject({ kind: 'list', removed: expect.arrayContaining([expect.stringContaining('Election day')]) });

    expect((await findStories(other)).shared.map((s) => [s.title, s.stepCount])).toEqual([['The 2020 crackdown', 2]]);
    expect((await findStories(ANONYMOUS)).public).toEqual([]);
    await expect(getStory(ANONYMOUS, story.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteStory(other, story.id, { version: 5 })).rejects.toMatchObject({ code: 'forbidden' });
    await deleteStory(admin, story.id, { version: 5 });
    await expect(getStory(owner, story.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a new story with its first step is one write: a refused step leaves no story behind', async () => {
    const db = await getDb();
    const before = await db.story.count();
    await expect(createStoryWithStep(owner, { title: 'Half made' }, { snapshot: { state: state({ kinds: 'robot' }) } })).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.story.count()).toBe(before);
    const made = await createStoryWithStep(owner, { title: 'Made whole' }, { snapshot: { state: state({ asOf: '2020-08-09' }) }, caption: 'First', actors: ['a'] });
    expect(made.version).toBe(2);
    expect((await getStory(owner, made.id)).steps).toMatchObject([{ caption: 'First', actors: ['a'], search: '?asOf=2020-08-09' }]);
    expect((await findWorkHistory(owner, 'story', made.id)).map((r) => r.action)).toEqual(['update', 'create']);
  });
});
