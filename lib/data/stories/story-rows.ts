// Stored story steps ↔ what the code holds (the JSON columns read as saved views' are).
import type { StoryStepDto, StoryStepState } from '../../domain/records/story';
import { viewStateSearch } from '../../validation/view-state';
import { snapshotOf } from '../views/saved-view-rows';

export interface StepRow {
  id: string;
  state: string;
  positions?: string;
  camera?: string | null;
  caption: string;
  highlightActors: string;
  highlightTies: string;
}

export function jsonList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** A step as a story's revision stores it: its text and its address, not its places. */
export function stepState(row: StepRow): StoryStepState {
  return {
    id: row.id,
    caption: row.caption,
    address: viewStateSearch(snapshotOf({ state: row.state, positions: '{}', camera: null }).state).slice(1),
    actors: jsonList(row.highlightActors),
    ties: jsonList(row.highlightTies),
  };
}

export function stepDto(row: StepRow): StoryStepDto {
  const snapshot = snapshotOf({ state: row.state, positions: row.positions ?? '{}', camera: row.camera ?? null });
  return {
    id: row.id,
    caption: row.caption,
    state: snapshot.state,
    search: viewStateSearch(snapshot.state),
    positions: snapshot.positions,
    camera: snapshot.camera,
    dropped: snapshot.dropped,
    actors: jsonList(row.highlightActors),
    ties: jsonList(row.highlightTies),
  };
}
