// A saved view of the map: a name, a description, who may read it, and the view itself (the map's
// address state, lib/validation/view-state.ts). The places of what it shows and the camera travel
// beside the record (savedViewSnapshot): they reopen the picture exactly but are no field a person
// edits, and history counts them instead of storing thousands of coordinates per revision.
import { z } from 'zod';
import { requiredTextSchema, slugSchema, textSchema } from '../../validation/common';
import { viewCameraSchema, viewPositionsSchema, viewStateSchema, type DroppedParam, type ViewCamera, type ViewPositions, type ViewState } from '../../validation/view-state';
import { defineRecord, optional, required } from './define-record';

/** private: its owner (and admins); signed-in: every signed-in user; public: anyone, signed in or not. */
export const VIEW_VISIBILITIES = ['private', 'signed-in', 'public'] as const;
export type ViewVisibility = (typeof VIEW_VISIBILITIES)[number];
export const VIEW_VISIBILITY_LABELS: Record<ViewVisibility, string> = {
  private: 'Private (only me)',
  'signed-in': 'Shared with signed-in users',
  public: 'Public (anyone)',
};
export const viewVisibilitySchema = z.enum(VIEW_VISIBILITIES, { error: `must be one of ${VIEW_VISIBILITIES.join(', ')}` });

export const savedViewRecord = defineRecord(
  {
    title: required(requiredTextSchema(200, 'Name'), 'Name'),
    description: optional(textSchema(4000), '', 'Description'),
    visibility: optional(viewVisibilitySchema, 'private', 'Visibility', 'status'),
    /** A readable name for its address, /views/<slug>; the id always works. */
    slug: optional(slugSchema.nullable(), null, 'Address name', 'key'),
    state: required(viewStateSchema, 'View', 'viewState'),
  },
  // A view's history says what changed; no reason is asked of its owner.
  { reasoned: false },
);

export type SavedViewState = z.output<typeof savedViewRecord.state>;

const snapshotShape = { positions: viewPositionsSchema.optional(), camera: viewCameraSchema.nullable().optional() };
/** Save this view: the record's fields, plus the places and camera of the map as it is. */
export const createSavedViewSchema = savedViewRecord.create.extend(snapshotShape);
export type CreateSavedViewInput = z.input<typeof createSavedViewSchema>;
/** Any field, and optionally a new picture (places and camera) with a new state. */
export const updateSavedViewSchema = savedViewRecord.update.extend(snapshotShape);
export type UpdateSavedViewInput = z.input<typeof updateSavedViewSchema>;

/** A saved view in a list: what it is, whose, and who may read it. */
export interface SavedViewSummary {
  id: string;
  slug: string | null;
  title: string;
  description: string;
  visibility: ViewVisibility;
  ownerName: string | null;
  /** The map's address for it ("?asOf=…"), to open it. */
  search: string;
  updatedAt: string;
  own: boolean;
  canEdit: boolean;
}

/** A saved view as it opens: its summary, the places of what it shows and its camera. */
export interface SavedViewDto extends SavedViewSummary {
  version: number;
  state: ViewState;
  positions: ViewPositions;
  camera: ViewCamera | null;
  /** Parameters an older state carried that today's map no longer reads, and why. */
  dropped: DroppedParam[];
  /** Set when the stored state could not be read at all (the view opens on the whole network). */
  stateError: string | null;
  createdAt: string;
}
