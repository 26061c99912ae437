// What changed between two revisions of a saved view or a story, field by field, read as
// lib/history/diff.ts reads the network's records (same value formatting, same FieldChange).
import { savedViewRecord } from '../domain/records/saved-view';
import { storyRecord } from '../domain/records/story';
import { formatValue, type FieldChange } from './diff';

type State = Record<string, unknown>;
export type WorkType = 'view' | 'story';

interface StepWords {
  caption?: unknown;
  address?: unknown;
}

/** "1. Caption (asOf=…)"; a step without a caption reads by its address. */
function stepsWords(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((s: StepWords, i) => `${i + 1}. ${typeof s.caption === 'string' && s.caption ? s.caption : '(no caption)'}${typeof s.address === 'string' && s.address ? ` (${s.address})` : ''}`);
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
    const was = stepsWords(before?.steps);
    const now = stepsWords(after.steps);
    if (!same(was, now) || !same(before?.steps, after.steps)) {
      changes.push({ kind: 'list', field: 'steps', label: 'Steps', added: now.filter((s) => !was.includes(s)), removed: was.filter((s) => !now.includes(s)) });
      if (was.length === now.length && now.every((s) => was.includes(s)) && !same(was, now)) {
        changes.push({ kind: 'value', field: 'order', label: 'Order of steps', before: was.join(' · '), after: now.join(' · ') });
      }
    }
  }
  return changes;
}
