'use client';
// A form whose server action answers a FormState, saying what happened in place: the merge form
// and the unmerge button share it.
import { useActionState, type ReactNode } from 'react';
import { IDLE, type FormState } from '@/lib/validation/form-state';
import styles from './duplicates.module.css';

interface Props {
  label: string;
  submit: string;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  children: ReactNode;
}

export function ActionForm({ label, submit, action, children }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} aria-label={label} className={styles.judgement}>
      {children}
      <button type="submit" disabled={pending || state.status === 'saved'}>
        {submit}
      </button>
      {state.status === 'saved' ? <p role="status">{state.message}</p> : null}
      {state.status !== 'saved' && state.status !== 'idle' ? <p role="alert">{state.message}</p> : null}
    </form>
  );
}
