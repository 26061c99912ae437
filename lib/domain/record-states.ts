// The editable content of each audited record, as plain data: what revisions store as before
// and after, what an import compares, and what the edit forms hold. Pure types, so client
// components share them without reaching into the data layer.
import type { PartialDate } from '../graph/types';

export interface ActorState {
  slug: string;
  name: string;
  kind: string;
  faction: string;
  summary: string;
  description: string;
  start: PartialDate | null;
  end: PartialDate | null;
  names: { name: string; lang: string; script: string; kind: string }[];
}

export interface TieState {
  source: string; // actor slug
  target: string;
  type: string;
  role: string;
  start: PartialDate | null;
  end: PartialDate | null;
  strength: number;
}

export interface SourceState {
  title: string;
  author: string;
  publisher: string;
  url: string | null;
  published: PartialDate | null;
  reliability: string;
  notes: string;
}

export interface ClaimState {
  source: string; // source id
  tie: string | null;
  actor: string | null; // actor slug
  fact: string;
  quote: string;
  location: string;
  credibility: number;
  status: string;
  stance: string;
  statedStart: PartialDate | null;
  statedEnd: PartialDate | null;
  statedCurrent: boolean;
}

export interface AnnotationState {
  tie: string | null;
  actor: string | null;
  body: string;
  visibility: string;
}

/** A note as its editor shows it: the stored note, who wrote it, and whether the reader may change it. */
export interface EditableNote {
  id: string;
  version: number;
  body: string;
  visibility: 'internal' | 'public';
  author: string;
  createdAt: string;
  updatedAt: string;
  /** Only the author or an admin may change a note. */
  canEdit: boolean;
}
