'use client';
// A form sent to a server action that answers a FormState, said in place above the fields
// (FormStatus), with one submit button held while it is sent: the forms of saved views, stories
// and the admin's embed origins. Record forms check their fields first instead (use-record-form.ts).
import { startTransition, useActionState, type FormEvent, type ReactNode } from 'react';
import { IDLE, type FormState } from '@/lib/validation/form-state';
import { FormStatus } from './form-status';
import styles from './editing.module.css';

export type StatusFormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

interface Props {
  action: StatusFormAction;
  /** The form's accessible name. */
  label: string;
  /** The submit button's words. */
  submit: string;
  /**
   * Adds what the fields do not hold (the story editor's steps) before sending. The form is then
   * sent from onSubmit rather than as its action, so React leaves its fields as they are.
   */
  prepare?: (formData: FormData) => void;
  /** The fields; a function of the answer when they show it (the origins' refused lines). */
  children: ReactNode | ((state: FormState) => ReactNode);
}

export function StatusForm({ action, label, submit, prepare, children }: Props) {
  const [state, send, pending] = useActionState(action, IDLE);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!prepare) return;
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    prepare(formData);
    startTransition(() => send(formData));
  };
  return (
    <form action={prepare ? undefined : send} onSubmit={prepare ? onSubmit : undefined} className={styles.form} aria-label={label}>
      <FormStatus state={state} errors={state.status === 'invalid' ? state.fieldErrors : undefined} />
      {typeof children === 'function' ? children(state) : children}
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} disabled={pending}>
          {submit}
        </button>
      </div>
    </form>
  );
}
