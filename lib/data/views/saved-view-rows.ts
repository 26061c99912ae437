// Stored saved views and story steps ↔ what the code holds: the JSON columns parsed and checked
// on the way out, so a hand-edited or older row opens as far as it can and says what it lost.
import type { SavedViewState } from '../../domain/records/saved-view';
import { openViewState, viewCameraSchema, viewPositionsSchema, type DroppedParam, type ViewCamera, type ViewPositions, type ViewState } from '../../validation/view-state';

export interface SavedViewRow {
  id: string;
  slug: string | null;
  title: string;
  description: string;
  ownerId: string;
  ownerName: string | null;
  visibility: string;
  state: string;
  positions: string;
  camera: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A stored picture: the state as today's map reads it (with what was dropped), its places and camera. */
export interface StoredSnapshot {
  state: ViewState;
  dropped: DroppedParam[];
  /** Set when the state could not be read at all; the view then opens on the whole network. */
  stateError: string | null;
  positions: ViewPositions;
  camera: ViewCamera | null;
}

export function snapshotOf(row: { state: string; positions: string; camera: string | null }): StoredSnapshot {
  const opened = openViewState(parseJson(row.state));
  const positions = viewPositionsSchema.safeParse(parseJson(row.positions));
  const camera = viewCameraSchema.safeParse(parseJson(row.camera));
  return {
    state: opened.ok ? opened.state : { schemaVersion: 1, params: {} },
    dropped: opened.ok ? opened.dropped : [],
    stateError: opened.ok ? null : opened.error,
    positions: positions.success ? positions.data : {},
    camera: camera.success ? camera.data : null,
  };
}

export function savedViewStateOf(row: SavedViewRow): { state: SavedViewState; positions: ViewPositions; snapshot: StoredSnapshot } {
  const snapshot = snapshotOf(row);
  return {
    state: {
      title: row.title,
      description: row.description,
      visibility: row.visibility as SavedViewState['visibility'],
      slug: row.slug,
      state: snapshot.state,
    },
    positions: snapshot.positions,
    snapshot,
  };
}
