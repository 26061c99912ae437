'use client';
// The forms of /views and the edit pages: a new story, a saved view's fields, each sent to the
// server action the page passes in and answered in place (StatusForm).
import styles from '@/components/editing/editing.module.css';
import { StatusForm, type StatusFormAction } from '@/components/editing/status-form';
import { VIEW_VISIBILITIES, VIEW_VISIBILITY_LABELS, type ViewVisibility } from '@/lib/domain/records/saved-view';
import './views.css';

export type FormAction = StatusFormAction;

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
  return (
    <StatusForm action={action} label="New story" submit="Create story">
      <label className={styles.field}>
        <span>Title</span>
        <input name="title" required maxLength={200} />
      </label>
      <label className={styles.field}>
        <span>Description</span>
        <textarea name="description" rows={2} maxLength={4000} />
      </label>
      <VisibilityField value="private" mayPublish={mayPublish} />
    </StatusForm>
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
  // After a save the page re-renders with the new version; a conflict shows the current one.
  return (
    <StatusForm action={action} label="Edit view" submit="Save">
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
    </StatusForm>
  );
}
