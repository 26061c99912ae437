'use client';
// Personal API tokens: create one (its secret is shown here once and never again), revoke one.
import { useActionState } from 'react';
import { IDLE, type FormState } from '@/lib/validation/form-state';
import styles from './accounts.module.css';
import { Field } from './form-parts';

export type TokenFormState = FormState | { status: 'created'; message: string; token: string };

export function CreateTokenForm(props: { action: (prev: TokenFormState, data: FormData) => Promise<TokenFormState> }) {
  const [state, formAction, pending] = useActionState(props.action, IDLE as TokenFormState);
  const fieldState: FormState = state.status === 'created' ? IDLE : state;
  return (
    <>
      {state.status === 'created' && (
        <div role="status" className={styles.section}>
          <p className={styles.notice}>{state.message}</p>
          <p>Copy it now: Powermap keeps only a hash and cannot show it again. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.</p>
          <code className={styles.token} data-testid="new-api-token">{state.token}</code>
        </div>
      )}
      <form action={formAction} className={styles.form} aria-label="Create an API token" key={state.status === 'created' ? state.token : 'form'}>
        <Field label="Token name" name="name" state={fieldState} hint="What the token is for, e.g. “nightly export script”.">
          <input name="name" required maxLength={80} autoComplete="off" />
        </Field>
        {fieldState.status !== 'idle' && fieldState.status !== 'saved' && <p role="alert" className={styles.error}>{fieldState.message}</p>}
        <button type="submit" className={styles.button} disabled={pending}>Create token</button>
      </form>
    </>
  );
}

export function RevokeTokenForm(props: { tokenId: string; name: string; action: (prev: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(props.action, IDLE);
  return (
    <form action={formAction} className={styles.inline}>
      <input type="hidden" name="tokenId" value={props.tokenId} />
      <button type="submit" className={styles.danger} disabled={pending} aria-label={`Revoke ${props.name}`}>Revoke</button>
      {state.status !== 'idle' && state.status !== 'saved' && <small role="alert" className={styles.error}>{state.message}</small>}
    </form>
  );
}
