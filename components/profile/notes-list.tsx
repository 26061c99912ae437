// Analysts' notes on an actor or a tie. Internal notes reach this list only for principals who
// may read them (the data layer filters); each is labelled so nobody quotes one by mistake.
import { NoteText } from './note-text';
import { PartialDateText } from '@/components/partial-date';
import styles from './profile.module.css';
import type { NoteDto } from '@/lib/domain/responses';

export function NotesList({ notes }: { notes: readonly NoteDto[] }) {
  if (notes.length === 0) return <p className="muted">No notes.</p>;
  return (
    <ul className={styles.notes}>
      {notes.map((note) => (
        <li key={note.id} className={`${styles.note} ${note.visibility === 'internal' ? styles.noteInternal : ''}`}>
          <p className={styles.noteBody}>
            <NoteText text={note.body} />
          </p>
          <p className={styles.noteMeta}>
            {note.visibility === 'internal' ? <span className="badge badge-disputed">Internal</span> : <span className="badge">Public</span>}
            <PartialDateText date={{ date: note.createdAt.slice(0, 10), precision: 'day' }} />
            {note.author ? <span>by {note.author}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
