// Small pieces every account form shares: a labelled field with its errors, and the outcome line.
import type { ReactNode } from 'react';
import { errorsFor } from '@/lib/validation/field-errors';
import type { FormState } from '@/lib/validation/form-state';
import styles from './accounts.module.css';

export function Field(props: { label: string; name: string; state: FormState; hint?: string; children: ReactNode }) {
  const errors = props.state.status === 'invalid' ? errorsFor(props.state.fieldErrors, props.name) : [];
  return (
    <label className={styles.field}>
      <span>{props.label}</span>
      {props.children}
      {props.hint && <small className={styles.hint}>{props.hint}</small>}
      {errors.map((message) => (
        <small key={message} className={styles.error}>{message}</small>
      ))}
    </label>
  );
}

/** The result of the last submission, announced to screen readers. */
export function Outcome({ state }: { state: FormState }) {
  if (state.status === 'idle') return null;
  const ok = state.status === 'saved';
  return (
    <p role={ok ? 'status' : 'alert'} className={ok ? styles.notice : styles.error}>
      {state.message}
    </p>
  );
}
