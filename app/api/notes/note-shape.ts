// A note as the notes routes (here and [id]/) return it: the author's user id stays on the server.
import type { AnnotationRecord } from '@/lib/data/annotations/write-annotation';

export function noteShape({ authorId: _authorId, ...note }: AnnotationRecord) {
  return note;
}
