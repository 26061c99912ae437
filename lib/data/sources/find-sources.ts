// Every live source (the /sources page and GET /api/sources), optionally narrowed by words of
// its title, author or publisher and by reliability, with the claims each one supports.
import { getDb } from '../../db/client';
import { compareText } from '../../graph/adjacency';
import { normaliseForSearch } from '../../graph/search';
import { findSourcesSchema, type FindSourcesInput } from '../../validation/source-queries';
import { parseInput } from '../errors';
import { requireReader } from '../read-access';
import type { Principal } from '../principal';
import { toSourceRef, type SourceRef } from '../read-models';
import { liveSourceClaimWhere, sourceClaimInclude, toSourceClaims, type SourceClaim } from './source-claims';

export interface SourceListItem extends SourceRef {
  claims: SourceClaim[];
}

export async function findSources(principal: Principal, input: FindSourcesInput): Promise<SourceListItem[]> {
  requireReader(principal);
  const params = parseInput(findSourcesSchema, input, 'Source query');
  const db = await getDb();
  const rows = await db.source.findMany({
    where: { deletedAt: null, ...(params.reliability ? { reliability: params.reliability } : {}) },
    include: { claims: { where: liveSourceClaimWhere, include: sourceClaimInclude} },
  });
  // Few enough to filter here, where titles in any script compare without case or diacritics.
  const words = params.q ? normaliseForSearch(params.q).split(' ').filter(Boolean) : [];
  const matches = (text: string) => words.every((w) => text.includes(w));
  return rows
    .filter((row) => words.length === 0 || matches(normaliseForSearch(`${row.title} ${row.author} ${row.publisher}`)))
    .map((row) => ({ ...toSourceRef(row), claims: toSourceClaims(row.claims, row) }))
    .sort((a, b) => compareText(normaliseForSearch(a.title), normaliseForSearch(b.title)) || compareText(a.id, b.id));
}
