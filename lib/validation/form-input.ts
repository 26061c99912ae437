// From an edit form's fields to the input objects of a record's create and update schemas
// (lib/domain/records). Each field is read by its kind, from the record's one field list. The form
// checks the result with the same schema before sending it, and the server action converts the
// same FormData with the same function, so both sides validate exactly the same thing.
import { RECORDS } from '../domain/records/all-records';
import type { FieldKind, Fields, Presence } from '../domain/records/define-record';
import { inferPrecision } from '../domain/dates';

/** The part of FormData these functions read (FormData itself, or a test's stand-in). */
export interface FormFields {
  get(name: string): unknown;
  keys(): Iterable<string>;
}

export function text(fd: FormFields, name: string): string {
  const value = fd.get(name);
  return typeof value === 'string' ? value : '';
}

/** A number field: blank is absent (the schema then says "Required" or applies its default). */
function numberField(fd: FormFields, name: string): number | undefined {
  const raw = text(fd, name).trim();
  if (raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : (raw as unknown as number);
}

function optionalText(fd: FormFields, name: string): string | undefined {
  const value = fd.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** `<prefix>.date` and `<prefix>.precision`; a blank date means "not known" (null). */
export function partialDate(fd: FormFields, prefix: string): { date: string; precision: string } | null {
  const date = text(fd, `${prefix}.date`).trim();
  if (!date) return null;
  const precision = text(fd, `${prefix}.precision`).trim();
  return { date, precision: precision || inferPrecision(date) };
}

/** Rows named `names.<i>.name`, `.lang`, `.script`, `.kind`; a row with no name is left out. */
function nameVariants(fd: FormFields): { name: string; lang: string; script: string; kind: string }[] {
  const indexes = new Set<number>();
  for (const key of fd.keys()) {
    const m = /^names\.(\d+)\.name$/.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => ({ name: text(fd, `names.${i}.name`), lang: text(fd, `names.${i}.lang`).trim(), script: text(fd, `names.${i}.script`).trim(), kind: text(fd, `names.${i}.kind`) }))
    .filter((n) => n.name.trim() !== '');
}

/** The version an edit form was opened at, and the reason it gives. */
function versionAndReason(fd: FormFields) {
  const reason = optionalText(fd, 'reason');
  return { version: numberField(fd, 'version'), ...(reason !== undefined && reason.trim() !== '' ? { reason } : {}) };
}

type Mode = 'create' | 'update';

/** What a form gives for a field of each kind; `undefined` leaves it out (the schema then applies its default or says "Required"). */
type FormValue<K extends FieldKind> = K extends 'date'
  ? { date: string; precision: string } | null
  : K extends 'names'
    ? { name: string; lang: string; script: string; kind: string }[]
    : K extends 'boolean'
      ? boolean
      : K extends 'url'
        ? string | null
        : K extends 'number' | 'credibility'
          ? number | undefined
          : K extends 'status'
            ? string | undefined
            : string;

type KindOf<F> = F extends { kind: infer K extends FieldKind } ? K : FieldKind;
type Keys<F extends Fields, P extends Presence> = { [K in keyof F]: F[K] extends { presence: P } ? K : never }[keyof F];
/** A blank subject is left out, so the schema can say that exactly one is needed. */
type FormInput<F extends Fields, M extends Mode> = { -readonly [K in Keys<F, 'required' | 'optional'>]: FormValue<KindOf<F[K]>> } & (M extends 'create'
  ? { -readonly [K in Keys<F, 'subject'>]?: string }
  : { version: number | undefined; reason?: string });

function readField(fd: FormFields, name: string, kind: FieldKind): unknown {
  switch (kind) {
    case 'date':
      return partialDate(fd, name);
    case 'names':
      return nameVariants(fd);
    case 'boolean':
      return fd.get(name) !== null && fd.get(name) !== '';
    case 'number':
    case 'credibility':
      return numberField(fd, name);
    case 'status':
      return text(fd, name) || undefined;
    case 'url': {
      const url = text(fd, name).trim();
      return url === '' ? null : url;
    }
    case 'key':
    case 'actorRef':
    case 'sourceRef':
      return text(fd, name).trim();
    default:
      return text(fd, name);
  }
}

/**
 * A record's form as its create or update input: every editable field by its kind; on create the
 * subject (a claim's or note's tie or actor, from hidden fields) when given, on update the version
 * the form was opened at and, for records that keep one, the reason.
 */
function recordInput<F extends Fields, M extends Mode>(record: { fields: F; reasoned: boolean }, fd: FormFields, mode: M): FormInput<F, M> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(record.fields)) {
    if (field.presence === 'subject') {
      const key = mode === 'create' ? text(fd, name).trim() : '';
      if (key) out[name] = key;
      continue;
    }
    const value = readField(fd, name, field.kind);
    if (value !== undefined) out[name] = value;
  }
  if (mode === 'update') Object.assign(out, record.reasoned ? versionAndReason(fd) : { version: numberField(fd, 'version') });
  return out as FormInput<F, M>;
}

export const actorInput = <M extends Mode>(fd: FormFields, mode: M) => recordInput(RECORDS.actor, fd, mode);
export const tieInput = <M extends Mode>(fd: FormFields, mode: M) => recordInput(RECORDS.tie, fd, mode);
export const sourceInput = <M extends Mode>(fd: FormFields, mode: M) => recordInput(RECORDS.source, fd, mode);
/** A new claim about the tie or actor the form names in its hidden `tie` or `actor` field. */
export const claimInput = (fd: FormFields) => recordInput(RECORDS.claim, fd, 'create');
export const noteInput = <M extends Mode>(fd: FormFields, mode: M) => recordInput(RECORDS.note, fd, mode);

/** A claim's status change: the new status and why. */
export function claimStatusInput(fd: FormFields) {
  return { status: text(fd, 'status'), ...versionAndReason(fd) };
}

export function deleteInput(fd: FormFields) {
  return versionAndReason(fd);
}

/** A path on this site to go to after saving; anything else (another site, //host) is ignored. */
export function localPath(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : null;
}
