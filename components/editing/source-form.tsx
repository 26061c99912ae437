'use client';
// Adding or editing a source with its reliability grade (A–F). Validated with createSourceSchema
// / updateSourceSchema before it is sent.
import { RELIABILITY_GRADES, RELIABILITY_LABELS } from '@/lib/domain/vocabulary';
import { sourceInput } from '@/lib/validation/form-input';
import { createSourceSchema, sourceRecord, updateSourceSchema } from '@/lib/domain/records/source';
import type { SourceState } from '@/lib/domain/records/source';
import styles from './editing.module.css';
import { Buttons, PartialDateField, ReasonField, SelectField, TextField } from './fields';
import { ConflictPanel, FormStatus, sendVersion } from './form-status';
import { useRecordForm, type FormAction } from './use-record-form';

/** The form holds exactly the record's editable state. */
export type SourceValues = SourceState;

interface Props {
  action: FormAction;
  initial?: SourceValues;
  version?: number;
  /** Where to go back to with the new source chosen (a new claim's form). */
  next?: string | null;
}

export function SourceForm({ action, initial, version, next }: Props) {
  const editing = version !== undefined;
  const form = useRecordForm(action, (fd) => sourceInput(fd, editing ? 'update' : 'create'), editing ? updateSourceSchema : createSourceSchema);
  const { errors, state } = form;
  return (
    <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-label={editing ? 'Edit source' : 'New source'}>
      <ConflictPanel state={state} type="source" typed={form.submitted} />
      <FormStatus state={state} errors={errors} />
      {editing ? <input type="hidden" name="version" value={sendVersion(state, version)} /> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField name="title" label={sourceRecord.labels.title} required errors={errors} defaultValue={initial?.title} dir="auto" />
      <div className={styles.row}>
        <TextField name="author" label={sourceRecord.labels.author} errors={errors} defaultValue={initial?.author} dir="auto" />
        <TextField name="publisher" label={sourceRecord.labels.publisher} errors={errors} defaultValue={initial?.publisher} dir="auto" />
      </div>
      <TextField name="url" label={sourceRecord.labels.url} type="url" errors={errors} defaultValue={initial?.url} placeholder="https://…" hint="http or https only." />
      <div className={styles.row}>
        <PartialDateField name="published" label={sourceRecord.labels.published} errors={errors} defaultValue={initial?.published} />
        <SelectField
          name="reliability"
          label="Reliability"
          required
          errors={errors}
          defaultValue={initial?.reliability}
          placeholder="Choose…"
          options={RELIABILITY_GRADES.map((g) => ({ value: g, label: `${g}: ${RELIABILITY_LABELS[g]}` }))}
          hint="NATO Admiralty grade of the source as a whole."
        />
      </div>
      <TextField name="notes" label={sourceRecord.labels.notes} errors={errors} defaultValue={initial?.notes} multiline hint="Why this grade; what to watch for." />
      {editing ? <ReasonField errors={errors} /> : null}
      <Buttons>
        <button type="submit" className={styles.primary} disabled={form.pending}>
          {form.pending ? 'Saving…' : state.status === 'conflict' ? `Save mine over version ${state.current.version}` : editing ? 'Save source' : 'Add source'}
        </button>
      </Buttons>
    </form>
  );
}
