// PATCH, DELETE /api/actors/{slug}: change or soft-delete an actor (with its ties, claims and
// notes) at the version in If-Match. Analysts.
import { deleteActor, updateActor } from '../../data/actors/write-actor';
import { deleteRoute, updateRoute } from './shared';

type Params = { slug: string };

export const PATCH = updateRoute<Params, Awaited<ReturnType<typeof updateActor>>>('slug', updateActor);
export const DELETE = deleteRoute<Params>('slug', deleteActor);
