// How a record module (actor.ts, tie.ts, …) states its fields once and derives the rest: the
// schema of its stored state, the create, update and import inputs, the list that history,
// restore and the edit forms read, and the rules every write and every import applies.
import { z } from 'zod';
import { textSchema } from '../../validation/common';

/**
 * How a field is shown (lib/history/diff.ts) and read from a form (lib/validation/form-input.ts).
 * `key` is an identifier typed by hand (trimmed); `status` a lowercase word with underscores,
 * left out of a form's input when blank so its default applies.
 */
export type FieldKind =
  | 'text'
  | 'key'
  | 'url'
  | 'date'
  | 'names'
  | 'boolean'
  | 'number'
  | 'kind'
  | 'faction'
  | 'tieType'
  | 'reliability'
  | 'credibility'
  | 'status'
  | 'actorRef'
  | 'sourceRef'
  /** A saved view's map state (lib/validation/view-state.ts), shown as its address. */
  | 'viewState';

/**
 * required: a create and an import must give it. optional: left out, it takes `fallback`.
 * subject: what a claim or note is about (a tie or an actor); set once on create, never updated.
 */
export type Presence = 'required' | 'optional' | 'subject';

export interface Field<S extends z.ZodType = z.ZodType, P extends Presence = Presence, K extends FieldKind = FieldKind> {
  readonly schema: S;
  readonly label: string;
  readonly kind: K;
  readonly presence: P;
  /** What a create or an import stores when an optional field is left out. */
  readonly fallback?: z.output<S>;
}

export function required<S extends z.ZodType, K extends FieldKind = 'text'>(schema: S, label: string, kind?: K): Field<S, 'required', K> {
  return { schema, label, kind: (kind ?? 'text') as K, presence: 'required' };
}

export function optional<S extends z.ZodType, K extends FieldKind = 'text'>(schema: S, fallback: z.output<S>, label: string, kind?: K): Field<S, 'optional', K> {
  return { schema, label, kind: (kind ?? 'text') as K, presence: 'optional', fallback };
}

export function subject<S extends z.ZodType, K extends FieldKind = 'text'>(schema: S, label: string, kind?: K): Field<S, 'subject', K> {
  return { schema, label, kind: (kind ?? 'text') as K, presence: 'subject' };
}

export type Fields = Record<string, Field>;

/** The fields an update may change: all but the subject. */
export type EditableKey<F extends Fields> = { [K in keyof F]: F[K] extends Field<z.ZodType, 'subject'> ? never : K }[keyof F] & string;
export type SubjectKey<F extends Fields> = Exclude<keyof F & string, EditableKey<F>>;

type StateShape<F extends Fields> = { -readonly [K in keyof F]: F[K] extends Field<infer S, 'subject'> ? z.ZodNullable<S> : F[K]['schema'] };
/** Create: required fields as they are, optional ones with their fallback, the subject null when absent. */
type CreateShape<F extends Fields> = {
  -readonly [K in keyof F]: F[K] extends Field<infer S, infer P>
    ? P extends 'optional'
      ? z.ZodDefault<S>
      : P extends 'subject'
        ? z.ZodPipe<z.ZodOptional<S>, z.ZodTransform<z.output<S> | null, z.output<S> | undefined>>
        : S
    : never;
};
/** Import: as create, without the subject (an import nests claims under what they are about). */
type ImportShape<F extends Fields> = Pick<CreateShape<F>, EditableKey<F>>;
/** Update: any editable field, none with a default, so an omitted field is never reset. */
type UpdateShape<F extends Fields> = { -readonly [K in EditableKey<F>]: z.ZodOptional<F[K]['schema']> };

/** Every change names the version it was made against; a stale one is refused. */
export const versionSchema = z.number({ error: 'Version is required' }).int().positive();
export const reasonSchema = textSchema(500).optional();

export interface RecordOptions<R extends boolean> {
  /** Whether an update may say why (every record but notes, which record no reason). */
  reasoned: R;
}

/** One field as history and forms read it. */
export interface FieldSpec {
  field: string;
  label: string;
  kind: FieldKind;
  subject: boolean;
}

export interface RecordDefinition<F extends Fields, R extends boolean> {
  readonly fields: F;
  /** Each field's label, as its form input, its history and its error messages name it. */
  readonly labels: { readonly [K in keyof F]: string };
  /** In the order forms and history show them. */
  readonly fieldList: readonly FieldSpec[];
  /** The fields an update may set (restoring an old version picks these out of it). */
  readonly updatable: readonly EditableKey<F>[];
  readonly reasoned: R;
  /** The stored state: what revisions hold as before and after, and what an import compares. */
  readonly state: z.ZodObject<StateShape<F>, z.core.$strict>;
  readonly create: z.ZodObject<CreateShape<F>, z.core.$strict>;
  readonly update: z.ZodObject<
    UpdateShape<F> & { version: typeof versionSchema } & (R extends true ? { reason: typeof reasonSchema } : object),
    z.core.$strict
  >;
  /** The record's fields in an import document, beside its id and nested records. */
  readonly importShape: ImportShape<F>;
}

function mapFields<F extends Fields>(fields: F, keep: (f: Field) => boolean, to: (f: Field) => z.ZodType): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(fields).filter(([, f]) => keep(f)).map(([k, f]) => [k, to(f)]));
}

function withFallback(f: Field): z.ZodType {
  if (f.presence === 'optional') return f.schema.default(f.fallback as never);
  if (f.presence === 'subject') return f.schema.optional().transform((v) => v ?? null);
  return f.schema;
}

export function defineRecord<const F extends Fields, const R extends boolean>(fields: F, options: RecordOptions<R>): RecordDefinition<F, R> {
  const editable = (f: Field) => f.presence !== 'subject';
  const all = () => true;
  const importShape = mapFields(fields, editable, withFallback);
  const update = { ...mapFields(fields, editable, (f) => f.schema.optional()), version: versionSchema, ...(options.reasoned ? { reason: reasonSchema } : {}) };
  return {
    fields,
    labels: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.label])),
    fieldList: Object.entries(fields).map(([field, f]) => ({ field, label: f.label, kind: f.kind, subject: f.presence === 'subject' })),
    updatable: Object.keys(fields).filter((k) => editable(fields[k]!)) as EditableKey<F>[],
    reasoned: options.reasoned,
    state: z.strictObject(mapFields(fields, all, (f) => (f.presence === 'subject' ? f.schema.nullable() : f.schema))),
    create: z.strictObject(mapFields(fields, all, withFallback)),
    update: z.strictObject(update),
    importShape,
  } as unknown as RecordDefinition<F, R>;
}

/** A broken rule, under the field a form shows it by. */
export interface RuleIssue {
  path: string;
  message: string;
}

/** Dated records (actors, ties) end no earlier than they start. */
export function endNotBeforeStart(record: { start: { date: string } | null; end: { date: string } | null }): RuleIssue[] {
  return record.start && record.end && record.end.date < record.start.date ? [{ path: 'end', message: 'The end is before the start' }] : [];
}

/** A claim or a note is about exactly one tie or one actor. */
export function exactlyOneSubject(record: { tie?: string | null; actor?: string | null }): boolean {
  return (record.tie ? 1 : 0) + (record.actor ? 1 : 0) === 1;
}

/** The input of a delete: the version it was made against and why. */
export const deleteRecordSchema = z.strictObject({ version: versionSchema, reason: reasonSchema });
export type DeleteRecordInput = z.input<typeof deleteRecordSchema>;
