// One source as its page and GET /api/sources/{id} show it: who published it, how reliable it
// is, and every live claim it supports, across all ties and actors.
import { getDb } from '../../db/client';
import { getSourceSchema, type GetSourceInput } from '../../validation/source-queries';
import { notFound, parseInput } from '../errors';
import { requireReader } from '../read-access';
import type { Principal } from '../principal';
import { toSourceRef } from '../read-models';
import { toPartialDate } from '../records';
import { isLiveSourceClaim, sourceClaimInclude, toSourceClaims } from './source-claims';
import type { PartialDate } from '../../domain/dates';
import type { SourceClaim, SourceRef } from '../../domain/responses';

export interface SourceDetail extends SourceRef {
  published: PartialDate | null;
  /** The analysts' assessment of the source: why this reliability, what to watch for. */
  notes: string;
  claims: SourceClaim[];
  updatedAt: string;
  /** The version a change names in If-Match (GET /api/sources/{id} also sends it as the ETag). */
  version: number;
}

export async function getSource(principal: Principal, input: GetSourceInput): Promise<SourceDetail> {
  requireReader(principal);
  const { id } = parseInput(getSourceSchema, input, 'Source');
  const db = await getDb();
  const row = await db.source.findFirst({
    where: { id, deletedAt: null },
    include: { claims: { where: { deletedAt: null }, include: sourceClaimInclude } },
  });
  if (!row) throw notFound(`Source "${id}"`);
  return {
    ...toSourceRef(row),
    published: toPartialDate(row.publishedDate, row.publishedPrecision),
    notes: row.notes,
    claims: toSourceClaims(row.claims.filter(isLiveSourceClaim), row),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
