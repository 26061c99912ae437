'use client';
// Creating or editing an actor, with its name variants in any script. Validated with the
// server's own schemas (createActorSchema, updateActorSchema) before it is sent.
import { useState } from 'react';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, FACTION_LABELS, FACTIONS, NAME_KINDS } from '@/lib/domain/vocabulary';
import { actorInput } from '@/lib/validation/form-input';
import { errorsFor, type FieldErrors } from '@/lib/validation/field-errors';
import { actorRecord, createActorSchema, updateActorSchema } from '@/lib/domain/records/actor';
import type { ActorState } from '@/lib/domain/records/actor';
import styles from './editing.module.css';
import { Buttons, FieldErrorList, PartialDateField, ReasonField, SelectField, TextField } from './fields';
import { ConflictPanel, FormStatus, sendVersion } from './form-status';
import { useRecordForm, type FormAction } from './use-record-form';

/** The form holds exactly the record's editable state. */
export type ActorValues = ActorState;

const SCRIPTS = ['Latn', 'Cyrl', 'Arab', 'Hebr', 'Grek', 'Geor', 'Armn', 'Hani', 'Jpan', 'Kore'];

interface Props {
  action: FormAction;
  /** Edit mode: the stored values and the version they are. */
  initial?: ActorValues;
  version?: number;
}

export function ActorForm({ action, initial, version }: Props) {
  const editing = initial !== undefined;
  const form = useRecordForm(action, (fd) => actorInput(fd, editing ? 'update' : 'create'), editing ? updateActorSchema : createActorSchema);
  const { errors, state } = form;
  return (
    <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-label={editing ? 'Edit actor' : 'New actor'}>
      <ConflictPanel state={state} type="actor" typed={form.submitted} />
      <FormStatus state={state} errors={errors} />
      {editing ? <input type="hidden" name="version" value={sendVersion(state, version ?? 0)} /> : null}
      <div className={styles.row}>
        <TextField name="name" label={actorRecord.labels.name} required errors={errors} defaultValue={initial?.name} dir="auto" hint="As it is best known in English." />
        <TextField name="slug" label={actorRecord.labels.slug} required errors={errors} defaultValue={initial?.slug} hint="The address: lowercase letters, digits and hyphens (ivan-tertel)." />
      </div>
      <div className={styles.row}>
        <SelectField name="kind" label={actorRecord.labels.kind} required errors={errors} defaultValue={initial?.kind} placeholder="Choose…" options={ACTOR_KINDS.map((k) => ({ value: k, label: ACTOR_KIND_LABELS[k] }))} />
        <SelectField name="faction" label={actorRecord.labels.faction} required errors={errors} defaultValue={initial?.faction} placeholder="Choose…" options={FACTIONS.map((f) => ({ value: f, label: FACTION_LABELS[f] }))} />
      </div>
      <TextField name="summary" label={actorRecord.labels.summary} errors={errors} defaultValue={initial?.summary} multiline hint="One or two sentences for the map and the index." />
      <TextField name="description" label={actorRecord.labels.description} errors={errors} defaultValue={initial?.description} multiline />
      <div className={styles.row}>
        <PartialDateField name="start" label={actorRecord.labels.start} errors={errors} defaultValue={initial?.start} hint="Born, founded, or the first day of an event. Empty when not known." />
        <PartialDateField name="end" label={actorRecord.labels.end} errors={errors} defaultValue={initial?.end} hint="Died, dissolved, or the last day. Empty when it still exists." />
      </div>
      <NameVariants initial={initial?.names ?? []} errors={errors} />
      {editing ? <ReasonField errors={errors} /> : null}
      <Buttons>
        <button type="submit" className={styles.primary} disabled={form.pending}>
          {form.pending ? 'Saving…' : state.status === 'conflict' ? `Save mine over version ${state.current.version}` : editing ? 'Save actor' : 'Add actor'}
        </button>
      </Buttons>
    </form>
  );
}

let nextKey = 0;

function NameVariants({ initial, errors }: { initial: ActorValues['names']; errors: FieldErrors | undefined }) {
  const [rows, setRows] = useState(() => initial.map((n) => ({ key: nextKey++, ...n })));
  const listErrors = errors?.names ?? [];
  return (
    <fieldset className={styles.fieldset}>
      <legend>Name variants</legend>
      <p className={styles.hint}>Every spelling in any script: official names, transliterations, aliases and former names. Search finds all of them.</p>
      {rows.map((row, i) => (
        <div key={row.key} className={styles.nameRow} role="group" aria-label={`Name variant ${i + 1}`}>
          <TextField name={`names.${i}.name`} label="Name" errors={errors} defaultValue={row.name} dir="auto" />
          <TextField name={`names.${i}.lang`} label="Language" errors={errors} defaultValue={row.lang} placeholder="be" />
          <ScriptField index={i} defaultValue={row.script} errors={errors} />
          <SelectField name={`names.${i}.kind`} label="Kind of name" errors={errors} defaultValue={row.kind || 'alias'} options={NAME_KINDS.map((k) => ({ value: k, label: k }))} />
          <button type="button" className={styles.secondary} onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))} aria-label={`Remove name variant ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <datalist id="script-codes">
        {SCRIPTS.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <FieldErrorList id="names-errors" messages={listErrors} />
      <p>
        <button type="button" className={styles.secondary} onClick={() => setRows((r) => [...r, { key: nextKey++, name: '', lang: '', script: '', kind: 'alias' }])}>
          Add a name variant
        </button>
      </p>
    </fieldset>
  );
}

function ScriptField({ index, defaultValue, errors }: { index: number; defaultValue: string; errors: FieldErrors | undefined }) {
  const name = `names.${index}.script`;
  const messages = errorsFor(errors, name);
  const id = `script-${index}`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>Script</label>
      <input id={id} name={name} defaultValue={defaultValue} list="script-codes" placeholder="Cyrl" aria-invalid={messages.length > 0 || undefined} aria-describedby={messages.length ? `${id}-error` : undefined} />
      <FieldErrorList id={`${id}-error`} messages={messages} />
    </div>
  );
}
