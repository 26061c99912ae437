// What changed between two revisions of a saved view or a story, field by field, read as
// lib/history/diff.ts reads the network's records (same value formatting, same FieldChange).
import { savedViewRecord } from '../domain/records/saved-view';
import { storyRecord } from '../domain/records/story';
import { formatValue, HISTORY_TYPES, type FieldChange } from './diff';

type State = Record<string, unknown>;
/** The analysts' own work, as revisions store its entityType and as /history filters it. */
export const WORK_TYPES = ['view', 'story'] as const;
export type WorkType = (typeof WORK_TYPES)[number];
/** A saved re-layout of the map ("Lay out again"): one revision holds every position it moved. */
export const LAYOUT_TYPE = 'layout';
/** What the work history at /history lists: the network's records, saved views and stories, and re-layouts. */
export const CHANGE_TYPES = [...HISTORY_TYPES, ...WORK_TYPES, LAYOUT_TYPE] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export const isWorkType = (type: string): type is WorkType => (WORK_TYPES as readonly string[]).includes(type);

interface StepLike {
  id?: unknown;
  caption?: unknown;
  address?: unknown;
  actors?: unknown;
  ties?: unknown;
}

const stepsOf = (value: unknown): StepLike[] => (Array.isArray(value) ? (value as StepLike[]) : []);
const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/** "Caption (asOf=…; 2 highlighted)"; a step without a caption reads by its address. */
function stepWords(s: StepLike): string {
  const caption = typeof s.caption === 'string' && s.caption ? s.caption : '(no caption)';
  const details = [typeof s.address === 'string' && s.address ? s.address : 'the whole network today'];
  const lit = count(s.actors) + count(s.ties);
  if (lit) details.push(`${lit} highlighted`);
  return `${caption} (${details.join('; ')})`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffWorkStates(type: WorkType, before: State | null, after: State | null): FieldChange[] {
  if (!after) return [];
  const specs = type === 'view' ? savedViewRecord.fieldList : storyRecord.fieldList;
  const changes: FieldChange[] = [];
  for (const spec of specs) {
    const a = after[spec.field];
    const b = before?.[spec.field];
    if (before ? same(a, b) : a === undefined || a === null || a === '') continue;
    changes.push({ kind: 'value', field: spec.field, label: spec.label, before: before ? formatValue(spec.kind, b) : null, after: formatValue(spec.kind, a) });
  }
  if (type === 'view' && !same(before?.places, after.places)) {
    changes.push({ kind: 'value', field: 'places', label: 'Places kept', before: before ? String(before.places ?? 0) : null, after: String(after.places ?? 0) });
  }
  if (type === 'story') {
    const was = stepsOf(before?.steps);
    const now = stepsOf(after.steps);
    const wasWords = was.map(stepWords);
    const nowWords = now.map(stepWords);
    const added = nowWords.filter((w) => !wasWords.includes(w));
    const removed = wasWords.filter((w) => !nowWords.includes(w));
    if (added.length || removed.length) changes.push({ kind: 'list', field: 'steps', label: 'Steps', added, removed });
    // Reordered: the steps on both sides, by id, in a different order.
    const kept = (list: StepLike[], other: StepLike[]) => list.filter((s) => other.some((o) => o.id === s.id)).map((s) => s.id);
    if (before && !same(kept(was, now), kept(now, was))) {
      changes.push({ kind: 'value', field: 'order', label: 'Order of steps', before: wasWords.map((w, i) => `${i + 1}. ${w}`).join(' · '), after: nowWords.map((w, i) => `${i + 1}. ${w}`).join(' · ') });
    }
  }
  return changes;
}
