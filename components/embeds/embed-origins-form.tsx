'use client';
// The admin's list of origins that may frame embeds: one a line, checked by the server's schema
// (lib/validation/embeds.ts), which names each line it refuses.
import { useActionState } from 'react';
import styles from '@/components/editing/editing.module.css';
import { FormStatus } from '@/components/editing/form-status';
import { IDLE, type FormState } from '@/lib/validation/form-state';

type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

export function EmbedOriginsForm({ action, origins, version }: { action: FormAction; origins: string[]; version: number }) {
  const [state, send, pending] = useActionState(action, IDLE);
  // The schema names each line it refuses ("origins.2": "… is not an origin …").
  const problems = state.status === 'invalid' ? Object.entries(state.fieldErrors).flatMap(([, messages]) => messages) : [];
  return (
    <form action={send} className={styles.form} aria-label="Allowed origins">
      <FormStatus state={state} errors={state.status === 'invalid' ? state.fieldErrors : undefined} />
      <input type="hidden" name="version" value={version} />
      <label className={styles.field}>
        <span>Allowed origins, one a line (like https://news.example.org)</span>
        {/* Keyed by version: after a save the page re-renders with the stored list. */}
        <textarea key={version} name="origins" rows={6} defaultValue={origins.join('\n')} spellCheck={false} aria-describedby={problems.length ? 'origins-problems' : undefined} />
      </label>
      {problems.length > 0 && (
        <ul id="origins-problems" className={styles.fieldError}>
          {problems.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={pending}>
          Save origins
        </button>
      </div>
    </form>
  );
}
