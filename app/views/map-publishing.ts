// What the map needs to save its view or add it to a story: the server actions and the reader's
// own stories; nothing for a visitor (saving needs an account). Used by / and /views/[id].
import 'server-only';
import type { MapPublishing } from '@/components/views/save-view-panel';
import { hasRole, type Principal } from '@/lib/data/principal';
import { findOwnStories } from '@/lib/data/stories/read-stories';
import { addStoryStepAction, saveViewAction } from './actions';

export async function mapPublishing(principal: Principal): Promise<MapPublishing | undefined> {
  if (principal.type !== 'user') return undefined;
  const stories = await findOwnStories(principal);
  return {
    saveView: saveViewAction,
    addStep: addStoryStepAction,
    stories: stories.map((s) => ({ id: s.id, title: s.title })),
    mayPublish: hasRole(principal, 'analyst'),
  };
}
