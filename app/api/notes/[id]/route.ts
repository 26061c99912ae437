// GET, PATCH, DELETE /api/notes/{id}: one note with its version (lib/http/write-routes/note.ts).
export { GET, PATCH, DELETE } from '@/lib/http/write-routes/note';

export const dynamic = 'force-dynamic';
