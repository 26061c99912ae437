// What GET /api/export writes from: the view an address shows, or the whole network, with a
// place for every actor, and (for formats that cite) the sources of each tie's claims.
//
// scope=view is the map's view, cut by loadView in SQL, hub-capped exactly as the map draws it: a
// network the map draws whole (up to POWERMAP_MAP_OVERVIEW_ABOVE elements) has every tie of a
// focus (the browser cuts it from the whole network, uncapped); a larger one shows a focus's
// hubs capped at their strongest ties, and so does its export. A large network's view without a
// focus is exported as the view it means (every actor and tie the filters keep), not as the
// overview of groups the map draws for it.
// scope=all is every live actor and tie, including those not begun by today, marked at asOf.
import 'server-only';
import { getConnection } from '../../db/client';
import { sql, sqlDialect, type SqlDialect } from '../../db/sql';
import type { Db } from '../../db/client';
import { todayIso } from '../../domain/dates';
import { gradeRank } from '../../domain/grade';
import { compareText } from '../../graph/adjacency';
import { hasPosition, placeBesideNeighbours, type Position } from '../../graph/place-beside-neighbours';
import { markAt } from '../../graph/time-slice';
import type { GraphQuery, GraphView } from '../../graph/types';
import type { ExportEvidence, TieSourceRef } from '../../exchange/export-writer';
import type { ExportScope } from '../../validation/export-queries';
import { loadGraph } from '../graph';
import type { Principal } from '../principal';
import { requireReader } from '../read-access';
import { isLargeNetwork } from '../network/load-map';
import { loadView } from '../network/load-view';

export interface ExportViewOptions {
  today?: string;
  /** Elements above which the map opens as an overview (default: the map's own setting). */
  overviewAbove?: number;
}

export async function loadExportView(principal: Principal, scope: ExportScope, query: GraphQuery, options: ExportViewOptions = {}): Promise<GraphView> {
  requireReader(principal);
  const today = options.today ?? todayIso();
  let view: GraphView;
  if (scope === 'all') {
    view = markAt(await loadGraph(principal), query.asOf ?? today);
  } else {
    const large = await isLargeNetwork(principal, { overviewAbove: options.overviewAbove });
    const { hidden: _hidden, ...loaded } = await loadView(principal, query, { today, ...(large ? {} : { hubLimit: Infinity }) });
    view = loaded;
  }
  return withPlaces(view);
}

/** Actors the layout job has not placed yet go beside their neighbours, as the map draws them. */
function withPlaces(view: GraphView): GraphView {
  const missing = view.nodes.filter((n) => !hasPosition(n)).map((n) => n.id);
  if (missing.length === 0) return view;
  const placed = new Map<string, Position>();
  for (const n of view.nodes) if (hasPosition(n)) placed.set(n.id, { x: n.x, y: n.y });
  const places = placeBesideNeighbours(missing, view.edges, placed);
  return { ...view, nodes: view.nodes.map((n) => ({ ...n, ...places.get(n.id) })) };
}

const SOURCE_CHUNK = 5_000;

/** The distinct sources of the given ties' live claims, best claim first, read a chunk of ties at a time. */
export async function loadExportEvidence(principal: Principal, tieIds: readonly string[]): Promise<ExportEvidence> {
  requireReader(principal);
  const { kind, db } = await getConnection();
  const dialect = sqlDialect(kind);
  const sourcesOfTie = new Map<string, TieSourceRef[]>();
  for (let at = 0; at < tieIds.length; at += SOURCE_CHUNK) {
    for (const [tieId, sources] of await readTieSources(db, dialect, tieIds.slice(at, at + SOURCE_CHUNK))) sourcesOfTie.set(tieId, sources);
  }
  return { sourcesOfTie };
}

async function readTieSources(db: Db, dialect: SqlDialect, tieIds: readonly string[]): Promise<Map<string, TieSourceRef[]>> {
  const rows = await db.$queryRaw<{ tieId: string; sourceId: string; title: string; publisher: string; url: string | null; reliability: string; credibility: unknown }[]>(sql`
    SELECT c."tieId", s."id" AS "sourceId", s."title", s."publisher", s."url", s."reliability", c."credibility"
    FROM "Claim" c JOIN "Source" s ON s."id" = c."sourceId"
    WHERE c."deletedAt" IS NULL AND s."deletedAt" IS NULL AND c."stance" = 'supports' AND c."tieId" IN ${dialect.textList(tieIds)}`);
  const rank = (r: (typeof rows)[number]) => gradeRank(`${r.reliability}${Number(r.credibility)}`) ?? Number.MAX_SAFE_INTEGER;
  rows.sort((a, b) => compareText(a.tieId, b.tieId) || rank(a) - rank(b) || compareText(a.sourceId, b.sourceId));
  const out = new Map<string, TieSourceRef[]>();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.tieId}\u0000${r.sourceId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ref: TieSourceRef = { title: r.title, publisher: r.publisher, url: r.url };
    const list = out.get(r.tieId);
    if (list) list.push(ref);
    else out.set(r.tieId, [ref]);
  }
  return out;
}
