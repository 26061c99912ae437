// A story: ordered steps, each a view of the map (as a saved view holds one), a caption, and the
// actors and ties it highlights while the rest fades. The story's fields are a record; its steps
// are rows of their own, added from the map one at a time and reordered, recaptioned or removed
// together by an update that lists them in their new order.
import { z } from 'zod';
import { recordIdSchema, requiredTextSchema, slugSchema, textSchema } from '../../validation/common';
import { MAX_HIGHLIGHTS, viewSnapshotSchema, type DroppedParam, type ViewCamera, type ViewPositions, type ViewState } from '../../validation/view-state';
import { defineRecord, optional, required } from './define-record';
import { viewVisibilitySchema, type ViewVisibility } from './saved-view';

export const MAX_STORY_STEPS = 100;

export const storyRecord = defineRecord(
  {
    title: required(requiredTextSchema(200, 'Title'), 'Title'),
    description: optional(textSchema(4000), '', 'Description'),
    visibility: optional(viewVisibilitySchema, 'private', 'Visibility', 'status'),
  },
  { reasoned: false },
);
export type StoryFields = z.output<typeof storyRecord.state>;

const uniqueList = <T extends z.ZodType<string>>(item: T, what: string) =>
  z
    .array(item)
    .max(MAX_HIGHLIGHTS, `At most ${MAX_HIGHLIGHTS} ${what}`)
    .transform((xs) => [...new Set(xs)]);

/** What a step says and highlights; a caption is plain text (links in it are shown as links, nothing else is markup). */
const stepTextShape = {
  caption: textSchema(2000).default(''),
  actors: uniqueList(slugSchema, 'actors').default([]),
  ties: uniqueList(recordIdSchema, 'ties').default([]),
};

/** Add this view as a step: the map's snapshot and, optionally, a caption and highlights. */
export const addStoryStepSchema = z.strictObject({ version: z.number().int().positive(), snapshot: viewSnapshotSchema, ...stepTextShape });
export type AddStoryStepInput = z.input<typeof addStoryStepSchema>;

/** One step as an update lists it: an existing step's id and its text; the order of the list is the new order. */
const stepEditSchema = z.strictObject({ id: recordIdSchema, ...stepTextShape });

export const createStorySchema = storyRecord.create;
export type CreateStoryInput = z.input<typeof createStorySchema>;
export const updateStorySchema = storyRecord.update.extend({
  steps: z
    .array(stepEditSchema)
    .max(MAX_STORY_STEPS)
    .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, 'A step is listed twice')
    .optional(),
});
export type UpdateStoryInput = z.input<typeof updateStorySchema>;

/** A step as history stores it: its text and its address (not its places). */
export interface StoryStepState {
  id: string;
  caption: string;
  address: string;
  actors: string[];
  ties: string[];
}
/** A story's state in its revisions: its fields and its steps in order. */
export type StoryState = StoryFields & { steps: StoryStepState[] };

/** A story in a list. */
export interface StorySummary {
  id: string;
  title: string;
  description: string;
  visibility: ViewVisibility;
  ownerName: string | null;
  stepCount: number;
  updatedAt: string;
  own: boolean;
  canEdit: boolean;
}

/** One step as it is shown and presented. */
export interface StoryStepDto {
  id: string;
  caption: string;
  state: ViewState;
  /** The map's address for the step ("?asOf=…"). */
  search: string;
  positions: ViewPositions;
  camera: ViewCamera | null;
  dropped: DroppedParam[];
  actors: string[];
  ties: string[];
}

export interface StoryDto extends StorySummary {
  version: number;
  steps: StoryStepDto[];
  createdAt: string;
}
