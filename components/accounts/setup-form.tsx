'use client';
// The first admin's account, from the one-time setup link.
import { useActionState } from 'react';
import { IDLE, type FormState } from '@/lib/validation/form-state';
import styles from './accounts.module.css';
import { Field, Outcome } from './form-parts';

export function SetupForm(props: { action: (prev: FormState, data: FormData) => Promise<FormState>; token: string }) {
  const [state, formAction, pending] = useActionState(props.action, IDLE);
  return (
    <form action={formAction} className={styles.form} aria-label="Create the first admin">
      <input type="hidden" name="token" value={props.token} />
      <Field label="Email" name="email" state={state}>
        <input name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label="Name" name="name" state={state}>
        <input name="name" autoComplete="name" required maxLength={100} />
      </Field>
      <Field label="Password" name="password" state={state} hint="At least 12 characters, not a common password.">
        <input name="password" type="password" autoComplete="new-password" required minLength={12} />
      </Field>
      <Outcome state={state} />
      <button type="submit" className={styles.button} disabled={pending}>Create admin account</button>
    </form>
  );
}
