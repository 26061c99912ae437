// GET /api/merges/{id}: one merge of actors: who merged what into what, when, what it dropped and
// combined, and whether it was undone; its version in the ETag, for the unmerge. Analysts.
import { getMerge } from '@/lib/data/actors/merge-actors';
import { readRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const GET = readRoute<{ id: string }>('id', getMerge);
