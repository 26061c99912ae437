// Creating, changing and deleting stories and adding their steps, each change with one revision of
// the whole story (its fields and its steps in order, each step's text and address, not its places).
import type { Tx } from '../../db/client';
import { deleteRecordSchema } from '../../domain/records/define-record';
import { addStoryStepSchema, createStorySchema, MAX_STORY_STEPS, updateStorySchema, type StoryFields, type StoryState } from '../../domain/records/story';
import { AppError, notFound, parseInput } from '../errors';
import { assertVersion, inTransaction } from '../mutation';
import { requireRole, type Principal } from '../principal';
import { removeEmbedWithin } from '../embeds/remove-embed';
import { recordRevision } from '../revisions';
import { requireChangeAllowed, requireOwner, requireVisibilityAllowed } from '../views/view-access';
import { stepState } from './story-rows';

async function liveStory(tx: Tx, id: string) {
  const row = await tx.story.findFirst({ where: { id, deletedAt: null }, include: { steps: { orderBy: { position: 'asc' } } } });
  if (!row) throw notFound(`Story "${id}"`);
  return row;
}

type LiveStory = Awaited<ReturnType<typeof liveStory>>;

function storyState(row: LiveStory): StoryState {
  return { title: row.title, description: row.description, visibility: row.visibility as StoryFields['visibility'], steps: row.steps.map(stepState) };
}

export interface StoryWritten {
  id: string;
  version: number;
}

export async function createStory(principal: Principal, input: unknown): Promise<StoryWritten> {
  const owner = requireOwner(principal, 'Stories');
  const data = parseInput(createStorySchema, input, 'Story');
  requireVisibilityAllowed(principal, data.visibility);
  return inTransaction(async (tx) => {
    const row = await tx.story.create({ data: { ...data, ownerId: owner.userId, ownerName: owner.name } });
    await recordRevision(tx, principal, { entityType: 'story', entityId: row.id, version: 1, action: 'create', before: null, after: { ...data, steps: [] } });
    return { id: row.id, version: 1 };
  });
}

type StepData = ReturnType<typeof addStoryStepSchema.parse>;

/** Appends a step after the last and moves the story's version on, with its revision. */
async function appendStep(tx: Tx, principal: Principal, row: LiveStory, step: Omit<StepData, 'version'>): Promise<StoryWritten & { stepId: string }> {
  if (row.steps.length >= MAX_STORY_STEPS) throw new AppError('invalid', `A story has at most ${MAX_STORY_STEPS} steps`);
  const before = storyState(row);
  const created = await tx.storyStep.create({
    data: {
      storyId: row.id,
      position: row.steps.length,
      state: JSON.stringify(step.snapshot.state),
      positions: JSON.stringify(step.snapshot.positions),
      camera: step.snapshot.camera ? JSON.stringify(step.snapshot.camera) : null,
      caption: step.caption,
      highlightActors: JSON.stringify(step.actors),
      highlightTies: JSON.stringify(step.ties),
    },
  });
  await tx.story.update({ where: { id: row.id, version: row.version }, data: { version: row.version + 1 } });
  const after: StoryState = { ...before, steps: [...before.steps, stepState(created)] };
  await recordRevision(tx, principal, { entityType: 'story', entityId: row.id, version: row.version + 1, action: 'update', before, after });
  return { id: row.id, version: row.version + 1, stepId: created.id };
}

/** Add this view as a step: appended after the last, at the story's version the caller read. */
export async function addStoryStep(principal: Principal, storyId: string, input: unknown): Promise<StoryWritten & { stepId: string }> {
  requireRole(principal, 'viewer');
  const { version, ...step } = parseInput(addStoryStepSchema, input, 'Step');
  return inTransaction(async (tx) => {
    const row = await liveStory(tx, storyId);
    requireChangeAllowed(principal, row, 'story');
    assertVersion('This story', row, version, { id: storyId, version: row.version, ...storyState(row) });
    return appendStep(tx, principal, row, step);
  });
}

/** A new story whose first step is the map's view, in one transaction: a refused step leaves no empty story behind. */
export async function createStoryWithStep(principal: Principal, storyInput: unknown, stepInput: unknown): Promise<StoryWritten & { stepId: string }> {
  const owner = requireOwner(principal, 'Stories');
  const data = parseInput(createStorySchema, storyInput, 'Story');
  const step = parseInput(addStoryStepSchema.omit({ version: true }), stepInput, 'Step');
  requireVisibilityAllowed(principal, data.visibility);
  return inTransaction(async (tx) => {
    const created = await tx.story.create({ data: { ...data, ownerId: owner.userId, ownerName: owner.name } });
    await recordRevision(tx, principal, { entityType: 'story', entityId: created.id, version: 1, action: 'create', before: null, after: { ...data, steps: [] } });
    return appendStep(tx, principal, await liveStory(tx, created.id), step);
  });
}

/**
 * Changes the story's fields and, when `steps` is given, its steps: listed in their new order with
 * their captions and highlights; a step left out of the list is removed. Steps are only added from
 * the map (addStoryStep), so every id listed must be one of the story's.
 */
export async function updateStory(principal: Principal, id: string, input: unknown): Promise<StoryWritten> {
  requireRole(principal, 'viewer');
  const { version, steps, ...changes } = parseInput(updateStorySchema, input, 'Story change');
  return inTransaction(async (tx) => {
    const row = await liveStory(tx, id);
    requireChangeAllowed(principal, row, 'story');
    const before = storyState(row);
    assertVersion('This story', row, version, { id, version: row.version, ...before });
    const fields: StoryFields = { title: before.title, description: before.description, visibility: before.visibility, ...changes };
    if (fields.visibility !== before.visibility) requireVisibilityAllowed(principal, fields.visibility);
    let afterSteps = before.steps;
    if (steps) {
      const known = new Map(row.steps.map((s) => [s.id, s]));
      const unknown = steps.filter((s) => !known.has(s.id)).map((s) => s.id);
      if (unknown.length) throw new AppError('invalid', `steps: no step ${unknown.map((u) => `"${u}"`).join(', ')} in this story`, { fieldErrors: { steps: ['A step listed is not in this story'] } });
      const kept = new Set(steps.map((s) => s.id));
      const removed = row.steps.filter((s) => !kept.has(s.id)).map((s) => s.id);
      if (removed.length) await tx.storyStep.deleteMany({ where: { storyId: id, id: { in: removed } } });
      for (const [position, step] of steps.entries()) {
        await tx.storyStep.update({
          where: { id: step.id },
          data: { position, caption: step.caption, highlightActors: JSON.stringify(step.actors), highlightTies: JSON.stringify(step.ties) },
        });
      }
      afterSteps = steps.map((s) => ({ ...stepState(known.get(s.id)!), caption: s.caption, actors: s.actors, ties: s.ties }));
    }
    await tx.story.update({ where: { id, version: row.version }, data: { ...fields, version: row.version + 1 } });
    await removeEmbedWithin(tx, 'story', id, fields.visibility);
    await recordRevision(tx, principal, { entityType: 'story', entityId: id, version: row.version + 1, action: 'update', before, after: { ...fields, steps: afterSteps } });
    return { id, version: row.version + 1 };
  });
}

export async function deleteStory(principal: Principal, id: string, input: unknown): Promise<void> {
  requireRole(principal, 'viewer');
  const { version, reason = '' } = parseInput(deleteRecordSchema, input, 'Delete');
  await inTransaction(async (tx) => {
    const row = await liveStory(tx, id);
    requireChangeAllowed(principal, row, 'story');
    const before = storyState(row);
    assertVersion('This story', row, version, { id, version: row.version, ...before });
    await tx.story.update({ where: { id, version: row.version }, data: { deletedAt: new Date(), version: row.version + 1 } });
    await removeEmbedWithin(tx, 'story', id, null);
    await recordRevision(tx, principal, { entityType: 'story', entityId: id, version: row.version + 1, action: 'delete', before, after: null, reason });
  });
}
