// GET /api/sources/{id}: one source as JSON with every live claim it supports, across ties and actors;
// its version is in the body and in the ETag, which PATCH and DELETE name back in If-Match.
import { getSource } from '@/lib/data/sources/get-source';
import { deleteSource, updateSource } from '@/lib/data/sources/write-source';
import { deleteRoute, readRoute, updateRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

export const GET = readRoute<{ id: string }>('id', (principal, id) => getSource(principal, { id }));

// PATCH, DELETE: change or soft-delete a source (with the claims citing it) at the version in
// If-Match. Analysts.
export const PATCH = updateRoute<{ id: string }, Awaited<ReturnType<typeof updateSource>>>('id', updateSource);
export const DELETE = deleteRoute<{ id: string }>('id', deleteSource);
