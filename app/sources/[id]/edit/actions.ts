'use server';
// Changing and deleting a source from its edit page, at the version the form was opened at.
import { deleteSource, updateSource } from '@/lib/data/sources/write-source';
import { runFormAction } from '@/lib/http/form-action';
import { deleteInput, sourceInput } from '@/lib/validation/form-input';
import type { FormState } from '@/lib/validation/form-state';

export async function updateSourceAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => updateSource(principal, id, sourceInput(formData, 'update')),
    (source) => ({ message: `Saved ${source.title} (version ${source.version})`, redirectTo: `/sources/${source.id}` }),
  );
}

export async function deleteSourceAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => deleteSource(principal, id, deleteInput(formData)),
    () => ({ message: 'Deleted', redirectTo: '/sources' }),
  );
}
