'use client';
// Admins create an account with a role and an initial password, which they pass on to the user.
import { useActionState } from 'react';
import { USER_ROLES } from '@/lib/domain/vocabulary';
import { IDLE, type FormState } from '@/lib/validation/form-state';
import styles from './accounts.module.css';
import { Field, Outcome } from './form-parts';
import { ROLE_LABELS } from './role-labels';

export function CreateUserForm(props: { action: (prev: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(props.action, IDLE);
  return (
    // A successful save resets the form (a new key); a refused one keeps what was typed.
    <form action={formAction} className={styles.form} aria-label="Create a user" key={state.status === 'saved' ? state.message : 'form'}>
      <Field label="Email" name="email" state={state}>
        <input name="email" type="email" autoComplete="off" required />
      </Field>
      <Field label="Name" name="name" state={state}>
        <input name="name" autoComplete="off" required maxLength={100} />
      </Field>
      <Field label="Role" name="role" state={state}>
        <select name="role" defaultValue="viewer">
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>{ROLE_LABELS[role]}</option>
          ))}
        </select>
      </Field>
      <Field label="Initial password" name="password" state={state} hint="At least 12 characters, not a common password. Give it to the user privately.">
        <input name="password" type="password" autoComplete="new-password" required minLength={12} />
      </Field>
      <Outcome state={state} />
      <button type="submit" className={styles.button} disabled={pending}>Create user</button>
    </form>
  );
}
