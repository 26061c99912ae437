'use client';
// The review table: rows to choose (arrow keys move, Space chooses, Shift-click a range, one box
// for all), and the one change to apply to the chosen ones with its reason.
import Link from 'next/link';
import { startTransition, useActionState, useRef, useState, type FormEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { FormStatus } from '@/components/editing/form-status';
import styles from '@/components/profile/profile.module.css';
import { CREDIBILITY_GRADES, TIE_TYPE_INFO, TIE_TYPES } from '@/lib/domain/vocabulary';
import { REVIEW_ACTION_LABELS, type ReviewAction, type ReviewClaimRow } from '@/lib/validation/claim-review';
import { IDLE, type FormState } from '@/lib/validation/form-state';

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

const ACTIONS = Object.keys(REVIEW_ACTION_LABELS) as ReviewAction[];

/** What a row is about, in words: "Karpenkov leads GUBOPiK" or "Lukashenko: born". */
function subjectOf(row: ReviewClaimRow): string {
  if (row.tie) return `${row.tie.source} ${TIE_TYPE_INFO[row.tie.type]?.label ?? row.tie.type} ${row.tie.target}`;
  return row.actor ? `${row.actor.name}${row.actor.fact ? `: ${row.actor.fact}` : ''}` : 'a deleted record';
}

/** A row as it was read: a claim changed by a batch comes back with a new version, and so unchosen. */
const keyOf = (row: ReviewClaimRow) => `${row.id}@${row.version}`;

export function ReviewTable({ rows, action }: { rows: ReviewClaimRow[]; action: Action }) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const [picked, setChosen] = useState<ReadonlySet<string>>(new Set());
  // Only rows still shown at the version they were chosen at count.
  const chosen = new Set(rows.map(keyOf).filter((key) => picked.has(key)));
  const [change, setChange] = useState<ReviewAction>('accept');
  const lastClicked = useRef<number | null>(null);
  const boxes = useRef<(HTMLInputElement | null)[]>([]);

  const toggle = (index: number, event: MouseEvent<HTMLInputElement>) => {
    const on = !chosen.has(keyOf(rows[index]));
    const next = new Set(chosen);
    const from = event.shiftKey && lastClicked.current !== null ? Math.min(lastClicked.current, index) : index;
    const to = event.shiftKey && lastClicked.current !== null ? Math.max(lastClicked.current, index) : index;
    for (let i = from; i <= to; i++) {
      if (on) next.add(keyOf(rows[i]));
      else next.delete(keyOf(rows[i]));
    }
    lastClicked.current = index;
    setChosen(next);
  };
  const move = (index: number, event: KeyboardEvent<HTMLInputElement>) => {
    const step = event.key === 'ArrowDown' || event.key === 'j' ? 1 : event.key === 'ArrowUp' || event.key === 'k' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    boxes.current[Math.max(0, Math.min(rows.length - 1, index + step))]?.focus();
  };
  const all = rows.length > 0 && chosen.size === rows.length;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };

  if (rows.length === 0) {
    return (
      <>
        <FormStatus state={state} />
        <p className="muted">Nothing to review here.</p>
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} aria-label="Review the chosen claims">
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label="Choose every claim shown" checked={all} onChange={() => setChosen(all ? new Set() : new Set(rows.map(keyOf)))} />
              </th>
              <th scope="col">About</th>
              <th scope="col">Quote</th>
              <th scope="col">Source</th>
              <th scope="col">Credibility</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id} aria-selected={chosen.has(keyOf(row))}>
                <td>
                  <input
                    ref={(el) => {
                      boxes.current[index] = el;
                    }}
                    type="checkbox"
                    name="claim"
                    value={keyOf(row)}
                    aria-label={`Choose the claim on ${subjectOf(row)} from ${row.source.title}`}
                    checked={chosen.has(keyOf(row))}
                    onClick={(event) => toggle(index, event)}
                    onChange={() => undefined}
                    onKeyDown={(event) => move(index, event)}
                  />
                </td>
                <td>{row.tie ? <Link href={`/ties/${row.tie.id}`}>{subjectOf(row)}</Link> : row.actor ? <Link href={`/actors/${row.actor.slug}`}>{subjectOf(row)}</Link> : subjectOf(row)}</td>
                <td>{row.quote}</td>
                <td>
                  <Link href={`/sources/${row.source.id}`}>{row.source.title}</Link> ({row.source.reliability})
                </td>
                <td>{row.credibility}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset className={styles.filters}>
        <legend>Change the chosen claims</legend>
        <div className={styles.field}>
          <label htmlFor="review-action">Change</label>
          <select id="review-action" name="action" value={change} onChange={(e) => setChange(e.target.value as ReviewAction)}>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {REVIEW_ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        {change === 'regrade' ? (
          <div className={styles.field}>
            <label htmlFor="review-credibility">New credibility</label>
            <select id="review-credibility" name="credibility" defaultValue="2">
              {CREDIBILITY_GRADES.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {change === 'retype' ? (
          <div className={styles.field}>
            <label htmlFor="review-type-to">New tie type</label>
            <select id="review-type-to" name="type" defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              {TIE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TIE_TYPE_INFO[t].label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className={styles.field}>
          <label htmlFor="review-reason">Reason</label>
          <input id="review-reason" name="reason" required maxLength={500} placeholder="Checked against the source" />
        </div>
        <button type="submit" disabled={pending || chosen.size === 0}>
          {pending ? 'Applying…' : `Apply to ${chosen.size} chosen claim${chosen.size === 1 ? '' : 's'}`}
        </button>
      </fieldset>
      <FormStatus state={state} errors={state.status === 'invalid' ? state.fieldErrors : undefined} />
    </form>
  );
}
