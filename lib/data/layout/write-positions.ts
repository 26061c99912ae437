// Writing map positions (Actor.x / Actor.y) inside a caller's transaction: the layout job's
// (save-positions.ts) and an import's, whose file carries the positions another tool laid out.
// Not server-only: the seed and the scripts import documents through the same writer.
import type { Tx } from '../../db/client';
import { join, sql } from '../../db/sql';
import type { Position } from '../../graph/place-beside-neighbours';

/** Rows per UPDATE: three bound values each, far below either database's limit. */
const CHUNK = 500;

/**
 * Positions by actor id written inside the caller's transaction, a chunk of rows per UPDATE: to
 * actors without one only, unless `replace` (an analyst asked to move placed actors too). The
 * caller bumps the network revision (an import does, as its last statement). Returns how many
 * actors were updated.
 */
export async function writePositions(tx: Tx, positions: Iterable<[string, Position]>, { replace = false } = {}): Promise<number> {
  const entries = [...positions];
  let updated = 0;
  for (let i = 0; i < entries.length; i += CHUNK) {
    // UPDATE … FROM (VALUES …): SQLite (3.33+) and PostgreSQL both name the columns
    // column1, column2…; the casts give PostgreSQL the types its parameters lack.
    const rows = entries
      .slice(i, i + CHUNK)
      .map(([id, p]) => sql`(CAST(${id} AS TEXT), CAST(${p.x} AS DOUBLE PRECISION), CAST(${p.y} AS DOUBLE PRECISION))`);
    updated += await tx.$executeRaw(
      replace
        ? sql`
          UPDATE "Actor" SET "x" = v.column2, "y" = v.column3
          FROM (VALUES ${join(rows)}) AS v
          WHERE "Actor"."id" = v.column1`
        : sql`
          UPDATE "Actor" SET "x" = v.column2, "y" = v.column3
          FROM (VALUES ${join(rows)}) AS v
          WHERE "Actor"."id" = v.column1 AND ("Actor"."x" IS NULL OR "Actor"."y" IS NULL)`,
    );
  }
  return updated;
}
