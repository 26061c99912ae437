// The plain shapes the read functions (lib/data: get-actor-profile, get-tie, get-source, find-…)
// return to pages, client components and the JSON API, declared once. Pure types, so client
// components import these very definitions instead of copies that could drift.
import type { PartialDate } from './dates';
import type { ActorKind, Faction, NoteVisibility, Reliability, TieType } from './vocabulary';
import type { TieTimeStatus } from '../graph/tie-status';
import type { ViewEdge } from '../graph/types';

export interface ActorRef {
  slug: string;
  name: string;
  kind: ActorKind;
  faction: Faction;
}

export interface SourceRef {
  id: string;
  title: string;
  author: string;
  publisher: string;
  /** Only ever an http(s) address; anything else is dropped so it can never become a link. */
  url: string | null;
  published: PartialDate | null;
  reliability: Reliability;
}

export interface ClaimDto {
  id: string;
  quote: string;
  location: string;
  /** For a claim about an actor: the fact it supports ("born", "founded"…); empty for ties. */
  fact: string;
  credibility: number;
  status: string;
  stance: string;
  statedStart: PartialDate | null;
  statedEnd: PartialDate | null;
  statedCurrent: boolean;
  /** Source reliability then claim credibility, like "B2". */
  grade: string;
  source: SourceRef;
}

export interface NoteDto {
  id: string;
  body: string;
  visibility: NoteVisibility;
  createdAt: string;
  updatedAt: string;
  /** Shown to analysts only; readers of public notes see the note, not who wrote it. */
  author: string | null;
}

/** A tie seen from the profile's actor: the map's edge plus who is at the other end. */
export interface ProfileTie extends ViewEdge {
  status: TieTimeStatus;
  other: ActorRef;
}

/** What a claim is about, as a source's pages show it. */
export type ClaimSubject =
  | {
      type: 'tie';
      tie: { id: string; type: TieType; role: string; start: PartialDate | null; end: PartialDate | null; source: ActorRef; target: ActorRef };
    }
  | { type: 'actor'; actor: ActorRef };

/** A claim seen from its source's page: the source is the page itself, so it is left out. */
export type SourceClaim = Omit<ClaimDto, 'source'> & { subject: ClaimSubject };
