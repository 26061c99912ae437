// Mapping between database rows and the plain shapes the rest of Powermap uses. A record's
// "state" is what revisions store as before/after and what an idempotent import compares; its
// shape is declared once, in the record's module (lib/domain/records/<record>.ts). Columns hold
// vocabularies as plain strings that only validated writes fill, hence the casts.
import type { ActorState } from '../domain/records/actor';
import type { ClaimState } from '../domain/records/claim';
import type { NoteState } from '../domain/records/note';
import type { SourceState } from '../domain/records/source';
import type { TieState } from '../domain/records/tie';
import type { PartialDate } from '../graph/types';
import type { ActorKind, ClaimStance, ClaimStatus, DatePrecision, Faction, NameKind, NoteVisibility, Reliability, TieType } from '../domain/vocabulary';

export function toPartialDate(date: string | null, precision: string | null): PartialDate | null {
  return date && precision ? { date, precision: precision as DatePrecision } : null;
}

export function fromPartialDate(d: PartialDate | null | undefined): { date: string | null; precision: string | null } {
  return d ? { date: d.date, precision: d.precision } : { date: null, precision: null };
}

export type { ActorState, ClaimState, NoteState, SourceState, TieState };

type ActorRow = {
  slug: string; name: string; kind: string; faction: string; summary: string; description: string;
  startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null;
  names: { name: string; lang: string; script: string; kind: string }[];
};

export function actorState(row: ActorRow): ActorState {
  return {
    slug: row.slug,
    name: row.name,
    kind: row.kind as ActorKind,
    faction: row.faction as Faction,
    summary: row.summary,
    description: row.description,
    start: toPartialDate(row.startDate, row.startPrecision),
    end: toPartialDate(row.endDate, row.endPrecision),
    names: row.names
      .map(({ name, lang, script, kind }) => ({ name, lang, script, kind: kind as NameKind }))
      .sort((a, b) => (a.lang + a.name < b.lang + b.name ? -1 : a.lang + a.name > b.lang + b.name ? 1 : 0)),
  };
}

type TieRow = {
  source: { slug: string }; target: { slug: string }; type: string; role: string; strength: number;
  startDate: string | null; startPrecision: string | null; endDate: string | null; endPrecision: string | null;
};

export function tieState(row: TieRow): TieState {
  return {
    source: row.source.slug,
    target: row.target.slug,
    type: row.type as TieType,
    role: row.role,
    start: toPartialDate(row.startDate, row.startPrecision),
    end: toPartialDate(row.endDate, row.endPrecision),
    strength: row.strength,
  };
}

type SourceRow = {
  title: string; author: string; publisher: string; url: string | null; reliability: string; notes: string;
  publishedDate: string | null; publishedPrecision: string | null;
};

export function sourceState(row: SourceRow): SourceState {
  return {
    title: row.title,
    author: row.author,
    publisher: row.publisher,
    url: row.url,
    published: toPartialDate(row.publishedDate, row.publishedPrecision),
    reliability: row.reliability as Reliability,
    notes: row.notes,
  };
}

type ClaimRow = {
  sourceId: string; tieId: string | null; actor: { slug: string } | null; fact: string; quote: string; location: string;
  credibility: number; status: string; stance: string; statedCurrent: boolean;
  statedStartDate: string | null; statedStartPrecision: string | null; statedEndDate: string | null; statedEndPrecision: string | null;
};

export function claimState(row: ClaimRow): ClaimState {
  return {
    source: row.sourceId,
    tie: row.tieId,
    actor: row.actor?.slug ?? null,
    fact: row.fact,
    quote: row.quote,
    location: row.location,
    credibility: row.credibility,
    status: row.status as ClaimStatus,
    stance: row.stance as ClaimStance,
    statedStart: toPartialDate(row.statedStartDate, row.statedStartPrecision),
    statedEnd: toPartialDate(row.statedEndDate, row.statedEndPrecision),
    statedCurrent: row.statedCurrent,
  };
}

type NoteRow = { tieId: string | null; actor: { slug: string } | null; body: string; visibility: string };

export function noteState(row: NoteRow): NoteState {
  return { tie: row.tieId, actor: row.actor?.slug ?? null, body: row.body, visibility: row.visibility as NoteVisibility };
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
