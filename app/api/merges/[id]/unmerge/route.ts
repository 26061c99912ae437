// POST /api/merges/{id}/unmerge: undo a merge ({ reason }, the merge's version in If-Match): every
// row it changed goes back exactly as it was, recorded as new revisions; refused (409) when any
// of them changed since. 200 with the merge, now undone. Analysts.
import { unmergeActors, type MergeRecord } from '@/lib/data/actors/merge-actors';
import { updateRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const POST = updateRoute<{ id: string }, MergeRecord>('id', unmergeActors);
