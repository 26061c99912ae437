// Puts a generated network straight into the database (createMany in chunks on either database,
// or plain better-sqlite3 inserts in one transaction for a SQLite file), then fills the stored tie
// summaries once for every tie (refreshTieSummaries) and the actors' tie counts: the fast way to build a 100,000-tie
// database for the read benchmarks and the SQL-view tests. It writes no revisions, so it is not an import: the
// import path (lib/data/import-document.ts) is what analysts use and what its own benchmark measures.
import Database from 'better-sqlite3';
import type { Db } from '../lib/db/client';
import { refreshActorTieCounts } from '../lib/data/actors/refresh-actor-tie-counts';
import { refreshTieSummaries } from '../lib/data/ties/refresh-tie-summaries';
import { normaliseForSearch } from '../lib/graph/search';
import type { ImportDocumentInput } from '../lib/validation/import-document';
import { lastDayOf, type PartialDate } from '../lib/domain/dates';

const CHUNK = 500;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

const dateColumns = (prefix: 'start' | 'end' | 'statedStart' | 'statedEnd', d: PartialDate | null | undefined) =>
  ({ [`${prefix}Date`]: d?.date ?? null, [`${prefix}Precision`]: d?.precision ?? null }) as Record<string, string | null>;

/** Dates in the document may be written short ("2020"); the database holds first days ("2020-01-01"). */
function normalise(d: PartialDate | null | undefined): PartialDate | null {
  if (!d) return null;
  const date = d.date.length === 4 ? `${d.date}-01-01` : d.date.length === 7 ? `${d.date}-01` : d.date;
  return { date, precision: d.precision };
}

/** Actor ids are their slugs, so ties can name them without a lookup. */
export async function insertNetwork(db: Db, doc: ImportDocumentInput): Promise<void> {
  await inChunks(doc.sources ?? [], (chunk) =>
    db.source.createMany({ data: chunk.map((s) => ({ id: s.id, title: s.title, reliability: s.reliability, author: s.author ?? '', publisher: s.publisher ?? '' })) }),
  );
  await inChunks(doc.actors, (chunk) =>
    db.actor.createMany({
      data: chunk.map((a) => {
        const start = normalise(a.start);
        const end = normalise(a.end);
        return {
          id: a.slug, slug: a.slug, name: a.name, normalizedName: normaliseForSearch(a.name), kind: a.kind, faction: a.faction, summary: a.summary ?? '',
          ...dateColumns('start', start), ...dateColumns('end', end), endDay: lastDayOf(end),
        };
      }),
    }),
  );
  const names = doc.actors.flatMap((a) => (a.names ?? []).map((n) => ({ actorId: a.slug, name: n.name, lang: n.lang, script: n.script, kind: n.kind, normalized: normaliseForSearch(n.name) })));
  await inChunks(names, (chunk) => db.actorName.createMany({ data: chunk }));
  const ties = doc.ties ?? [];
  await inChunks(ties, (chunk) =>
    db.tie.createMany({
      data: chunk.map((t) => ({
        id: t.id, sourceId: t.source, targetId: t.target, type: t.type, role: t.role ?? '', strength: t.strength ?? 3,
        ...dateColumns('start', normalise(t.start)), ...dateColumns('end', normalise(t.end)),
      })),
    }),
  );
  const claims = ties.flatMap((t) =>
    (t.claims ?? []).map((c) => ({
      id: c.id, sourceId: c.source, tieId: t.id, quote: c.quote, credibility: c.credibility, status: c.status ?? 'accepted', stance: c.stance ?? 'supports',
      statedCurrent: c.statedCurrent ?? false, ...dateColumns('statedStart', normalise(c.statedStart)), ...dateColumns('statedEnd', normalise(c.statedEnd)),
    })),
  );
  await inChunks(claims, (chunk) => db.claim.createMany({ data: chunk }));
  await db.$transaction(
    async (tx) => {
      await refreshTieSummaries(tx, ties.map((t) => t.id));
      await refreshActorTieCounts(tx, 'all');
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/**
 * The same rows through better-sqlite3 in one transaction (Prisma's createMany costs far more per
 * row), for building a large SQLite file; then the summaries through Prisma, as the app computes them.
 */
export async function insertNetworkIntoSqliteFile(file: string, db: Db, doc: ImportDocumentInput): Promise<void> {
  const sqlite = new Database(file);
  const now = new Date().toISOString();
  const insert = (table: string, columns: string[]) => {
    const statement = sqlite.prepare(`INSERT INTO "${table}" (${[...columns, 'updatedAt'].map((c) => `"${c}"`).join(', ')}) VALUES (${[...columns, 'updatedAt'].map(() => '?').join(', ')})`);
    return (...values: unknown[]) => statement.run(...values, now);
  };
  const insertName = sqlite.prepare(`INSERT INTO "ActorName" ("id", "actorId", "name", "normalized", "lang", "script", "kind") VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const source = insert('Source', ['id', 'title', 'reliability']);
  const actor = insert('Actor', ['id', 'slug', 'name', 'normalizedName', 'kind', 'faction', 'startDate', 'startPrecision', 'endDate', 'endPrecision', 'endDay']);
  const tie = insert('Tie', ['id', 'sourceId', 'targetId', 'type', 'role', 'strength', 'startDate', 'startPrecision', 'endDate', 'endPrecision']);
  const claim = insert('Claim', ['id', 'sourceId', 'tieId', 'quote', 'credibility', 'status', 'stance']);
  sqlite.transaction(() => {
    for (const s of doc.sources ?? []) source(s.id, s.title, s.reliability);
    for (const a of doc.actors) {
      const start = normalise(a.start);
      const end = normalise(a.end);
      actor(a.slug, a.slug, a.name, normaliseForSearch(a.name), a.kind, a.faction, start?.date ?? null, start?.precision ?? null, end?.date ?? null, end?.precision ?? null, lastDayOf(end));
      for (const [i, n] of (a.names ?? []).entries()) insertName.run(`${a.slug}-name-${i}`, a.slug, n.name, normaliseForSearch(n.name), n.lang, n.script, n.kind);
    }
    for (const t of doc.ties ?? []) {
      const start = normalise(t.start);
      const end = normalise(t.end);
      tie(t.id, t.source, t.target, t.type, t.role ?? '', t.strength ?? 3, start?.date ?? null, start?.precision ?? null, end?.date ?? null, end?.precision ?? null);
      for (const c of t.claims ?? []) claim(c.id, c.source, t.id, c.quote, c.credibility, c.status ?? 'accepted', c.stance ?? 'supports');
    }
  })();
  sqlite.close();
  await db.$transaction(
    async (tx) => {
      await refreshTieSummaries(tx, (doc.ties ?? []).map((t) => t.id));
      await refreshActorTieCounts(tx, 'all');
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
