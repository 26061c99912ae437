'use server';
// Notes on ties and actors from our own pages: add, edit (author or admin), delete.
import { createNote, deleteNote, updateNote } from '@/lib/data/notes/write-note';
import { runFormAction } from '@/lib/http/form-action';
import { deleteInput, noteInput } from '@/lib/validation/form-input';
import type { FormState } from '@/lib/validation/form-state';

export async function createNoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => createNote(principal, noteInput(formData, 'create')),
    (note) => ({ message: `Added an ${note.visibility} note` }),
  );
}

export async function updateNoteAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => updateNote(principal, id, noteInput(formData, 'update')),
    () => ({ message: 'Saved the note' }),
  );
}

export async function deleteNoteAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => deleteNote(principal, id, deleteInput(formData)),
    () => ({ message: 'Deleted the note' }),
  );
}
