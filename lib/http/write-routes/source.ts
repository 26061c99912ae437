// PATCH, DELETE /api/sources/{id}: change or soft-delete a source (with the claims citing it)
// at the version in If-Match. Analysts.
import { deleteSource, updateSource } from '../../data/sources/write-source';
import { deleteRoute, updateRoute } from './shared';

type Params = { id: string };

export const PATCH = updateRoute<Params, Awaited<ReturnType<typeof updateSource>>>('id', updateSource);
export const DELETE = deleteRoute<Params>('id', deleteSource);
