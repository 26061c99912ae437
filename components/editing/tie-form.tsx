'use client';
// Creating or editing a tie: its two actors, type, role, dates with their precision, and
// strength. Validated with createTieSchema / updateTieSchema before it is sent.
import { TIE_TYPE_INFO, TIE_TYPES } from '@/lib/domain/vocabulary';
import { tieInput } from '@/lib/validation/form-input';
import type { FieldErrors } from '@/lib/validation/field-errors';
import { createTieSchema, tieRecord, updateTieSchema } from '@/lib/domain/records/tie';
import type { TieState } from '@/lib/domain/records/tie';
import styles from './editing.module.css';
import { Buttons, PartialDateField, ReasonField, SelectField, TextField } from './fields';
import { ConflictPanel, FormStatus, sendVersion } from './form-status';
import { useRecordForm, type FormAction } from './use-record-form';

/** The form holds exactly the record's editable state. */
export type TieValues = TieState;

interface Props {
  action: FormAction;
  /** Every live actor, for the two ends (typed as slugs, suggested by name). */
  actors: { slug: string; name: string }[];
  initial?: Partial<TieValues>;
  /** Edit mode: the version the stored values are. */
  version?: number;
}

const STRENGTHS = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n}${n === 1 ? ' (weak)' : n === 5 ? ' (strong)' : ''}` }));

export function TieForm({ action, actors, initial, version }: Props) {
  const editing = version !== undefined;
  const form = useRecordForm(action, (fd) => tieInput(fd, editing ? 'update' : 'create'), editing ? updateTieSchema : createTieSchema);
  const { errors, state } = form;
  return (
    <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-label={editing ? 'Edit tie' : 'New tie'}>
      <ConflictPanel state={state} type="tie" typed={form.submitted} />
      <FormStatus state={state} errors={errors} />
      {editing ? <input type="hidden" name="version" value={sendVersion(state, version)} /> : null}
      <datalist id="actor-slugs">
        {actors.map((a) => (
          <option key={a.slug} value={a.slug}>
            {a.name}
          </option>
        ))}
      </datalist>
      <div className={styles.row}>
        <ActorField name="source" label={tieRecord.labels.source} defaultValue={initial?.source} errors={errors} />
        <SelectField name="type" label={tieRecord.labels.type} required errors={errors} defaultValue={initial?.type} placeholder="Choose…" options={TIE_TYPES.map((t) => ({ value: t, label: TIE_TYPE_INFO[t].label }))} hint="Reads from → type → to: “Karpenkov leads GUBOPiK”." />
        <ActorField name="target" label={tieRecord.labels.target} defaultValue={initial?.target} errors={errors} />
      </div>
      <div className={styles.row}>
        <TextField name="role" label={tieRecord.labels.role} errors={errors} defaultValue={initial?.role} hint="The post or part played, if any (Head, Deputy Minister)." />
        <SelectField name="strength" label={tieRecord.labels.strength} errors={errors} defaultValue={initial?.strength ?? 3} options={STRENGTHS} />
      </div>
      <div className={styles.row}>
        <PartialDateField name="start" label={tieRecord.labels.start} errors={errors} defaultValue={initial?.start} />
        <PartialDateField name="end" label={tieRecord.labels.end} errors={errors} defaultValue={initial?.end} hint="Leave empty while the tie still holds." />
      </div>
      {editing ? <ReasonField errors={errors} /> : null}
      <Buttons>
        <button type="submit" className={styles.primary} disabled={form.pending}>
          {form.pending ? 'Saving…' : state.status === 'conflict' ? `Save mine over version ${state.current.version}` : editing ? 'Save tie' : 'Add tie'}
        </button>
      </Buttons>
    </form>
  );
}

function ActorField({ name, label, defaultValue, errors }: { name: string; label: string; defaultValue?: string; errors: FieldErrors | undefined }) {
  return <TextField name={name} label={label} required errors={errors} defaultValue={defaultValue} list="actor-slugs" hint="The actor's slug; type a name for suggestions." />;
}
