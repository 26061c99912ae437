'use client';
// The admin's list of origins that may frame embeds: one a line, checked by the server's schema
// (lib/validation/embeds.ts), which names each line it refuses.
import styles from '@/components/editing/editing.module.css';
import { StatusForm, type StatusFormAction } from '@/components/editing/status-form';
import type { FormState } from '@/lib/validation/form-state';

export function EmbedOriginsForm({ action, origins, version }: { action: StatusFormAction; origins: string[]; version: number }) {
  return (
    <StatusForm action={action} label="Allowed origins" submit="Save origins">
      {(state) => <OriginsFields state={state} origins={origins} version={version} />}
    </StatusForm>
  );
}

function OriginsFields({ state, origins, version }: { state: FormState; origins: string[]; version: number }) {
  // The schema names each line it refuses ("origins.2": "… is not an origin …").
  const problems = state.status === 'invalid' ? Object.entries(state.fieldErrors).flatMap(([, messages]) => messages) : [];
  return (
    <>
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
    </>
  );
}
