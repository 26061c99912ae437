'use server';
// Saved views and stories from our own pages: save the map's view, add it as a story's step (to a
// new story or one of the reader's own), edit and delete (owner or admin).
import { currentPrincipal } from '@/lib/auth/current-principal';
import { getStory } from '@/lib/data/stories/read-stories';
import { addStoryStep, createStory, createStoryWithStep, deleteStory, updateStory } from '@/lib/data/stories/write-story';
import { createSavedView, deleteSavedView, updateSavedView } from '@/lib/data/views/write-saved-view';
import { runFormAction, toFormState } from '@/lib/http/form-action';
import { revalidateAfterChange } from '@/lib/http/revalidate';
import { deleteInput } from '@/lib/validation/form-input';
import type { FormState } from '@/lib/validation/form-state';
import { addStepInput, editStoryInput, editViewInput, newStoryInput, saveViewInput } from '@/lib/validation/view-forms';

export async function saveViewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => createSavedView(principal, saveViewInput(formData)),
    () => ({ message: `Saved the view “${String(formData.get('title') ?? '').trim()}”` }),
  );
}

export async function updateViewAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => updateSavedView(principal, id, editViewInput(formData)),
    () => ({ message: 'Saved the view' }),
  );
}

export async function deleteViewAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => deleteSavedView(principal, id, deleteInput(formData)),
    () => ({ message: 'Deleted the view', redirectTo: '/views' }),
  );
}

/** "Add this view as a step": to the chosen story (appended at its current version), or to a new one. */
export async function addStoryStepAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const storyId = String(formData.get('story') ?? '');
  let title = '';
  try {
    const principal = await currentPrincipal();
    if (storyId === 'new' || storyId === '') {
      await createStoryWithStep(principal, newStoryInput(formData, 'storyTitle'), addStepInput(formData));
      title = String(formData.get('storyTitle') ?? '').trim();
    } else {
      const story = await getStory(principal, storyId);
      await addStoryStep(principal, storyId, { ...addStepInput(formData), version: story.version });
      title = story.title;
    }
  } catch (error) {
    return toFormState(error);
  }
  revalidateAfterChange();
  return { status: 'saved', message: `Added a step to “${title}”` };
}

export async function createStoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => createStory(principal, newStoryInput(formData)),
    (story) => ({ message: 'Created the story', redirectTo: `/stories/${story.id}/edit` }),
  );
}

export async function updateStoryAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => updateStory(principal, id, editStoryInput(formData)),
    () => ({ message: 'Saved the story' }),
  );
}

export async function deleteStoryAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    (principal) => deleteStory(principal, id, deleteInput(formData)),
    () => ({ message: 'Deleted the story', redirectTo: '/views' }),
  );
}
