'use client';
// The claims about a tie, for analysts: change a claim's status (accepted, disputed, needs
// review) with the reason recorded in its history, or delete it.
import Link from 'next/link';
import { CLAIM_STATUSES } from '@/lib/domain/vocabulary';
import { claimStatusInput } from '@/lib/validation/form-input';
import { updateClaimSchema } from '@/lib/domain/records/claim';
import styles from './editing.module.css';
import { SelectField, TextField } from './fields';
import { ConflictPanel, FormStatus, sendVersion } from './form-status';
import { DeleteRecord } from './delete-record';
import { useRecordForm, type FormAction } from './use-record-form';

export interface ClaimItem {
  id: string;
  version: number;
  quote: string;
  location: string;
  status: string;
  grade: string;
  source: { id: string; title: string };
}

interface Props {
  claims: ClaimItem[];
  /** Bound to each claim id by the page. */
  changeStatus: Record<string, FormAction>;
  remove: Record<string, FormAction>;
}

export function ClaimsEditor({ claims, changeStatus, remove }: Props) {
  if (claims.length === 0) return <p className="muted">No claims to change.</p>;
  return (
    <ul className={styles.claims} aria-label="Claims to review">
      {claims.map((claim) => (
        <li key={claim.id} className={styles.claim}>
          <p className={styles.quote}>“{claim.quote}”</p>
          <p className={styles.hint}>
            <span className="badge badge-grade">{claim.grade}</span> <Link href={`/sources/${claim.source.id}`}>{claim.source.title}</Link>
            {claim.location ? `, ${claim.location}` : ''} · <Link href={`/history/claim/${claim.id}`}>History</Link>
          </p>
          {changeStatus[claim.id] ? <ClaimStatusChanger claim={claim} action={changeStatus[claim.id]} /> : null}
          {remove[claim.id] ? <DeleteRecord action={remove[claim.id]} version={claim.version} what="claim" compact /> : null}
        </li>
      ))}
    </ul>
  );
}

export function ClaimStatusChanger({ claim, action }: { claim: ClaimItem; action: FormAction }) {
  const form = useRecordForm(action, claimStatusInput, updateClaimSchema);
  const short = claim.quote.length > 40 ? `${claim.quote.slice(0, 40)}…` : claim.quote;
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={`Status of the claim “${short}”`}>
      <ConflictPanel state={form.state} type="claim" typed={form.submitted} />
      <FormStatus state={form.state} errors={form.errors} />
      <input type="hidden" name="version" value={sendVersion(form.state, claim.version)} />
      <div className={styles.inline}>
        <SelectField name="status" label="Status" errors={form.errors} defaultValue={claim.status} options={CLAIM_STATUSES.map((s) => ({ value: s, label: s.replace(/_/g, ' ') }))} />
        <TextField name="reason" label="Reason" errors={form.errors} hint="Needed when the status changes." />
        <button type="submit" className={styles.secondary} disabled={form.pending}>
          {form.pending ? 'Saving…' : 'Change status'}
        </button>
      </div>
    </form>
  );
}
