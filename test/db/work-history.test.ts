// Saved views and stories in the work history (/history, findRecentChanges): their creation, edits,
// publications, taking down and deletion are listed with the network's changes, with who and when,
// titled and linked by what they are now; filtered by kind; cut a page at a time in SQL; and each
// analyst sees only the views and stories they may read (private ones: their owner and admins).
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { publishEmbed, unpublishEmbed } from '../../lib/data/embeds/publish-embed';
import type { Principal } from '../../lib/data/principal';
import { findRecentChanges, type RevisionDto } from '../../lib/data/revisions/find-revisions';
import { createSource } from '../../lib/data/sources/write-source';
import { createStory, deleteStory, updateStory } from '../../lib/data/stories/write-story';
import { canReadOwned } from '../../lib/data/views/view-access';
import { createSavedView, updateSavedView } from '../../lib/data/views/write-saved-view';
import { databaseAvailable, freshDatabase, TEST_KIND } from '../support/test-database';
import { makeUser } from '../support/test-users';

const available = await databaseAvailable();
const state = (params: Record<string, string>) => ({ schemaVersion: 1, params });
const brief = (r: RevisionDto) => `${r.type} ${r.action} ${r.label}`;

describe.skipIf(!available)(`saved views and stories in the work history on ${TEST_KIND}`, () => {
  let owner: Principal;
  let other: Principal;
  let admin: Principal;
  let viewer: Principal;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await freshDatabase();
    owner = await makeUser('analyst', 'Olga Owner');
    other = await makeUser('analyst', 'Pavel Other');
    admin = await makeUser('admin', 'Ada Admin');
    viewer = await makeUser('viewer', 'Vera Viewer');

    await createSource(owner, { title: 'A network source', publisher: 'Nasha Niva', reliability: 'B' });
    ids.public = (await createSavedView(owner, { title: 'Crackdown, August 2020', visibility: 'public', state: state({ asOf: '2020-08-09' }), slug: 'crackdown' })).id;
    ids.private = (await createSavedView(owner, { title: 'My working view', state: state({}) })).id;
    await updateSavedView(owner, ids.private, { version: 1, title: 'My working view, renamed' });
    await publishEmbed(owner, { kind: 'view', id: ids.public });
    await unpublishEmbed(owner, { kind: 'view', id: ids.public });
    ids.story = (await createStory(owner, { title: 'The 2020 crackdown', visibility: 'signed-in' })).id;
    await updateStory(owner, ids.story, { version: 1, description: 'Three steps' });
    ids.gone = (await createStory(owner, { title: 'A draft story' })).id;
    await deleteStory(owner, ids.gone, { version: 1, reason: 'started again' });
  });

  it('lists a view’s and a story’s whole life with the network’s changes, newest first, with who and when', async () => {
    const page = await findRecentChanges(owner, {});
    expect(page.revisions.map(brief)).toEqual([
      'story delete A draft story',
      'story create A draft story',
      'story update The 2020 crackdown',
      'story create The 2020 crackdown',
      'view unpublish Crackdown, August 2020',
      'view publish Crackdown, August 2020',
      'view update My working view, renamed',
      'view create My working view',
      'view create Crackdown, August 2020',
      'source create A network source',
    ]);
    expect(page.revisions.every((r) => r.author === 'Olga Owner')).toBe(true);
    const times = page.revisions.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const [deleted, , edited] = page.revisions;
    expect(deleted).toMatchObject({ entityId: ids.gone, key: ids.gone, gone: true, reason: 'started again' });
    expect(edited).toMatchObject({ key: ids.story, gone: false, changes: [expect.objectContaining({ label: 'Description', before: '(empty)', after: 'Three steps' })] });
    // A view is linked by its address name; a publication is titled by the view (it stores no title of its own).
    const published = page.revisions.find((r) => r.action === 'publish')!;
    expect(published).toMatchObject({ key: 'crackdown', gone: false, reason: 'published', changes: [] });
    expect(page.revisions.find((r) => r.action === 'unpublish')).toMatchObject({ reason: 'embed taken down' });
  });

  it('narrows to saved views or stories, and keeps them out of the other kinds', async () => {
    const views = await findRecentChanges(owner, { type: 'view' });
    expect(views.type).toBe('view');
    expect(views.revisions.map((r) => r.action)).toEqual(['unpublish', 'publish', 'update', 'create', 'create']);
    expect(views.revisions.every((r) => r.type === 'view')).toBe(true);
    const stories = await findRecentChanges(owner, { type: 'story' });
    expect(stories.revisions.map((r) => r.label)).toEqual(['A draft story', 'A draft story', 'The 2020 crackdown', 'The 2020 crackdown']);
    expect((await findRecentChanges(owner, { type: 'source' })).revisions.map(brief)).toEqual(['source create A network source']);
    await expect(findRecentChanges(owner, { type: 'setting' })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('shows each analyst only the views and stories they may read; admins all; viewers none', async () => {
    const seen = async (p: Principal) => (await findRecentChanges(p, {})).revisions.map((r) => r.entityId);
    const theirs = await seen(other);
    // Pavel reads the public view and the signed-in story, not Olga's private view or her private (deleted) draft.
    expect(theirs).toContain(ids.public);
    expect(theirs).toContain(ids.story);
    expect(theirs).not.toContain(ids.private);
    expect(theirs).not.toContain(ids.gone);
    expect(await seen(admin)).toEqual(await seen(owner));
    await expect(findRecentChanges(viewer, {})).rejects.toMatchObject({ code: 'forbidden' });

    // The SQL rule is canReadOwned's, for each visibility and reader.
    const db = await getDb();
    const rows = [...(await db.savedView.findMany({ select: { id: true, ownerId: true, visibility: true } })), ...(await db.story.findMany({ select: { id: true, ownerId: true, visibility: true } }))];
    for (const p of [owner, other, admin]) {
      const listed = new Set(await seen(p));
      for (const row of rows) expect(listed.has(row.id), `${row.visibility} for ${p.type === 'user' ? p.name : p.type}`).toBe(canReadOwned(p, row));
    }

    // Made private, the public view's history leaves Pavel's list too: the view as it is now decides.
    await updateSavedView(owner, ids.public, { version: 1, visibility: 'private' });
    expect(await seen(other)).not.toContain(ids.public);
  });

  it('goes back a page at a time, cut in SQL, with changes made in the same instant in a stable order', async () => {
    const db = await getDb();
    const at = new Date();
    await db.revision.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ entityType: 'view', entityId: ids.private, version: 100 + i, action: 'update', before: null, after: null, createdAt: at })),
    });
    const first = await findRecentChanges(owner, { type: 'view' });
    const second = await findRecentChanges(owner, { type: 'view', page: '2' });
    expect(first.revisions).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    expect(first.revisions.map((r) => r.version).slice(0, 3)).toEqual([159, 158, 157]);
    expect(second.revisions[0].version).toBe(109);
    expect(second.hasMore).toBe(false);
    const seenIds = [...first.revisions, ...second.revisions].map((r) => r.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    // Pavel pages over the same list without Olga's private view: the cut is in the query, not after it.
    const his = await findRecentChanges(other, { type: 'view' });
    expect(his.revisions.some((r) => r.entityId === ids.private)).toBe(false);
    expect(his.hasMore).toBe(false);
  });
});
