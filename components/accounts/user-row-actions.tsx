'use client';
// Per-user controls on the admin page: change the role, disable or enable the account.
import { useActionState } from 'react';
import { USER_ROLES, type UserRole } from '@/lib/domain/vocabulary';
import { IDLE, type FormState } from '@/lib/validation/form-state';
import styles from './accounts.module.css';
import { ROLE_LABELS } from './role-labels';

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

function Problem({ state }: { state: FormState }) {
  if (state.status === 'idle' || state.status === 'saved') return null;
  return <small role="alert" className={styles.error}>{state.message}</small>;
}

export function RoleForm(props: { userId: string; email: string; role: UserRole; action: Action }) {
  const [state, formAction, pending] = useActionState(props.action, IDLE);
  return (
    <form action={formAction} className={styles.inline}>
      <input type="hidden" name="userId" value={props.userId} />
      <label>
        <span className="visually-hidden">Role of {props.email}</span>
        <select name="role" defaultValue={props.role} key={props.role}>
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>{ROLE_LABELS[role]}</option>
          ))}
        </select>
      </label>
      <button type="submit" className={styles.secondary} disabled={pending}>Change role</button>
      <Problem state={state} />
    </form>
  );
}

export function DisableForm(props: { userId: string; disabled: boolean; action: Action }) {
  const [state, formAction, pending] = useActionState(props.action, IDLE);
  return (
    <form action={formAction} className={styles.inline}>
      <input type="hidden" name="userId" value={props.userId} />
      <input type="hidden" name="disabled" value={props.disabled ? 'false' : 'true'} />
      <button type="submit" className={props.disabled ? styles.secondary : styles.danger} disabled={pending}>
        {props.disabled ? 'Enable' : 'Disable'}
      </button>
      <Problem state={state} />
    </form>
  );
}
