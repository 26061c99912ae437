// /stories/{id}/edit: a story's fields and steps (owner or admin), presenting it, deleting it,
// and its history.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteRecord } from '@/components/editing/delete-record';
import { WORK_DELETED } from '@/components/views/work-history';
import { StoryEditor } from '@/components/views/story-editor';
import { WorkHistory } from '@/components/views/work-history';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { hasRole } from '@/lib/data/principal';
import { getStory } from '@/lib/data/stories/read-stories';
import { findWorkHistory } from '@/lib/data/views/work-history';
import { orNull } from '@/lib/http/or-null';
import { deleteStoryAction, updateStoryAction } from '../../../views/actions';
import { EmbedSection } from '../../../views/embed-section';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit story' };

export default async function EditStoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await currentPrincipal();
  const story = await orNull(getStory(principal, decodeURIComponent(id)));
  if (!story) notFound();
  const history = await findWorkHistory(principal, 'story', story.id);
  return (
    <div className="page">
      <p className="muted">
        <Link href={`/stories/${story.id}/present`}>Present this story</Link> · <Link href="/">Add steps from the map</Link> · <Link href="/views">All saved views and stories</Link>
      </p>
      <h1>{story.title}</h1>
      {story.canEdit ? (
        <>
          <StoryEditor story={story} action={updateStoryAction.bind(null, story.id)} mayPublish={hasRole(principal, 'analyst')} />
          <EmbedSection principal={principal} kind="story" id={story.id} isPublic={story.visibility === 'public'} />
          <DeleteRecord action={deleteStoryAction.bind(null, story.id)} version={story.version} what="story" afterwards={WORK_DELETED} />
        </>
      ) : (
        <p className="muted">Only its owner or an admin may change this story.</p>
      )}
      <WorkHistory revisions={history} type="story" analyst={hasRole(principal, 'analyst')} />
    </div>
  );
}
