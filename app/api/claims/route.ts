// POST /api/claims: add a claim citing a source (lib/http/write-routes/claims.ts).
export { POST } from '@/lib/http/write-routes/claims';
