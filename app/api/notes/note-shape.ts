// A note as the notes routes (here and [id]/) return it: the author's user id stays on the server.
import type { NoteRecord } from '@/lib/data/notes/write-note';

export function noteShape({ authorId: _authorId, ...note }: NoteRecord) {
  return note;
}
