// GET, PATCH, DELETE /api/claims/{id}: one claim with its version (lib/http/write-routes/claim.ts).
export { GET, PATCH, DELETE } from '@/lib/http/write-routes/claim';

export const dynamic = 'force-dynamic';
