'use server';
// Changing and deleting a tie from its edit page, at the version the form was opened at.
import { deleteTie, updateTie } from '@/lib/data/ties/write-tie';
import { runFormAction } from '@/lib/http/form-action';
import { deleteInput, localPath, tieInput } from '@/lib/validation/form-input';
import type { FormState } from '@/lib/validation/form-state';

export async function updateTieAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => updateTie(principal, id, tieInput(formData, 'update')),
    (tie) => ({ message: `Saved the tie (version ${tie.version})`, redirectTo: `/ties/${tie.id}` }),
  );
}

export async function deleteTieAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => deleteTie(principal, id, deleteInput(formData)),
    () => ({ message: 'Deleted', redirectTo: localPath(formData.get('returnTo')) ?? '/' }),
  );
}
