// What a published embed holds: a public view or story frozen when it was published, one frame per
// view or story step, each the map payload of what the step draws (cut by the server, as
// GET /api/graph/map sends it) with its places, camera, caption and highlights. The embed reads
// this document and nothing else, so a later edit of the network, the view or the story leaves it
// as it was until it is published again.
//
// stripForEmbed is the one gate between the read path and a published document: whatever the read
// path marks internal (note counts, which count internal notes for analysts) and whatever the
// frame does not draw (places and highlights of actors and ties that are not in its payload) is
// taken out here, whoever published it.
import { formatPartialDate } from '../domain/dates';
import type { DroppedParam, ViewCamera, ViewPositions } from '../validation/view-state';
import { actorNodeId } from './build-view';
import type { MapPayload } from './map-payload';
import { groupNodeId } from './overview-elements';

export const EMBED_FORMAT = 'powermap-embed/1';
export const EMBED_KINDS = ['view', 'story'] as const;
export type EmbedKind = (typeof EMBED_KINDS)[number];

/** A highlighted tie with the evidence a reader checks: its ends, its best grade and how many claims back it. */
export interface EmbedTie {
  id: string;
  type: string;
  source: { slug: string; name: string };
  target: { slug: string; name: string };
  grade: string | null;
  claimCount: number;
}

export interface EmbedFrame {
  /** The step's caption (plain text with links); "" for a view. */
  caption: string;
  /** The map address it was cut at (the saved view's or step's parameters). */
  params: Record<string, string>;
  payload: MapPayload;
  positions: ViewPositions;
  camera: ViewCamera | null;
  /** What the step highlights while the rest fades; empty for a view. */
  highlight: { actors: string[]; ties: string[] };
  /** Highlighted ties still in the network, with their evidence. */
  ties: EmbedTie[];
  /** Highlighted actors' names, by slug. */
  actors: Record<string, string>;
  /** Address parameters an older Powermap saved that today's map no longer reads. */
  dropped: DroppedParam[];
}

export interface EmbedDocument {
  format: typeof EMBED_FORMAT;
  kind: EmbedKind;
  /** The view's or story's id. */
  id: string;
  title: string;
  description: string;
  ownerName: string | null;
  /** ISO time of this publication. */
  publishedAt: string;
  /** 1 on the first publication, one more on each republication. */
  version: number;
  /** The full record on the main site, a path: /views/<id> or /stories/<id>/present. */
  link: string;
  frames: EmbedFrame[];
}

/** The path of an embed on the site: /embed/views/<id> or /embed/stories/<id>. */
export function embedPath(kind: EmbedKind, id: string): string {
  return `/embed/${kind === 'view' ? 'views' : 'stories'}/${encodeURIComponent(id)}`;
}

/** The full record an embed links back to. */
export function recordPath(kind: EmbedKind, id: string): string {
  return kind === 'view' ? `/views/${encodeURIComponent(id)}` : `/stories/${encodeURIComponent(id)}/present`;
}

/** Node ids a payload draws: its actors, and on an overview its groups. */
function drawnNodeIds(payload: MapPayload): Set<string> {
  const ids = new Set(payload.actors.slug.map(actorNodeId));
  const groups = payload.groups;
  if (groups) {
    for (let i = 0; i < groups.faction.length; i++) {
      ids.add(groupNodeId(`${payload.dict.factions[groups.faction[i]!]}:${payload.dict.kinds[groups.kind[i]!]}`));
    }
  }
  return ids;
}

function stripFrame(frame: EmbedFrame): EmbedFrame {
  const { payload } = frame;
  const drawn = drawnNodeIds(payload);
  const slugs = new Set(payload.actors.slug);
  const tieIds = new Set(payload.ties.id);
  const highlightTies = frame.highlight.ties.filter((id) => tieIds.has(id));
  const highlightActors = frame.highlight.actors.filter((slug) => slugs.has(slug));
  const keptTies = new Set(highlightTies);
  const keptActors = new Set(highlightActors);
  return {
    caption: frame.caption,
    params: { ...frame.params },
    payload: {
      ...payload,
      // Notes stay on the full record: the count the read path gives an analyst includes internal ones.
      ties: { ...payload.ties, notes: payload.ties.notes.map(() => 0) },
    },
    positions: Object.fromEntries(Object.entries(frame.positions).filter(([id]) => drawn.has(id))),
    camera: frame.camera,
    highlight: { actors: highlightActors, ties: highlightTies },
    ties: frame.ties.filter((t) => keptTies.has(t.id)).map((t) => ({ id: t.id, type: t.type, source: { ...t.source }, target: { ...t.target }, grade: t.grade, claimCount: t.claimCount })),
    actors: Object.fromEntries(Object.entries(frame.actors).filter(([slug]) => keptActors.has(slug))),
    dropped: frame.dropped.map((d) => ({ ...d })),
  };
}

/**
 * The document as published: every frame stripped (see the header), and nothing but the fields
 * declared above, so a field added to what the read path returns never rides along unseen.
 */
export function stripForEmbed(doc: EmbedDocument): EmbedDocument {
  return {
    format: EMBED_FORMAT,
    kind: doc.kind,
    id: doc.id,
    title: doc.title,
    description: doc.description,
    ownerName: doc.ownerName,
    publishedAt: doc.publishedAt,
    version: doc.version,
    link: recordPath(doc.kind, doc.id),
    frames: doc.frames.map(stripFrame),
  };
}

const day = (iso: string) => formatPartialDate({ date: iso, precision: 'day' });

/** "1 Sep 2020", "1 Jan 2019 compared with 10 Aug 2020", with the knowledge date when set: the day the frame shows. */
export function frameDateWords(frame: Pick<EmbedFrame, 'params' | 'payload'>): string {
  const p = frame.params;
  const compare = p.compare?.split('..');
  const asOf = p.asOf ?? frame.payload.asOf;
  const base = compare && compare.length === 2 ? `${day(compare[0]!)} compared with ${day(compare[1]!)}` : asOf ? day(asOf) : 'today';
  return p.known ? `${base}, as known on ${day(p.known)}` : base;
}
