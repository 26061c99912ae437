'use client';
// What a form says after a send: saved, refused (sign in, not allowed, gone), or the server's
// summary of invalid fields; and, when someone else saved first, the conflict panel.
import Link from 'next/link';
import { diffStates, type HistoryType } from '@/lib/history/diff';
import type { FieldErrors } from '@/lib/validation/field-errors';
import type { FormState } from '@/lib/validation/form-state';
import styles from './editing.module.css';

export function FormStatus({ state, errors }: { state: FormState; errors?: FieldErrors }) {
  if (state.status === 'saved') {
    return (
      <p role="status" className={`${styles.message} ${styles.ok}`}>
        {state.message}
      </p>
    );
  }
  if (state.status === 'refused' || state.status === 'error') {
    return (
      <p role="alert" className={`${styles.message} ${styles.bad}`}>
        {state.message}
        {state.status === 'refused' && state.code === 'unauthenticated' ? (
          <>
            {' '}
            <Link href="/sign-in">Sign in</Link>
          </>
        ) : null}
      </p>
    );
  }
  const count = errors ? Object.keys(errors).length : 0;
  if (count > 0) {
    const general = errors?._ ?? [];
    return (
      <div role="alert" className={`${styles.message} ${styles.bad}`}>
        <p style={{ margin: 0 }}>Nothing was saved: {count === 1 ? 'one field needs' : `${count} fields need`} attention (marked below).</p>
        {general.map((m, i) => (
          <p key={i} style={{ margin: '0.3rem 0 0' }}>
            {m}
          </p>
        ))}
      </div>
    );
  }
  return null;
}

/**
 * Someone else saved first. Says so, shows the version now stored, and sets the stored values
 * beside the ones typed here, field by field; the form keeps the typed values, and saving again
 * applies them to the version now stored.
 */
export function ConflictPanel({ state, type, typed }: { state: FormState; type: HistoryType; typed: Record<string, unknown> | null }) {
  if (state.status !== 'conflict') return null;
  const { version, id: _id, ...stored } = state.current;
  const { version: _sent, reason: _reason, ...yours } = typed ?? {};
  const differences = typed ? diffStates(type, stored, yours) : [];
  return (
    <section role="alert" aria-labelledby="conflict-title" className={styles.conflict}>
      <h2 id="conflict-title">Not saved: someone else changed this {type === 'note' ? 'note' : type} (now version {version})</h2>
      <p style={{ margin: '0 0 0.4rem' }}>{state.message}</p>
      <p style={{ margin: 0 }}>
        Your values are still in the form. Saving again replaces version {version} with what is in the form.
      </p>
      {differences.length > 0 ? (
        <table>
          <caption className="visually-hidden">Stored values beside yours</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Stored now (version {version})</th>
              <th scope="col">Yours</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((c) => (
              <tr key={c.field}>
                <th scope="row">{c.label}</th>
                {c.kind === 'value' ? (
                  <>
                    <td className={styles.stored}>{c.before}</td>
                    <td className={styles.yours}>{c.after}</td>
                  </>
                ) : (
                  <>
                    <td className={styles.stored}>{c.removed.length ? `Has ${c.removed.join('; ')}` : '—'}</td>
                    <td className={styles.yours}>{c.added.length ? `Adds ${c.added.join('; ')}` : '—'}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p style={{ margin: '0.4rem 0 0' }}>The stored values are the same as yours.</p>
      )}
    </section>
  );
}

/** The version a form sends: the one it was opened at, or after a conflict the one now stored. */
export function sendVersion(state: FormState, opened: number): number {
  return state.status === 'conflict' ? state.current.version : opened;
}
