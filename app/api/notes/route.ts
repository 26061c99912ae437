// POST /api/notes: add a note on a tie or an actor (lib/http/write-routes/notes.ts).
export { POST } from '@/lib/http/write-routes/notes';
