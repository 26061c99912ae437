'use client';
// Deleting a record: a deliberate second step with an optional reason. Deletes are soft (an admin
// can restore them from the history page), and a stale version is refused like any edit.
import { useState } from 'react';
import { deleteRecordSchema } from '@/lib/domain/records/define-record';
import { deleteInput } from '@/lib/validation/form-input';
import styles from './editing.module.css';
import { TextField } from './fields';
import { FormStatus, sendVersion } from './form-status';
import { useRecordForm, type FormAction } from './use-record-form';

interface Props {
  action: FormAction;
  version: number;
  /** "actor", "tie", "source", "claim", "note": names the button. */
  what: string;
  /** What goes with it, said before the second click ("its ties, claims and notes"). */
  cascade?: string;
  /** Where to go afterwards, when the action supports it. */
  returnTo?: string;
  compact?: boolean;
  /** What becomes of it, when not the network's soft delete that an admin can undo. */
  afterwards?: string;
}

export function DeleteRecord({ action, version, what, cascade, returnTo, compact, afterwards }: Props) {
  const [confirming, setConfirming] = useState(false);
  const form = useRecordForm(action, deleteInput, deleteRecordSchema);
  const { state } = form;
  if (!confirming) {
    return (
      <button type="button" className={compact ? styles.link : styles.danger} onClick={() => setConfirming(true)}>
        Delete{compact ? '' : ` ${what}`}
      </button>
    );
  }
  return (
    <form className={styles.form} onSubmit={form.onSubmit} aria-label={`Delete ${what}`}>
      <FormStatus state={state} errors={form.errors} />
      {state.status === 'conflict' ? (
        <p role="alert" className={`${styles.message} ${styles.bad}`}>
          {state.message} Reload the page to see version {state.current.version} before deleting.
        </p>
      ) : null}
      <input type="hidden" name="version" value={sendVersion(state, version)} />
      {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      <p style={{ margin: 0 }}>
        Delete this {what}
        {cascade ? ` with ${cascade}` : ''}? {afterwards ?? 'It disappears from the map and the pages; an admin can restore it from its history.'}
      </p>
      <TextField name="reason" label="Reason (optional)" errors={form.errors} />
      <div className={styles.buttons}>
        <button type="submit" className={styles.danger} disabled={form.pending || state.status === 'conflict'}>
          {form.pending ? 'Deleting…' : `Yes, delete this ${what}`}
        </button>
        <button type="button" className={styles.secondary} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
