'use server';
// Changing and deleting an actor from its edit page, at the version the form was opened at.
import { deleteActor, updateActor } from '@/lib/data/actors/write-actor';
import { runFormAction } from '@/lib/http/form-action';
import { actorInput, deleteInput } from '@/lib/validation/form-input';
import type { FormState } from '@/lib/validation/form-state';

export async function updateActorAction(slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => updateActor(principal, slug, actorInput(formData, 'update')),
    (actor) => ({ message: `Saved ${actor.name} (version ${actor.version})`, redirectTo: `/actors/${actor.slug}` }),
  );
}

export async function deleteActorAction(slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => deleteActor(principal, slug, deleteInput(formData)),
    () => ({ message: 'Deleted', redirectTo: '/actors' }),
  );
}
