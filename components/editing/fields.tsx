'use client';
// Labelled fields with their errors in place. Every input has a visible label, and its error
// messages are tied to it with aria-describedby so a screen reader reads them with the field.
import { useId, type ReactNode } from 'react';
import { DATE_PRECISIONS, type DatePrecision } from '@/lib/domain/vocabulary';
import { errorsFor, type FieldErrors } from '@/lib/validation/field-errors';
import styles from './editing.module.css';
import { dateText, type PartialDate } from '@/lib/domain/dates';

export function FieldErrorList({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <div id={id}>
      {messages.map((m, i) => (
        <p key={i} className={styles.fieldError}>
          {m}
        </p>
      ))}
    </div>
  );
}

interface InputProps {
  name: string;
  label: string;
  errors: FieldErrors | undefined;
  hint?: string;
  /** Where the errors are reported when it differs from `name` (a date's "start" for "start.date"). */
  errorPath?: string;
}

function useDescribed(name: string, errors: FieldErrors | undefined, errorPath?: string) {
  const id = useId();
  const messages = errorsFor(errors, errorPath ?? name);
  return { id, inputId: `${id}-input`, errorId: `${id}-error`, hintId: `${id}-hint`, messages };
}

function describedBy(ids: (string | false)[]) {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

export function TextField({ name, label, errors, hint, errorPath, defaultValue, required, type = 'text', multiline, placeholder, dir, list }: InputProps & {
  /** The id of a <datalist> of suggestions. */
  list?: string;
  defaultValue?: string | null;
  required?: boolean;
  type?: 'text' | 'url';
  multiline?: boolean;
  placeholder?: string;
  dir?: 'auto';
}) {
  const d = useDescribed(name, errors, errorPath);
  const common = {
    id: d.inputId,
    name,
    defaultValue: defaultValue ?? '',
    'aria-invalid': d.messages.length > 0 ? (true as const) : undefined,
    'aria-describedby': describedBy([!!hint && d.hintId, d.messages.length > 0 && d.errorId]),
    'aria-required': required || undefined,
    placeholder,
    dir,
  };
  return (
    <div className={styles.field}>
      <label htmlFor={d.inputId} className={required ? styles.required : undefined}>
        {label}
      </label>
      {hint ? <p id={d.hintId} className={styles.hint}>{hint}</p> : null}
      {multiline ? <textarea {...common} /> : <input type={type} list={list} {...common} />}
      <FieldErrorList id={d.errorId} messages={d.messages} />
    </div>
  );
}

export function SelectField({ name, label, errors, hint, defaultValue, options, required, placeholder }: InputProps & {
  defaultValue?: string | number | null;
  options: readonly { value: string | number; label: string }[];
  required?: boolean;
  /** A first, empty choice ("Choose…"); without it the first option is preselected. */
  placeholder?: string;
}) {
  const d = useDescribed(name, errors);
  return (
    <div className={styles.field}>
      <label htmlFor={d.inputId} className={required ? styles.required : undefined}>
        {label}
      </label>
      {hint ? <p id={d.hintId} className={styles.hint}>{hint}</p> : null}
      <select
        id={d.inputId}
        name={name}
        defaultValue={defaultValue === null || defaultValue === undefined ? '' : String(defaultValue)}
        aria-invalid={d.messages.length > 0 || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy([!!hint && d.hintId, d.messages.length > 0 && d.errorId])}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrorList id={d.errorId} messages={d.messages} />
    </div>
  );
}

const PRECISION_LABELS: Record<DatePrecision, string> = {
  year: 'Year',
  month: 'Month',
  day: 'Day',
  asof: 'As of (in effect on that day)',
};

/** A date known to a precision: "2020", "2020-11" or "2020-11-19", and how precise it is. Blank: not known. */
export function PartialDateField({ name, label, errors, defaultValue, hint }: InputProps & { defaultValue?: PartialDate | null }) {
  const d = useDescribed(name, errors);
  const dateMessages = errorsFor(errors, name);
  return (
    <fieldset className={styles.fieldset} aria-describedby={dateMessages.length ? d.errorId : undefined}>
      <legend>{label}</legend>
      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor={`${d.id}-date`}>{label} date</label>
          <input
            id={`${d.id}-date`}
            name={`${name}.date`}
            defaultValue={dateText(defaultValue)}
            placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
            inputMode="numeric"
            aria-invalid={dateMessages.length > 0 || undefined}
            aria-describedby={describedBy([`${d.id}-hint`, dateMessages.length > 0 && d.errorId])}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${d.id}-precision`}>{label} precision</label>
          <select id={`${d.id}-precision`} name={`${name}.precision`} defaultValue={defaultValue?.precision ?? ''}>
            <option value="">From the date as written</option>
            {DATE_PRECISIONS.map((p) => (
              <option key={p} value={p}>
                {PRECISION_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${d.id}-hint`} className={styles.hint}>
        {hint ?? 'Leave the date empty when it is not known.'}
      </p>
      <FieldErrorList id={d.errorId} messages={dateMessages} />
    </fieldset>
  );
}

export function ReasonField({ errors, label = 'Reason for the change (optional)', required }: { errors: FieldErrors | undefined; label?: string; required?: boolean }) {
  return <TextField name="reason" label={label} errors={errors} required={required} hint="Recorded in the history with your change." />;
}

export function Buttons({ children }: { children: ReactNode }) {
  return <div className={styles.buttons}>{children}</div>;
}
