'use client';
// A new claim about a tie: which source says it, the quote, where in the source, how credible
// (1–6), its status and stance, and any dates it states. Validated with createClaimSchema.
import Link from 'next/link';
import { CLAIM_STANCES, CLAIM_STATUSES, CREDIBILITY_GRADES, CREDIBILITY_LABELS } from '@/lib/domain/vocabulary';
import { claimInput } from '@/lib/validation/form-input';
import { claimRecord, createClaimSchema } from '@/lib/domain/records/claim';
import styles from './editing.module.css';
import { Buttons, PartialDateField, SelectField, TextField } from './fields';
import { FormStatus } from './form-status';
import { useRecordForm, type FormAction } from './use-record-form';

interface Props {
  action: FormAction;
  tieId: string;
  sources: { id: string; title: string; reliability: string }[];
  /** A source to preselect (one just added). */
  sourceId?: string | null;
  /** Where "Add a new source" comes back to. */
  newSourceHref: string;
}

export function ClaimForm({ action, tieId, sources, sourceId, newSourceHref }: Props) {
  const form = useRecordForm(action, claimInput, createClaimSchema);
  const { errors, state } = form;
  return (
    <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-label="New claim">
      <FormStatus state={state} errors={errors} />
      <input type="hidden" name="tie" value={tieId} />
      <div>
        <SelectField
          name="source"
          label={claimRecord.labels.source}
          required
          errors={errors}
          defaultValue={sourceId}
          placeholder="Choose a source…"
          options={sources.map((s) => ({ value: s.id, label: `${s.title} (${s.reliability})` }))}
        />
        <p className={styles.hint}>
          Not listed? <Link href={newSourceHref}>Add a new source</Link> and come back here with it chosen.
        </p>
      </div>
      <TextField name="quote" label={claimRecord.labels.quote} required multiline errors={errors} dir="auto" hint="What the source says, in its words." />
      <TextField name="location" label={claimRecord.labels.location} errors={errors} hint="Page, paragraph or timestamp (para 4, p. 12, 03:10)." />
      <div className={styles.row}>
        <SelectField
          name="credibility"
          label={claimRecord.labels.credibility}
          required
          errors={errors}
          placeholder="Choose…"
          options={CREDIBILITY_GRADES.map((g) => ({ value: g, label: `${g}: ${CREDIBILITY_LABELS[g]}` }))}
        />
        <SelectField name="status" label={claimRecord.labels.status} errors={errors} defaultValue="accepted" options={CLAIM_STATUSES.map((s) => ({ value: s, label: s.replace(/_/g, ' ') }))} />
        <SelectField name="stance" label={claimRecord.labels.stance} errors={errors} defaultValue="supports" options={CLAIM_STANCES.map((s) => ({ value: s, label: s === 'supports' ? 'supports the tie' : 'refutes the tie' }))} />
      </div>
      <div className={styles.row}>
        <PartialDateField name="statedStart" label={claimRecord.labels.statedStart} errors={errors} hint="A start date the source gives, if any." />
        <PartialDateField name="statedEnd" label={claimRecord.labels.statedEnd} errors={errors} hint="An end date the source gives, if any." />
      </div>
      <div className={styles.field}>
        <label>
          <input type="checkbox" name="statedCurrent" value="on" /> The source says the tie still holds
        </label>
      </div>
      <Buttons>
        <button type="submit" className={styles.primary} disabled={form.pending}>
          {form.pending ? 'Saving…' : 'Add claim'}
        </button>
      </Buttons>
    </form>
  );
}
