'use client';
// Editing a story: its title, description and visibility, and its steps: reorder, recaption,
// change what each highlights, remove. Steps are added from the map ("Add this view as a step").
// The whole list goes to the server in its new order with one save, at the version it was opened at.
import Link from 'next/link';
import { useState } from 'react';
import styles from '@/components/editing/editing.module.css';
import { StatusForm } from '@/components/editing/status-form';
import type { StoryDto } from '@/lib/domain/records/story';
import { VisibilityField, type FormAction } from './work-forms';
import './views.css';

interface EditedStep {
  id: string;
  caption: string;
  actors: string;
  ties: string;
  search: string;
}

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export function StoryEditor({ story, action, mayPublish }: { story: StoryDto; action: FormAction; mayPublish: boolean }) {
  const stored = () => story.steps.map((s) => ({ id: s.id, caption: s.caption, actors: s.actors.join(', '), ties: s.ties.join(', '), search: s.search }));
  const [steps, setSteps] = useState<EditedStep[]>(stored);
  // After a save the page brings the stored story at its new version: start again from it.
  const [shownVersion, setShownVersion] = useState(story.version);
  if (story.version !== shownVersion) {
    setShownVersion(story.version);
    setSteps(stored());
  }
  const change = (i: number, patch: Partial<EditedStep>) => setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) =>
    setSteps((all) => {
      const next = [...all];
      const [step] = next.splice(i, 1);
      next.splice(i + by, 0, step!);
      return next;
    });

  // The steps live in this component's state, not in fields: they go with the form as one JSON list.
  const prepare = (fd: FormData) => fd.set('steps', JSON.stringify(steps.map((s) => ({ id: s.id, caption: s.caption, actors: list(s.actors), ties: list(s.ties) }))));

  return (
    <StatusForm action={action} label="Edit story" submit="Save story" prepare={prepare}>
      <input type="hidden" name="version" value={story.version} />
      <label className={styles.field}>
        <span>Title</span>
        <input name="title" required maxLength={200} defaultValue={story.title} />
      </label>
      <label className={styles.field}>
        <span>Description</span>
        <textarea name="description" rows={2} maxLength={4000} defaultValue={story.description} />
      </label>
      <VisibilityField value={story.visibility} mayPublish={mayPublish} />
      <h2>Steps</h2>
      {steps.length === 0 && <p className="muted">No steps yet: open the map, set up a view, and use “Add this view as a step”.</p>}
      <ol style={{ listStyle: 'none', padding: 0 }}>
        {steps.map((s, i) => (
          <li key={s.id} className="story-step-editor" aria-label={`Step ${i + 1}`}>
            <h3>Step {i + 1}</h3>
            <p className="muted">
              <Link href={`/${s.search}`}>Open this step’s view on the map</Link>
            </p>
            <label className={styles.field}>
              <span>Caption of step {i + 1}</span>
              <textarea rows={3} maxLength={2000} value={s.caption} onChange={(e) => change(i, { caption: e.target.value })} />
            </label>
            <label className={styles.field}>
              <span>Highlighted actors (slugs, comma-separated)</span>
              <input value={s.actors} onChange={(e) => change(i, { actors: e.target.value })} />
            </label>
            <label className={styles.field}>
              <span>Highlighted ties (ids, comma-separated)</span>
              <input value={s.ties} onChange={(e) => change(i, { ties: e.target.value })} />
            </label>
            <div className={styles.buttons}>
              <button type="button" className={styles.secondary} onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move step ${i + 1} up`}>
                Move up
              </button>
              <button type="button" className={styles.secondary} onClick={() => move(i, 1)} disabled={i === steps.length - 1} aria-label={`Move step ${i + 1} down`}>
                Move down
              </button>
              <button type="button" className={styles.danger} onClick={() => setSteps((all) => all.filter((_, j) => j !== i))} aria-label={`Remove step ${i + 1}`}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
    </StatusForm>
  );
}
