// Field-by-field differences between two states of a record, as revisions store them
// (lib/data/records.ts) and as edit forms hold them. Pure: the history page, the recent-changes
// list and the conflict panel all read a change the same way.
import {
  ACTOR_KIND_LABELS,
  CREDIBILITY_LABELS,
  FACTION_LABELS,
  RELIABILITY_LABELS,
  TIE_TYPE_INFO,
  type ActorKind,
  type Credibility,
  type Faction,
  type Reliability,
  type TieType,
} from '../domain/vocabulary';
import { RECORDS } from '../domain/records/all-records';
import type { FieldKind, FieldSpec } from '../domain/records/define-record';
import { formatPartialDate, type PartialDate } from '../domain/dates';
import { openViewState, viewStateSearch } from '../validation/view-state';

export const HISTORY_TYPES = ['actor', 'tie', 'claim', 'source', 'note'] as const;
/** The record types as addresses and people name them; revisions store notes as "annotation". */
export type HistoryType = (typeof HISTORY_TYPES)[number];

/** Every field of every record type, in the order forms and history show them (lib/domain/records). */
export const FIELDS: Record<HistoryType, readonly FieldSpec[]> = {
  actor: RECORDS.actor.fieldList,
  tie: RECORDS.tie.fieldList,
  source: RECORDS.source.fieldList,
  claim: RECORDS.claim.fieldList,
  note: RECORDS.note.fieldList,
};

export interface ValueChange {
  kind: 'value';
  field: string;
  label: string;
  /** Display text; null when the record did not exist on that side. */
  before: string | null;
  after: string | null;
}

/** A list field (name variants): what was added and what was removed, each item as display text. */
export interface ListChange {
  kind: 'list';
  field: string;
  label: string;
  added: string[];
  removed: string[];
}

export type FieldChange = ValueChange | ListChange;

type State = Record<string, unknown>;

function isPartialDate(value: unknown): value is PartialDate {
  return typeof value === 'object' && value !== null && typeof (value as PartialDate).date === 'string' && typeof (value as PartialDate).precision === 'string';
}

interface NameVariant {
  name: string;
  lang: string;
  script: string;
  kind: string;
}

function isNameVariant(value: unknown): value is NameVariant {
  return typeof value === 'object' && value !== null && typeof (value as NameVariant).name === 'string';
}

/** "Лукашэнка (be, Cyrl, official)". */
export function formatNameVariant(n: NameVariant): string {
  const details = [n.lang, n.script, n.kind].filter(Boolean).join(', ');
  return details ? `${n.name} (${details})` : n.name;
}

/** Names for the records a state points to by key: actors by slug, sources by id. */
export interface RefNames {
  actors?: ReadonlyMap<string, string>;
  sources?: ReadonlyMap<string, string>;
}

/** A saved view's state as its address ("asOf=2020-08-10&focus=…"), or "the whole network today". */
function viewStateWords(value: unknown): string {
  const opened = openViewState(value);
  if (!opened.ok) return opened.error;
  return viewStateSearch(opened.state).slice(1) || 'the whole network today';
}

/** One stored value as a person reads it. Empty text reads "(empty)" and a missing value "(none)". */
export function formatValue(kind: FieldKind, value: unknown, refs: RefNames = {}): string {
  if (value === null || value === undefined) return '(none)';
  switch (kind) {
    case 'actorRef':
      return refs.actors?.get(String(value)) ?? String(value);
    case 'sourceRef':
      return refs.sources?.get(String(value)) ?? String(value);
    case 'date':
      return isPartialDate(value) ? formatPartialDate(value) : String(value);
    case 'boolean':
      return value ? 'yes' : 'no';
    case 'kind':
      return ACTOR_KIND_LABELS[value as ActorKind] ?? String(value);
    case 'faction':
      return FACTION_LABELS[value as Faction] ?? String(value);
    case 'tieType':
      return TIE_TYPE_INFO[value as TieType]?.label ?? String(value);
    case 'reliability':
      return RELIABILITY_LABELS[value as Reliability] ? `${String(value)}: ${RELIABILITY_LABELS[value as Reliability]}` : String(value);
    case 'credibility':
      return CREDIBILITY_LABELS[value as Credibility] ? `${String(value)}: ${CREDIBILITY_LABELS[value as Credibility]}` : String(value);
    case 'status':
      return String(value).replace(/_/g, ' ');
    case 'names':
      return Array.isArray(value) ? value.filter(isNameVariant).map(formatNameVariant).join('; ') || '(none)' : String(value);
    case 'number':
      return String(value);
    case 'viewState':
      return viewStateWords(value);
    default:
      if (typeof value === 'string') return value === '' ? '(empty)' : value;
      return JSON.stringify(value);
  }
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted, so {date, precision} and {precision, date} compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as State).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  ) ?? 'undefined';
}

function listChange(spec: FieldSpec, before: unknown, after: unknown): ListChange | null {
  const items = (v: unknown) => (Array.isArray(v) ? v.filter(isNameVariant).map(formatNameVariant) : []);
  const was = items(before);
  const now = items(after);
  const added = now.filter((x) => !was.includes(x));
  const removed = was.filter((x) => !now.includes(x));
  if (!added.length && !removed.length) return null;
  return { kind: 'list', field: spec.field, label: spec.label, added, removed };
}

/**
 * What changed between two states of a record of `type`. `before` null means the record was
 * created (every field with a value is listed); `after` null means it was deleted (nothing is
 * listed: the record is gone, not its fields). Fields unknown to this version of Powermap are
 * compared too, under their own names, so an older or newer revision never hides a change.
 * `refs` names the actors and sources the states point to; without it their keys are shown.
 */
export function diffStates(type: HistoryType, before: State | null, after: State | null, refs: RefNames = {}): FieldChange[] {
  if (!after) return [];
  const specs = [...FIELDS[type]];
  const known = new Set(specs.map((s) => s.field));
  for (const key of Object.keys({ ...(before ?? {}), ...after })) {
    if (!known.has(key) && key !== 'version' && key !== 'id') specs.push({ field: key, label: key, kind: 'text', subject: false });
  }
  const changes: FieldChange[] = [];
  for (const spec of specs) {
    const b = before ? before[spec.field] : undefined;
    const a = after[spec.field];
    if (!before) {
      if (a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0) || a === false) continue;
    } else if (same(b, a) || (a === undefined && !(spec.field in after))) {
      continue;
    }
    if (spec.kind === 'names') {
      const change = listChange(spec, b, a);
      if (change) changes.push(change);
      continue;
    }
    changes.push({ kind: 'value', field: spec.field, label: spec.label, before: before ? formatValue(spec.kind, b, refs) : null, after: formatValue(spec.kind, a, refs) });
  }
  return changes;
}

/** The labels of the fields a change touched: "End, Role". */
export function changedFieldLabels(changes: readonly FieldChange[]): string {
  return changes.map((c) => c.label).join(', ');
}
