'use server';
// Creating a tie from the new-tie form.
import { createTie } from '@/lib/data/ties/write-tie';
import { runFormAction } from '@/lib/http/form-action';
import { tieInput } from '@/lib/validation/form-input';
import type { FormState } from '@/lib/validation/form-state';

export async function createTieAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => createTie(principal, tieInput(formData, 'create')),
    (tie) => ({ message: 'Added the tie', redirectTo: `/ties/${tie.id}` }),
  );
}
