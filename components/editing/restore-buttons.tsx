'use client';
// Going back from a history page: restore an earlier version (a new revision; history is never
// rewritten) or, for admins, bring a deleted record back with what was deleted with it.
import { startTransition, useActionState, type FormEvent } from 'react';
import { IDLE, type FormState } from '@/lib/validation/form-state';
import styles from './editing.module.css';
import type { FormAction } from './use-record-form';

function useSubmit(action: FormAction) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, pending, onSubmit };
}

export function RestoreVersionButton({ action, type, id, version, currentVersion }: { action: FormAction; type: string; id: string; version: number; currentVersion: number }) {
  const { state, pending, onSubmit } = useSubmit(action);
  return (
    <form onSubmit={onSubmit} className={styles.buttons} aria-label={`Restore version ${version}`}>
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="currentVersion" value={currentVersion} />
      <button type="submit" className={styles.secondary} disabled={pending}>
        {pending ? 'Restoring…' : `Restore version ${version}`}
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function RestoreDeletedButton({ action, type, id, label }: { action: FormAction; type: string; id: string; label: string }) {
  const { state, pending, onSubmit } = useSubmit(action);
  return (
    <form onSubmit={onSubmit} className={styles.buttons} aria-label="Restore the deleted record">
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={styles.primary} disabled={pending}>
        {pending ? 'Restoring…' : label}
      </button>
      <Outcome state={state} />
    </form>
  );
}

function Outcome({ state }: { state: FormState }) {
  if (state.status === 'idle') return null;
  if (state.status === 'saved') return <p role="status" className={`${styles.message} ${styles.ok}`}>{state.message}</p>;
  return (
    <p role="alert" className={`${styles.message} ${styles.bad}`}>
      {state.message}
      {state.status === 'conflict' ? ` Reload the page to see version ${state.current.version}.` : ''}
    </p>
  );
}
