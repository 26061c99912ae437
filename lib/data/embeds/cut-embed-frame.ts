// One frame of an embed: what a saved view or story step draws, cut by the database as the map's
// payload route cuts it, read as a visitor reads it (ANONYMOUS: public note counts, nothing an
// analyst alone may see), so an embed never holds more than the public map shows.
//
// The map sends a small network whole and lets the browser cut each view; a frozen frame keeps
// only what its view draws: the view cut in SQL (loadView), the neighbourhoods of a focus or of a
// traced path's ends, or on a large network without a focus the overview of groups (loadOverview),
// exactly what GET /api/graph/map sends for that address.
import 'server-only';
import type { EmbedFrame, EmbedTie } from '../../graph/embed-snapshot';
import { encodeMapPayload, type MapPayload } from '../../graph/map-payload';
import { shownQuery } from '../../validation/graph-queries';
import { openViewState, type ViewCamera, type ViewPositions, type ViewState } from '../../validation/view-state';
import { getDb } from '../../db/client';
import { ANONYMOUS } from '../principal';
import { cutFocusAndPath, isLargeNetwork } from '../network/load-map';
import { loadOverview } from '../network/load-overview';
import { getNetworkRevision } from '../network/network-revision';
import type { TieType } from '../../domain/vocabulary';

export interface FrameSource {
  state: ViewState;
  positions: ViewPositions;
  camera: ViewCamera | null;
  caption: string;
  actors: string[];
  ties: string[];
}

/** The payload of what the view at this state draws, as a visitor reads it on `today`. */
export async function cutPayload(state: ViewState, today: string): Promise<MapPayload> {
  const opened = openViewState(state);
  const view = opened.ok ? opened.view : { layout: 'force' as const };
  // As the map cuts it: comparing two dates draws the later one with the ties that ended.
  const query = opened.ok ? shownQuery(opened.query, opened.view) : { showEnded: false, hops: 1 };
  const revision = await getNetworkRevision();
  // A date-less view is frozen on the day it was published: that is what the reader saw.
  const asOf = query.asOf ?? today;
  if (!query.focus && !view.path && (await isLargeNetwork(ANONYMOUS))) {
    const loaded = await loadOverview(ANONYMOUS, { ...query, asOf }, { today, open: view.group ?? null });
    return encodeMapPayload({ mode: 'overview', revision, asOf: loaded.asOf, graph: loaded.members, overview: loaded.overview });
  }
  const { graph, hidden } = await cutFocusAndPath(ANONYMOUS, { ...query, asOf }, view.path ?? [], today);
  return encodeMapPayload({ mode: 'view', revision, asOf, graph, hidden });
}

/** The evidence of highlighted ties and the names of highlighted actors, live ones only, in two queries for all frames. */
export async function readHighlights(tieIds: readonly string[], slugs: readonly string[]): Promise<{ ties: Map<string, EmbedTie>; actors: Map<string, string> }> {
  const db = await getDb();
  const [ties, actors] = await Promise.all([
    tieIds.length
      ? db.tie.findMany({
          where: { id: { in: [...new Set(tieIds)] }, deletedAt: null },
          select: { id: true, type: true, bestGrade: true, claimCount: true, source: { select: { slug: true, name: true } }, target: { select: { slug: true, name: true } } },
        })
      : [],
    slugs.length ? db.actor.findMany({ where: { slug: { in: [...new Set(slugs)] }, deletedAt: null }, select: { slug: true, name: true } }) : [],
  ]);
  return {
    ties: new Map(ties.map((t) => [t.id, { id: t.id, type: t.type as TieType, source: t.source, target: t.target, grade: t.bestGrade, claimCount: t.claimCount }])),
    actors: new Map(actors.map((a) => [a.slug, a.name])),
  };
}

/** Every frame of a view or story, cut in turn (at most 100 steps, each one view). */
export async function cutFrames(sources: readonly FrameSource[], today: string): Promise<EmbedFrame[]> {
  const evidence = await readHighlights(sources.flatMap((s) => s.ties), sources.flatMap((s) => s.actors));
  const frames: EmbedFrame[] = [];
  for (const source of sources) {
    const opened = openViewState(source.state);
    frames.push({
      caption: source.caption,
      params: opened.ok ? opened.state.params : {},
      payload: await cutPayload(source.state, today),
      positions: source.positions,
      camera: source.camera,
      highlight: { actors: source.actors, ties: source.ties },
      ties: source.ties.flatMap((id) => evidence.ties.get(id) ?? []),
      actors: Object.fromEntries(source.actors.flatMap((slug) => (evidence.actors.has(slug) ? [[slug, evidence.actors.get(slug)!]] : []))),
      dropped: opened.ok ? opened.dropped : [],
    });
  }
  return frames;
}
