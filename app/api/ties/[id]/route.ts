// GET /api/ties/{id}: one tie as JSON, with every claim, its sources, the dispute reasons and visible notes;
// its version is in the body and in the ETag, which PATCH and DELETE name back in If-Match.
import { getTie } from '@/lib/data/ties/get-tie';
import { deleteTie, updateTie } from '@/lib/data/ties/write-tie';
import { deleteRoute, readRoute, updateRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const GET = readRoute<{ id: string }>('id', (principal, id) => getTie(principal, { id }));

// PATCH, DELETE: change or soft-delete a tie (with its claims and notes) at the version in
// If-Match. Analysts.
export const PATCH = updateRoute<{ id: string }, Awaited<ReturnType<typeof updateTie>>>('id', updateTie);
export const DELETE = deleteRoute<{ id: string }>('id', deleteTie);
