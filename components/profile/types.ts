// The shapes the profile components draw. The data layer's DTOs (lib/data/read-models.ts and
// the read functions) satisfy them structurally; components never import lib/data.
import type { GraphEdge } from '@/lib/graph/types';
import type { TieTimeStatus } from '@/lib/graph/tie-status';
import type { PartialDate } from '@/lib/domain/dates';

export interface ActorLink {
  slug: string;
  name: string;
}

/** A tie as seen from one actor's profile. */
export interface ProfileTieView extends GraphEdge {
  status: TieTimeStatus;
  other: ActorLink;
}

export interface SourceView {
  id: string;
  title: string;
  author: string;
  publisher: string;
  url: string | null;
  published: PartialDate | null;
  reliability: string;
}

export interface ClaimView {
  id: string;
  quote: string;
  location: string;
  fact: string;
  credibility: number;
  status: string;
  stance: string;
  statedStart: PartialDate | null;
  statedEnd: PartialDate | null;
  statedCurrent: boolean;
  grade: string;
}

export interface NoteView {
  id: string;
  body: string;
  visibility: 'public' | 'internal';
  createdAt: string;
  author: string | null;
}
