// GET, PATCH, DELETE /api/claims/{id}: read a claim with its version (ETag), change it (a status
// change needs a reason) or soft-delete it at the version in If-Match. Changes: analysts.
import { deleteClaim, updateClaim } from '@/lib/data/claims/write-claim';
import { getEditableRecord } from '@/lib/data/editing/get-editable-record';
import { deleteRoute, readRoute, updateRoute } from '@/lib/http/record-handlers';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const GET = readRoute<Params>('id', async (principal, id) => {
  const claim = await getEditableRecord(principal, { type: 'claim', id });
  return { id: claim.id, version: claim.version, ...claim.state };
});
export const PATCH = updateRoute<Params, Awaited<ReturnType<typeof updateClaim>>>('id', updateClaim);
export const DELETE = deleteRoute<Params>('id', deleteClaim);
