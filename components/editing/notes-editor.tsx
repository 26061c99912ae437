'use client';
// Notes on a tie or an actor, for analysts: each note with its visibility, author and date, edit
// and delete for its author (or an admin), and a form to add one, internal or public.
import { useEffect, useState } from 'react';
import { createNoteSchema, updateNoteSchema } from '@/lib/domain/records/note';
import { noteInput } from '@/lib/validation/form-input';
import { formatTimestamp } from '@/lib/history/format';
import styles from './editing.module.css';
import { Buttons, TextField } from './fields';
import { ConflictPanel, FormStatus, sendVersion } from './form-status';
import { DeleteRecord } from './delete-record';
import type { EditableNote } from '@/lib/domain/records/note';
import { NoteText } from '@/components/profile/note-text';
import { useRecordForm, type FormAction } from './use-record-form';

export type NoteItem = EditableNote;

export interface NoteActions {
  create: FormAction;
  /** Bound to a note id by the page: (id) => action. */
  update: Record<string, FormAction>;
  remove: Record<string, FormAction>;
}

interface Props {
  owner: { tie: string } | { actor: string };
  notes: NoteItem[];
  actions: NoteActions;
}

export function NotesEditor({ owner, notes, actions }: Props) {
  return (
    <div>
      {notes.length === 0 ? <p className="muted">No notes yet.</p> : null}
      <ul className={styles.notes} aria-label="Notes">
        {notes.map((note) => (
          <NoteEntry key={note.id} note={note} update={actions.update[note.id]} remove={actions.remove[note.id]} />
        ))}
      </ul>
      <AddNote owner={owner} action={actions.create} />
    </div>
  );
}

function VisibilityChoice({ defaultValue, idPrefix }: { defaultValue: 'internal' | 'public'; idPrefix: string }) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>Who may read it</legend>
      <div className={styles.visibility}>
        <label htmlFor={`${idPrefix}-internal`}>
          <input id={`${idPrefix}-internal`} type="radio" name="visibility" value="internal" defaultChecked={defaultValue === 'internal'} /> Internal (analysts only)
        </label>
        <label htmlFor={`${idPrefix}-public`}>
          <input id={`${idPrefix}-public`} type="radio" name="visibility" value="public" defaultChecked={defaultValue === 'public'} /> Public
        </label>
      </div>
    </fieldset>
  );
}

function AddNote({ owner, action }: { owner: Props['owner']; action: FormAction }) {
  const form = useRecordForm(action, (fd) => noteInput(fd, 'create'), createNoteSchema);
  const [resetKey, setResetKey] = useState(0);
  const [lastSaved, setLastSaved] = useState<unknown>(null);
  // After a note is added, start the next one from an empty form (a refused one keeps its text).
  if (form.state.status === 'saved' && lastSaved !== form.state) {
    setLastSaved(form.state);
    setResetKey((k) => k + 1);
  }
  return (
    <form key={resetKey} className={styles.form} onSubmit={form.onSubmit} noValidate aria-label="Add a note">
      <FormStatus state={form.state} errors={form.errors} />
      {'tie' in owner ? <input type="hidden" name="tie" value={owner.tie} /> : <input type="hidden" name="actor" value={owner.actor} />}
      <TextField name="body" label="New note" multiline required errors={form.errors} dir="auto" hint="Plain text; web addresses (http, https) become links." />
      <VisibilityChoice defaultValue="internal" idPrefix="new-note" />
      <Buttons>
        <button type="submit" className={styles.primary} disabled={form.pending}>
          {form.pending ? 'Adding…' : 'Add note'}
        </button>
      </Buttons>
    </form>
  );
}

function NoteEntry({ note, update, remove }: { note: NoteItem; update?: FormAction; remove?: FormAction }) {
  const [editing, setEditing] = useState(false);
  return (
    <li className={`${styles.note} ${note.visibility === 'internal' ? styles.noteInternal : ''}`}>
      {editing && update ? (
        <EditNote note={note} action={update} onDone={() => setEditing(false)} />
      ) : (
        <>
          <p className={styles.noteBody}>
            <NoteText text={note.body} />
          </p>
          <p className={styles.noteMeta}>
            {note.visibility === 'internal' ? <span className="badge badge-disputed">Internal</span> : <span className="badge">Public</span>}
            <span>by {note.author}</span>
            <span>{formatTimestamp(note.createdAt)}</span>
            {note.updatedAt !== note.createdAt ? <span>(edited {formatTimestamp(note.updatedAt)})</span> : null}
            {note.canEdit && update ? (
              <button type="button" className={styles.link} onClick={() => setEditing(true)} aria-label={`Edit note by ${note.author}`}>
                Edit
              </button>
            ) : null}
            {note.canEdit && remove ? <DeleteRecord action={remove} version={note.version} what="note" compact /> : null}
          </p>
        </>
      )}
    </li>
  );
}

function EditNote({ note, action, onDone }: { note: NoteItem; action: FormAction; onDone: () => void }) {
  const form = useRecordForm(action, (fd) => noteInput(fd, 'update'), updateNoteSchema);
  const saved = form.state.status === 'saved';
  useEffect(() => {
    if (saved) onDone();
  }, [saved, onDone]);
  return (
    <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-label="Edit note">
      <ConflictPanel state={form.state} type="note" typed={form.submitted} />
      <FormStatus state={form.state} errors={form.errors} />
      <input type="hidden" name="version" value={sendVersion(form.state, note.version)} />
      <TextField name="body" label="Note" multiline required errors={form.errors} defaultValue={note.body} dir="auto" />
      <VisibilityChoice defaultValue={note.visibility} idPrefix={`note-${note.id}`} />
      <Buttons>
        <button type="submit" className={styles.primary} disabled={form.pending}>
          {form.pending ? 'Saving…' : 'Save note'}
        </button>
        <button type="button" className={styles.secondary} onClick={onDone}>
          Cancel
        </button>
      </Buttons>
    </form>
  );
}
