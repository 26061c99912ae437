'use client';
// One pair's judgement on /duplicates: same, different or unsure, with a reason. The version of
// the judgement the analyst saw goes with it, so two analysts judging at once never overwrite
// each other silently.
import { useActionState } from 'react';
import styles from './duplicates.module.css';
import type { DuplicateJudgementDto } from '@/lib/domain/duplicate-responses';
import { VERDICTS } from '@/lib/graph/duplicate-judgements';
import { VERDICT_LABELS } from '@/lib/validation/duplicates';
import { IDLE, type FormState } from '@/lib/validation/form-state';

interface Props {
  a: { slug: string; name: string };
  b: { slug: string; name: string };
  judgement: DuplicateJudgementDto | null;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
}

export function JudgementForm({ a, b, judgement, action }: Props) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const label = `Judge ${a.name} and ${b.name}`;
  return (
    <form action={formAction} aria-label={label} className={styles.judgement}>
      <input type="hidden" name="a" value={a.slug} />
      <input type="hidden" name="b" value={b.slug} />
      <input type="hidden" name="version" value={judgement?.version ?? ''} />
      <fieldset>
        <legend>Are they one actor?</legend>
        {VERDICTS.map((v) => (
          <label key={v} style={{ marginRight: '1rem' }}>
            <input type="radio" name="verdict" value={v} defaultChecked={judgement?.verdict === v} required /> {VERDICT_LABELS[v]}
          </label>
        ))}
      </fieldset>
      <label>
        Reason <input name="reason" defaultValue="" maxLength={500} placeholder="What you checked" />
      </label>{' '}
      <button type="submit" disabled={pending}>
        Save judgement
      </button>
      {state.status === 'saved' ? <p role="status">{state.message}</p> : null}
      {state.status !== 'saved' && state.status !== 'idle' ? <p role="alert">{state.message}</p> : null}
    </form>
  );
}
