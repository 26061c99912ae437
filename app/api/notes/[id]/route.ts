// GET, PATCH, DELETE /api/notes/{id}: read a note with its version (ETag; internal notes for
// analysts), change or soft-delete it at the version in If-Match (its author or an admin).
import { deleteNote, updateNote } from '@/lib/data/notes/write-note';
import { getEditableRecord } from '@/lib/data/editing/get-editable-record';
import { deleteRoute, readRoute, updateRoute } from '@/lib/http/record-handlers';
import { noteShape } from '../note-shape';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const GET = readRoute<Params>('id', async (principal, id) => {
  const note = await getEditableRecord(principal, { type: 'note', id });
  return { id: note.id, version: note.version, ...note.state };
});
export const PATCH = updateRoute<Params, Awaited<ReturnType<typeof updateNote>>>('id', updateNote, noteShape);
export const DELETE = deleteRoute<Params>('id', deleteNote);
