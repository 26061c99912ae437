// The anchor's reads: the same questions Powermap's pages and API answer, asked in plain SQL.
// Each returns plain JSON-ready rows; grades and disputes are computed from the claims the way
// the product does (best supporting claim; any claim that contradicts or is disputed).
import { anchorDb, today, type Row } from './db';

const live = (alias: string) => `${alias}."deletedAt" IS NULL`;
const begun = (alias: string) => `(${alias}."startDate" IS NULL OR ${alias}."startDate" <= ?)`;
const ACTOR_COLUMNS = (a: string) =>
  `${a}.slug, ${a}.name, ${a}.kind, ${a}.faction, ${a}."startDate", ${a}."startPrecision", ${a}."endDate", ${a}."endPrecision"`;
/** The actor at the other end of a profile's tie, prefixed so its columns do not collide with the tie's. */
const OTHER_COLUMNS = (a: string) =>
  `${a}.slug AS "otherSlug", ${a}.name AS "otherName", ${a}.kind AS "otherKind", ${a}.faction AS "otherFaction", ${a}."startDate" AS "otherStart", ${a}."endDate" AS "otherEnd"`;
const TIE_COLUMNS = (t: string) =>
  `${t}.id, ${t}.type, ${t}.role, ${t}."startDate", ${t}."startPrecision", ${t}."endDate", ${t}."endPrecision", ${t}.strength`;

/** Actors within `hops` ties of the focus (either direction, live, begun by today), with depth. */
function egoSql(dialect: 'sqlite' | 'postgresql'): string {
  // PostgreSQL allows one reference to the recursive table, so both directions go through a
  // LATERAL union; SQLite has no LATERAL but allows two recursive arms.
  const step =
    dialect === 'postgresql'
      ? `SELECT n.id, hop.depth + 1 FROM hop CROSS JOIN LATERAL (
           SELECT t."targetId" AS id FROM "Tie" t JOIN "Actor" o ON o.id = t."targetId" AND ${live('o')}
             WHERE t."sourceId" = hop.id AND ${live('t')} AND ${begun('t')}
           UNION ALL
           SELECT t."sourceId" FROM "Tie" t JOIN "Actor" o ON o.id = t."sourceId" AND ${live('o')}
             WHERE t."targetId" = hop.id AND ${live('t')} AND ${begun('t')}) n
         WHERE hop.depth < ?`
      : `SELECT t."targetId", hop.depth + 1 FROM hop JOIN "Tie" t ON t."sourceId" = hop.id
           JOIN "Actor" o ON o.id = t."targetId" AND ${live('o')}
           WHERE hop.depth < ? AND ${live('t')} AND ${begun('t')}
         UNION
         SELECT t."sourceId", hop.depth + 1 FROM hop JOIN "Tie" t ON t."targetId" = hop.id
           JOIN "Actor" o ON o.id = t."sourceId" AND ${live('o')}
           WHERE hop.depth < ? AND ${live('t')} AND ${begun('t')}`;
  return `WITH RECURSIVE hop(id, depth) AS (
      SELECT id, 0 FROM "Actor" WHERE slug = ? AND ${live('"Actor"')}
      UNION
      ${step}
    )
    SELECT a.id, ${ACTOR_COLUMNS('a')}, a.x, a.y, MIN(hop.depth) AS depth
    FROM hop JOIN "Actor" a ON a.id = hop.id GROUP BY a.id`;
}

export async function egoNetwork(focus: string, hops: number) {
  const db = anchorDb();
  const day = today();
  const params = db.dialect === 'postgresql' ? [focus, day, day, hops] : [focus, hops, day, hops, day];
  const nodes = await db.all(egoSql(db.dialect), params);
  const ids = nodes.map((n) => n.id as string);
  const inSet = db.dialect === 'postgresql' ? '= ANY(?::text[])' : 'IN (SELECT value FROM json_each(?))';
  const idParam = db.dialect === 'postgresql' ? ids : JSON.stringify(ids);
  const edges = ids.length
    ? await db.all(
        `SELECT ${TIE_COLUMNS('t')}, s.slug AS source, g.slug AS target FROM "Tie" t
         JOIN "Actor" s ON s.id = t."sourceId" JOIN "Actor" g ON g.id = t."targetId"
         WHERE t."sourceId" ${inSet} AND t."targetId" ${inSet} AND ${live('t')} AND ${begun('t')}`,
        [idParam, idParam, day],
      )
    : [];
  return { nodes: nodes.map(({ id: _id, ...n }) => n), edges };
}

interface ClaimRow extends Row {
  tieId: string | null;
  credibility: number;
  reliability: string;
  stance: string;
  status: string;
}

const CLAIM_SELECT = `SELECT c.id, c."tieId", c.fact, c.quote, c.location, c.credibility, c.status, c.stance,
    c."statedStartDate", c."statedStartPrecision", c."statedEndDate", c."statedEndPrecision", c."statedCurrent",
    s.id AS "sourceId", s.title AS "sourceTitle", s.reliability
  FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId" AND ${live('s')}`;

/** Best supporting grade ("B2") and whether the claims disagree. */
function summarise(claims: ClaimRow[]) {
  let best: string | null = null;
  for (const c of claims) {
    if (c.stance !== 'supports') continue;
    const grade = `${c.reliability}${c.credibility}`;
    if (best === null || grade < best) best = grade;
  }
  const disputed = claims.some((c) => c.stance !== 'supports' || c.status === 'disputed');
  return { grade: best, disputed, claimCount: claims.length };
}

function groupBy<T extends Row>(rows: T[], key: string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = row[key] as string;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(row);
  }
  return groups;
}

export async function actorProfile(slug: string) {
  const db = anchorDb();
  const [actor] = await db.all(`SELECT id, ${ACTOR_COLUMNS('"Actor"')}, summary, description, "updatedAt" FROM "Actor" WHERE slug = ? AND ${live('"Actor"')}`, [slug]);
  if (!actor) return null;
  const id = actor.id as string;
  const tiesOf = `SELECT id FROM "Tie" WHERE "sourceId" = ? AND ${live('"Tie"')} UNION ALL SELECT id FROM "Tie" WHERE "targetId" = ? AND ${live('"Tie"')}`;
  const [names, ties, claims, noteCounts, notes] = await Promise.all([
    db.all(`SELECT name, lang, script, kind FROM "ActorName" WHERE "actorId" = ? ORDER BY lang, name`, [id]),
    db.all(
      `SELECT ${TIE_COLUMNS('t')}, 1 AS outgoing, ${OTHER_COLUMNS('o')} FROM "Tie" t JOIN "Actor" o ON o.id = t."targetId" AND ${live('o')}
         WHERE t."sourceId" = ? AND ${live('t')}
       UNION ALL
       SELECT ${TIE_COLUMNS('t')}, 0 AS outgoing, ${OTHER_COLUMNS('o')} FROM "Tie" t JOIN "Actor" o ON o.id = t."sourceId" AND ${live('o')}
         WHERE t."targetId" = ? AND ${live('t')}
       ORDER BY 1`,
      [id, id],
    ),
    db.all(`${CLAIM_SELECT} WHERE ${live('c')} AND (c."actorId" = ? AND c."tieId" IS NULL OR c."tieId" IN (${tiesOf})) ORDER BY c.id`, [id, id, id]) as Promise<ClaimRow[]>,
    db.all(`SELECT "tieId", COUNT(*) AS notes FROM "Annotation" WHERE ${live('"Annotation"')} AND visibility = 'public' AND "tieId" IN (${tiesOf}) GROUP BY "tieId"`, [id, id]),
    db.all(`SELECT id, body, visibility, "createdAt", "updatedAt" FROM "Annotation" WHERE "actorId" = ? AND ${live('"Annotation"')} AND visibility = 'public' ORDER BY "createdAt", id`, [id]),
  ]);
  const claimsOf = groupBy(claims.filter((c) => c.tieId !== null), 'tieId');
  const notesOf = new Map(noteCounts.map((n) => [n.tieId as string, Number(n.notes)]));
  const sources = new Map<string, { id: unknown; title: unknown; reliability: unknown; claimCount: number }>();
  for (const c of claims) {
    const cited = sources.get(c.sourceId as string);
    if (cited) cited.claimCount += 1;
    else sources.set(c.sourceId as string, { id: c.sourceId, title: c.sourceTitle, reliability: c.reliability, claimCount: 1 });
  }
  return {
    ...actor,
    names,
    ties: ties.map((t) => ({ ...t, ...summarise(claimsOf.get(t.id as string) ?? []), noteCount: notesOf.get(t.id as string) ?? 0, claims: claimsOf.get(t.id as string) ?? [] })),
    claims: claims.filter((c) => c.tieId === null),
    sources: [...sources.values()],
    notes,
    asOf: today(),
  };
}

export async function tieDetail(id: string) {
  const db = anchorDb();
  const [tie] = await db.all(
    `SELECT ${TIE_COLUMNS('t')}, t."updatedAt", s.slug AS "sourceSlug", s.name AS "sourceName", s.kind AS "sourceKind",
       g.slug AS "targetSlug", g.name AS "targetName", g.kind AS "targetKind"
     FROM "Tie" t JOIN "Actor" s ON s.id = t."sourceId" AND ${live('s')} JOIN "Actor" g ON g.id = t."targetId" AND ${live('g')}
     WHERE t.id = ? AND ${live('t')}`,
    [id],
  );
  if (!tie) return null;
  const [claims, notes] = await Promise.all([
    db.all(`${CLAIM_SELECT} WHERE c."tieId" = ? AND ${live('c')} ORDER BY c.id`, [id]) as Promise<ClaimRow[]>,
    db.all(`SELECT id, body, visibility, "createdAt", "updatedAt" FROM "Annotation" WHERE "tieId" = ? AND ${live('"Annotation"')} AND visibility = 'public' ORDER BY "createdAt", id`, [id]),
  ]);
  return { ...tie, ...summarise(claims), claims, notes, asOf: today() };
}

/** Lowercased, accent-free, spaces collapsed: how ActorName.normalized is stored. */
function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Name search through the same name index as Powermap's (FTS5 trigram table on SQLite, pg_trgm
 * indexes on PostgreSQL) with the stored tie counts, best 50 by tie count, each actor once with
 * the name that matched.
 */
export async function searchActors(q: string) {
  const db = anchorDb();
  const query = normalise(q);
  const words = query.split(' ').filter(Boolean);
  const like = words.map(() => 'n.normalized LIKE ?').join(' AND ');
  const likes = words.map((w) => `%${w}%`);
  const indexed = words.filter((w) => [...w].length >= 3);
  const names =
    db.dialect === 'postgresql'
      ? `SELECT n."actorId", n.name FROM "ActorName" n WHERE ${like}
         UNION ALL SELECT a.id, a.name FROM "Actor" a WHERE ${like.replaceAll('n.normalized', 'a."normalizedName"')}`
      : indexed.length
        ? `SELECT n."actorId", n.name FROM "ActorSearch" s JOIN "ActorSearchName" n ON n.id = s.rowid WHERE s."ActorSearch" MATCH ? AND ${like}`
        : `SELECT n."actorId", n.name FROM "ActorSearchName" n WHERE ${like}`;
  const params = db.dialect === 'postgresql' ? [...likes, ...likes] : indexed.length ? [indexed.map((w) => `"${w}"`).join(' AND '), ...likes] : likes;
  const actors = await db.all(
    `SELECT ${ACTOR_COLUMNS('a')}, a.summary, a."tieCount", MIN(m.name) AS matched
     FROM (${names}) m JOIN "Actor" a ON a.id = m."actorId"
     WHERE ${live('a')}
     GROUP BY a.id
     ORDER BY a."tieCount" DESC, a.name LIMIT 50`,
    params,
  );
  return { actors: actors.map((a) => ({ ...a, tieCount: Number(a.tieCount) })), query: { q } };
}
