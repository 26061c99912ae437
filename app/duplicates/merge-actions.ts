'use server';
// The merge form (/duplicates/merge) and the unmerge button (/duplicates/merges/{id}).
import { mergeActors, unmergeActors } from '@/lib/data/actors/merge-actors';
import { runFormAction } from '@/lib/http/form-action';
import { mergeFormInput } from '@/lib/validation/duplicates';
import type { FormState } from '@/lib/validation/form-state';

export async function mergeActorsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { into, input } = mergeFormInput(formData);
  return runFormAction(
    (principal) => mergeActors(principal, into, input),
    (merge) => ({ message: `Merged into ${merge.summary.into.name}`, redirectTo: `/duplicates/merges/${merge.id}` }),
  );
}

export async function unmergeActorsAction(id: string, version: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => unmergeActors(principal, id, { version, reason: String(formData.get('reason') ?? '') }),
    (merge) => ({ message: `Unmerged: ${merge.summary.merged.map((m) => m.name).join(', ')} ${merge.summary.merged.length === 1 ? 'is' : 'are'} back` }),
  );
}
