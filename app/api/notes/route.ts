// POST /api/notes: add a note on a tie or an actor, internal (analysts only) or public. The
// signed-in analyst is its author.
import { createNote } from '@/lib/data/notes/write-note';
import { createRoute } from '@/lib/http/record-handlers';
import { noteShape } from './note-shape';

export const POST = createRoute(createNote, (note) => `/api/notes/${note.id}`, noteShape);
