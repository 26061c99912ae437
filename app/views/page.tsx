// /views: the reader's own saved views and stories, those shared with signed-in users and the
// public ones (visitors see public ones only), and a form for a new story.
import type { Metadata } from 'next';
import Link from 'next/link';
import { NewStoryForm } from '@/components/views/work-forms';
import { currentPrincipal } from '@/lib/auth/current-principal';
import { hasRole } from '@/lib/data/principal';
import { findStories } from '@/lib/data/stories/read-stories';
import { findSavedViews } from '@/lib/data/views/read-saved-views';
import { VIEW_VISIBILITY_LABELS, type SavedViewSummary } from '@/lib/domain/records/saved-view';
import type { StorySummary } from '@/lib/domain/records/story';
import { createStoryAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Saved views and stories' };

function ViewList({ views, empty }: { views: SavedViewSummary[]; empty: string }) {
  if (!views.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="work-list">
      {views.map((v) => (
        <li key={v.id}>
          <Link href={`/views/${v.slug ?? v.id}`}>{v.title}</Link>
          <span className="muted">
            {' '}
            · {VIEW_VISIBILITY_LABELS[v.visibility]}
            {!v.own && v.ownerName ? ` · by ${v.ownerName}` : ''}
          </span>
          {v.canEdit && (
            <>
              {' '}
              · <Link href={`/views/${v.id}/edit`} aria-label={`Edit ${v.title}`}>Edit</Link>
            </>
          )}
          {v.description && <p className="muted">{v.description}</p>}
        </li>
      ))}
    </ul>
  );
}

function StoryList({ stories, empty }: { stories: StorySummary[]; empty: string }) {
  if (!stories.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="work-list">
      {stories.map((s) => (
        <li key={s.id}>
          <Link href={`/stories/${s.id}/present`}>{s.title}</Link>
          <span className="muted">
            {' '}
            · {s.stepCount} {s.stepCount === 1 ? 'step' : 'steps'} · {VIEW_VISIBILITY_LABELS[s.visibility]}
            {!s.own && s.ownerName ? ` · by ${s.ownerName}` : ''}
          </span>
          {s.canEdit && (
            <>
              {' '}
              · <Link href={`/stories/${s.id}/edit`} aria-label={`Edit ${s.title}`}>Edit</Link>
            </>
          )}
          {s.description && <p className="muted">{s.description}</p>}
        </li>
      ))}
    </ul>
  );
}

export default async function ViewsPage() {
  const principal = await currentPrincipal();
  const signedIn = principal.type === 'user';
  const [views, stories] = await Promise.all([findSavedViews(principal), findStories(principal)]);
  return (
    <div className="page">
      <h1>Saved views and stories</h1>
      <p className="muted">
        A saved view reopens the map exactly as it was saved: its date, filters, focus, selection, layout and places. A story presents views
        one step at a time, each with a caption and the actors and ties it highlights. Save them from the map.
      </p>
      {signedIn ? (
        <>
          <section aria-labelledby="own-views">
            <h2 id="own-views">Your views</h2>
            <ViewList views={views.own} empty="None yet: use “Save this view” on the map." />
          </section>
          <section aria-labelledby="own-stories">
            <h2 id="own-stories">Your stories</h2>
            <StoryList stories={stories.own} empty="None yet: use “Add this view as a step” on the map, or start one here." />
            <details>
              <summary>New story</summary>
              <NewStoryForm action={createStoryAction} mayPublish={hasRole(principal, 'analyst')} />
            </details>
          </section>
          <section aria-labelledby="shared-work">
            <h2 id="shared-work">Shared with signed-in users</h2>
            <ViewList views={views.shared} empty="No views shared by others." />
            <StoryList stories={stories.shared} empty="No stories shared by others." />
          </section>
        </>
      ) : (
        <p>
          <Link href="/sign-in">Sign in</Link> to save views and build stories, and to see those shared with signed-in users.
        </p>
      )}
      <section aria-labelledby="public-work">
        <h2 id="public-work">Public</h2>
        <ViewList views={views.public} empty="No public views." />
        <StoryList stories={stories.public} empty="No public stories." />
      </section>
    </div>
  );
}
