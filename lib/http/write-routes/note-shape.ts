// A note as the write API returns it: the author's user id stays on the server.
import type { AnnotationRecord } from '../../data/annotations/write-annotation';

export function noteShape({ authorId: _authorId, ...note }: AnnotationRecord) {
  return note;
}
