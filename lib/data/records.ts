// Mapping between database rows and the plain shapes the rest of Powermap uses. A record's
// "state" is what revisions store as before/after and what an idempotent import compares; its
// fields are declared once, in the record's module (lib/domain/records/<record>.ts), and mapped to
// and from columns here by their names and kinds, so a new field needs no line in this file.
import type { z } from 'zod';
import { actorRecord, type ActorState } from '../domain/records/actor';
import { claimRecord, type ClaimState } from '../domain/records/claim';
import type { Fields } from '../domain/records/define-record';
import { noteRecord, type NoteState } from '../domain/records/note';
import { sourceRecord, type SourceState } from '../domain/records/source';
import { tieRecord, type TieState } from '../domain/records/tie';
import { normaliseForSearch } from '../graph/search';
import type { DatePrecision, NameKind } from '../domain/vocabulary';
import type { PartialDate } from '../domain/dates';

export function toPartialDate(date: string | null, precision: string | null): PartialDate | null {
  return date && precision ? { date, precision: precision as DatePrecision } : null;
}

export function fromPartialDate(d: PartialDate | null | undefined): { date: string | null; precision: string | null } {
  return d ? { date: d.date, precision: d.precision } : { date: null, precision: null };
}

export type { ActorState, ClaimState, NoteState, SourceState, TieState };

/**
 * How a record's fields sit in its table: a date in `<field>Date` and `<field>Precision`, any
 * other field in the column of its own name. Vocabularies are plain strings there.
 */
type ColumnsOf<F extends Fields, Skip extends string> = {
  -readonly [K in Exclude<keyof F & string, Skip | DateKey<F>>]: StoredAs<z.output<F[K]['schema']>>;
} & { -readonly [K in Exclude<DateKey<F>, Skip> as `${K}Date` | `${K}Precision`]: string | null };
type DateKey<F extends Fields> = { [K in keyof F & string]: F[K] extends { kind: 'date' } ? K : never }[keyof F & string];
type StoredAs<V> = V extends string ? string : V;

/**
 * The state of the fields that live in the record's own columns; `skip` names the rest (references
 * to other records, kept by id, and an actor's name variants, kept in their own table). The
 * database holds only what validated writes put there, so its strings are the record's vocabularies.
 */
function stateOf<F extends Fields, Skip extends keyof F & string>(fields: F, row: ColumnsOf<F, Skip>, skip: readonly Skip[]) {
  const columns = row as Record<string, unknown>;
  const state: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if ((skip as readonly string[]).includes(name)) continue;
    state[name] = field.kind === 'date' ? toPartialDate(columns[`${name}Date`] as string | null, columns[`${name}Precision`] as string | null) : columns[name];
  }
  return state as { [K in Exclude<keyof F & string, Skip>]: z.output<F[K]['schema']> };
}

/** The columns for the fields `stateOf` reads, from a state. */
function columnsOf<F extends Fields, Skip extends keyof F & string>(fields: F, state: Record<string, unknown>, skip: readonly Skip[]): ColumnsOf<F, Skip> {
  const columns: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if ((skip as readonly string[]).includes(name)) continue;
    if (field.kind !== 'date') {
      columns[name] = state[name];
      continue;
    }
    const d = fromPartialDate(state[name] as PartialDate | null);
    columns[`${name}Date`] = d.date;
    columns[`${name}Precision`] = d.precision;
  }
  return columns as ColumnsOf<F, Skip>;
}

const ACTOR_ELSEWHERE = ['names'] as const;
type ActorRow = ColumnsOf<typeof actorRecord.fields, 'names'> & { names: { name: string; lang: string; script: string; kind: string; scheme?: string | null }[] };

/**
 * An actor's state holds the names a person or source gave; generated transliterations (rows with
 * a scheme) are derived from them on every write (lib/data/actors/actor-names.ts), so revisions,
 * forms and imports never carry them.
 */

export function actorState(row: ActorRow): ActorState {
  return {
    ...stateOf(actorRecord.fields, row, ACTOR_ELSEWHERE),
    names: row.names
      .filter((n) => !n.scheme)
      .map(({ name, lang, script, kind }) => ({ name, lang, script, kind: kind as NameKind }))
      .sort((a, b) => (a.lang + a.name < b.lang + b.name ? -1 : a.lang + a.name > b.lang + b.name ? 1 : 0)),
  };
}

/**
 * The actor's own columns (its name variants are written apart), with the name's search form,
 * which the database's name index reads (lib/data/actors/search-actors.ts).
 */
export const actorColumns = (state: ActorState) => ({ ...columnsOf(actorRecord.fields, state, ACTOR_ELSEWHERE), normalizedName: normaliseForSearch(state.name) });

const TIE_REFERENCES = ['source', 'target'] as const;
type TieRow = ColumnsOf<typeof tieRecord.fields, 'source' | 'target'> & { source: { slug: string }; target: { slug: string } };

export function tieState(row: TieRow): TieState {
  return { ...stateOf(tieRecord.fields, row, TIE_REFERENCES), source: row.source.slug, target: row.target.slug };
}

/** The tie's columns but its two actors, whose ids the caller looks up by slug. */
export const tieColumns = (state: TieState) => columnsOf(tieRecord.fields, state, TIE_REFERENCES);

type SourceRow = ColumnsOf<typeof sourceRecord.fields, never>;

export function sourceState(row: SourceRow): SourceState {
  return stateOf(sourceRecord.fields, row, []);
}

export const sourceColumns = (state: SourceState) => columnsOf(sourceRecord.fields, state, []);

const CLAIM_REFERENCES = ['source', 'tie', 'actor'] as const;
type ClaimRow = ColumnsOf<typeof claimRecord.fields, 'source' | 'tie' | 'actor'> & { sourceId: string; tieId: string | null; actor: { slug: string } | null };

export function claimState(row: ClaimRow): ClaimState {
  return { ...stateOf(claimRecord.fields, row, CLAIM_REFERENCES), source: row.sourceId, tie: row.tieId, actor: row.actor?.slug ?? null };
}

/** The claim's columns: its source and tie by id; the caller looks up its actor by slug. */
export const claimColumns = (state: ClaimState) => ({ ...columnsOf(claimRecord.fields, state, CLAIM_REFERENCES), sourceId: state.source, tieId: state.tie });

const NOTE_REFERENCES = ['tie', 'actor'] as const;
type NoteRow = ColumnsOf<typeof noteRecord.fields, 'tie' | 'actor'> & { tieId: string | null; actor: { slug: string } | null };

export function noteState(row: NoteRow): NoteState {
  return { ...stateOf(noteRecord.fields, row, NOTE_REFERENCES), tie: row.tieId, actor: row.actor?.slug ?? null };
}

/** Deep equality of plain states, for "did anything change?"; the order of keys does not count. */
export function sameState(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
