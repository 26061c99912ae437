'use server';
// Creating an actor from the new-actor form.
import { createActor } from '@/lib/data/actors/write-actor';
import { runFormAction } from '@/lib/http/form-action';
import { actorInput } from '@/lib/validation/form-input';
import type { FormState } from '@/lib/validation/form-state';

export async function createActorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => createActor(principal, actorInput(formData, 'create')),
    (actor) => ({ message: `Added ${actor.name}`, redirectTo: `/actors/${actor.slug}` }),
  );
}
