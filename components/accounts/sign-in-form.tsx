'use client';
// The sign-in form. The action answers the same message for an unknown email and a wrong
// password; after ten failures it answers "Too many attempts" instead.
import { useActionState } from 'react';
import { IDLE, type FormState } from '@/lib/validation/form-state';
import styles from './accounts.module.css';

export type SignInFormState = FormState & { email?: string };

export function SignInForm(props: { action: (prev: SignInFormState, data: FormData) => Promise<SignInFormState>; next: string }) {
  const [state, formAction, pending] = useActionState(props.action, IDLE as SignInFormState);
  return (
    <form action={formAction} className={styles.form} aria-label="Sign in">
      <input type="hidden" name="next" value={props.next} />
      <label className={styles.field}>
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required defaultValue={state.email ?? ''} key={state.email ?? ''} />
      </label>
      <label className={styles.field}>
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {state.status !== 'idle' && state.status !== 'saved' && (
        <p role="alert" className={styles.error}>{state.message}</p>
      )}
      <button type="submit" className={styles.button} disabled={pending}>Sign in</button>
    </form>
  );
}
