'use client';
// On the map, for signed-in readers: "Save this view" (a name, a description, who may read it)
// and "Add this view as a step" of a story, with a caption and what the step highlights. Both
// send the map's snapshot (its address state, the places of what is drawn and the camera) to the
// server actions the page passes in; this file only gathers the form and the snapshot.
import Link from 'next/link';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { VIEW_VISIBILITIES, VIEW_VISIBILITY_LABELS } from '@/lib/domain/records/saved-view';
import { TIE_TYPE_INFO } from '@/lib/domain/vocabulary';
import type { GraphPath } from '@/lib/graph/path';
import type { GraphView } from '@/lib/graph/types';
import { IDLE, type FormState } from '@/lib/validation/form-state';
import type { Picture } from '@/components/graph/saved-picture';
import type { ViewState } from '@/lib/validation/view-state';
import './views.css';

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

export interface MapPublishing {
  saveView: FormAction;
  addStep: FormAction;
  /** The reader's own stories, newest first, to add a step to. */
  stories: { id: string; title: string }[];
  /** Analysts may make a view public; others share it with signed-in users at most. */
  mayPublish: boolean;
}

/** A picture to put back, and the address (its query string, no "?") it belongs to. */
export interface SavedPicture extends Picture {
  search: string;
}

export interface MapSnapshot extends Picture {
  state: ViewState;
}

export interface HighlightCandidate {
  id: string;
  label: string;
}

/** What a step may highlight: the selected actor or tie, the focus, and the traced path's actors and ties. */
export function highlightCandidates(view: GraphView, select: string | undefined, focus: string | undefined, path: GraphPath | null): HighlightCandidate[] {
  const nodes = new Map(view.nodes.map((n) => [n.id, n]));
  const edges = new Map(view.edges.map((e) => [e.id, e]));
  const label = (id: string): string | null => {
    const node = nodes.get(id);
    if (node) return node.label;
    const edge = edges.get(id);
    if (!edge) return null;
    return `${nodes.get(edge.source)?.label ?? edge.source} ${TIE_TYPE_INFO[edge.type]?.label ?? edge.type} ${nodes.get(edge.target)?.label ?? edge.target}`;
  };
  const ids = [select, focus ? `actor:${focus}` : undefined, ...(path ? [...path.nodeIds, ...path.edgeIds] : [])];
  const out: HighlightCandidate[] = [];
  for (const id of ids) {
    if (!id || out.some((c) => c.id === id)) continue;
    const text = label(id);
    if (text) out.push({ id, label: text });
  }
  return out;
}

function Status({ state }: { state: FormState }) {
  if (state.status === 'idle') return null;
  return (
    <p role={state.status === 'saved' ? 'status' : 'alert'} className={state.status === 'saved' ? 'form-saved' : 'form-error'}>
      {state.message}
    </p>
  );
}

interface Props {
  publishing: MapPublishing;
  /** The map as it is now; null while it is not drawn. */
  snapshot: () => MapSnapshot | null;
  candidates: HighlightCandidate[];
}

export function SaveViewPanel({ publishing, snapshot, candidates }: Props) {
  const [saved, save, saving] = useActionState(publishing.saveView, IDLE);
  const [added, addStep, adding] = useActionState(publishing.addStep, IDLE);
  const [story, setStory] = useState(publishing.stories[0]?.id ?? 'new');
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  // A story just made here comes back first in the list (newest first): the next step goes to it.
  const newest = publishing.stories[0]?.id;
  const [followed, setFollowed] = useState(newest);
  if (newest !== followed) {
    setFollowed(newest);
    if (newest) setStory(newest);
  }

  const submitWithSnapshot = (dispatch: (fd: FormData) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const picture = snapshot();
    if (!picture) return;
    const fd = new FormData(event.currentTarget);
    fd.set('snapshot', JSON.stringify(picture));
    startTransition(() => dispatch(fd));
  };

  return (
    <section className="map-save" aria-labelledby="save-view-heading">
      <h2 id="save-view-heading">Save this view</h2>
      <form onSubmit={submitWithSnapshot(save)} className="map-save-form">
        <label className="field">
          <span>Name</span>
          <input name="title" required maxLength={200} />
        </label>
        <label className="field">
          <span>Description</span>
          <textarea name="description" rows={2} maxLength={4000} />
        </label>
        <label className="field">
          <span>Who may see it</span>
          <select name="visibility" defaultValue="private">
            {VIEW_VISIBILITIES.filter((v) => v !== 'public' || publishing.mayPublish).map((v) => (
              <option key={v} value={v}>
                {VIEW_VISIBILITY_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <div className="button-row">
          <button type="submit" disabled={saving}>
            Save view
          </button>
          <Link href="/views">Saved views and stories</Link>
        </div>
        <Status state={saved} />
      </form>

      <h2 id="add-step-heading">Add this view as a step</h2>
      <form onSubmit={submitWithSnapshot(addStep)} className="map-save-form" aria-labelledby="add-step-heading">
        <label className="field">
          <span>Story</span>
          <select name="story" value={story} onChange={(e) => setStory(e.target.value)}>
            {publishing.stories.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
            <option value="new">A new story…</option>
          </select>
        </label>
        {story === 'new' && (
          <label className="field">
            <span>New story’s title</span>
            <input name="storyTitle" required maxLength={200} />
          </label>
        )}
        <label className="field">
          <span>Caption</span>
          <textarea name="caption" rows={3} maxLength={2000} placeholder="Plain text; web addresses become links" />
        </label>
        {candidates.length > 0 && (
          <fieldset className="field">
            <legend>Highlight</legend>
            {candidates.map((c) => (
              <label key={c.id} className="checkbox">
                <input
                  type="checkbox"
                  name="highlight"
                  value={c.id}
                  checked={!unticked.has(c.id)}
                  onChange={(e) => {
                    const next = new Set(unticked);
                    if (e.target.checked) next.delete(c.id);
                    else next.add(c.id);
                    setUnticked(next);
                  }}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" disabled={adding}>
          Add step
        </button>
        <Status state={added} />
      </form>
    </section>
  );
}
