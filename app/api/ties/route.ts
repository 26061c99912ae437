// POST /api/ties: create a tie between two actors (lib/http/write-routes/ties.ts).
export { POST } from '@/lib/http/write-routes/ties';
