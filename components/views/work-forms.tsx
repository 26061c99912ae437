'use client';
// The forms of /views and the edit pages: a new story, a saved view's fields, each sent to the
// server action the page passes in and answered in place (the same FormStatus as record forms).
import { useActionState } from 'react';
import styles from '@/components/editing/editing.module.css';
import { FormStatus } from '@/components/editing/form-status';
import { VIEW_VISIBILITIES, VIEW_VISIBILITY_LABELS, type ViewVisibility } from '@/lib/domain/records/saved-view';
import { IDLE, type FormState } from '@/lib/validation/form-state';
import './views.css';

export type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

export function VisibilityField({ value, mayPublish }: { value: ViewVisibility; mayPublish: boolean }) {
  return (
    <label className={styles.field}>
      <span>Who may see it</span>
      <select name="visibility" defaultValue={value}>
        {VIEW_VISIBILITIES.filter((v) => v !== 'public' || mayPublish || value === 'public').map((v) => (
          <option key={v} value={v}>
            {VIEW_VISIBILITY_LABELS[v]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function NewStoryForm({ action, mayPublish }: { action: FormAction; mayPublish: boolean }) {
  const [state, send, pending] = useActionState(action, IDLE);
  return (
    <form action={send} className={styles.form} aria-label="New story">
      <FormStatus state={state} errors={state.status === 'invalid' ? state.fieldErrors : undefined} />
      <label className={styles.field}>
        <span>Title</span>
        <input name="title" required maxLength={200} />
      </label>
      <label className={styles.field}>
        <span>Description</span>
        <textarea name="description" rows={2} maxLength={4000} />
      </label>
      <VisibilityField value="private" mayPublish={mayPublish} />
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={pending}>
          Create story
        </button>
      </div>
    </form>
  );
}

interface ViewFields {
  version: number;
  title: string;
  description: string;
  visibility: ViewVisibility;
  slug: string | null;
}

export function EditViewForm({ action, view, mayPublish }: { action: FormAction; view: ViewFields; mayPublish: boolean }) {
  const [state, send, pending] = useActionState(action, IDLE);
  // After a save the page re-renders with the new version; a conflict shows the current one.
  return (
    <form action={send} className={styles.form} aria-label="Edit view">
      <FormStatus state={state} errors={state.status === 'invalid' ? state.fieldErrors : undefined} />
      <input type="hidden" name="version" value={view.version} />
      <label className={styles.field}>
        <span>Name</span>
        <input name="title" required maxLength={200} defaultValue={view.title} />
      </label>
      <label className={styles.field}>
        <span>Description</span>
        <textarea name="description" rows={3} maxLength={4000} defaultValue={view.description} />
      </label>
      <VisibilityField value={view.visibility} mayPublish={mayPublish} />
      <label className={styles.field}>
        <span>Address name (optional: /views/&lt;name&gt;)</span>
        <input name="slug" maxLength={120} defaultValue={view.slug ?? ''} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
      </label>
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={pending}>
          Save
        </button>
      </div>
    </form>
  );
}
