// PATCH, DELETE /api/ties/{id}: change or soft-delete a tie (with its claims and notes) at the
// version in If-Match. Analysts.
import { deleteTie, updateTie } from '../../data/ties/write-tie';
import { deleteRoute, updateRoute } from './shared';

type Params = { id: string };

export const PATCH = updateRoute<Params, Awaited<ReturnType<typeof updateTie>>>('id', updateTie);
export const DELETE = deleteRoute<Params>('id', deleteTie);
