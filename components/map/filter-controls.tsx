'use client';
// Narrowing the map: which kinds of actor, which factions, which tie types, and how good the
// evidence must be. An absent list means "all", so every box starts ticked.
import { useState } from 'react';
import {
  ACTOR_KINDS,
  ACTOR_KIND_LABELS,
  CREDIBILITY_GRADES,
  FACTIONS,
  FACTION_LABELS,
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  TIE_TYPES,
  TIE_TYPE_INFO,
} from '@/lib/domain/vocabulary';
import type { GraphQuery } from '@/lib/graph/types';

export type FilterPatch = Partial<Pick<GraphQuery, 'kinds' | 'factions' | 'types' | 'minGrade'>>;

interface CheckGroupProps<T extends string> {
  legend: string;
  all: readonly T[];
  chosen: readonly T[] | undefined;
  labelOf: (value: T) => string;
  onChange: (chosen: T[] | undefined) => void;
}

/** Ticking every box, or none, means no constraint: the address then leaves the list out. */
export function CheckGroup<T extends string>({ legend, all, chosen, labelOf, onChange }: CheckGroupProps<T>) {
  const ticked = new Set(chosen ?? all);
  const toggle = (value: T, on: boolean) => {
    const next = all.filter((v) => (v === value ? on : ticked.has(v)));
    onChange(next.length === all.length || next.length === 0 ? undefined : next);
  };
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      <div className="check-group-actions">
        <button type="button" onClick={() => onChange(undefined)} disabled={!chosen}>
          All
        </button>
      </div>
      {all.map((value) => (
        <label key={value} className="check">
          <input
            type="checkbox"
            checked={ticked.has(value)}
            // The last ticked box stays: an empty choice would mean "all" and surprise.
            disabled={ticked.size === 1 && ticked.has(value)}
            onChange={(e) => toggle(value, e.target.checked)}
          />{' '}
          {labelOf(value)}
        </label>
      ))}
    </fieldset>
  );
}

/** The options of a minimum-grade select: none ("") or a grade like B2, meaning B2 or better. */
export function GradeOptions() {
  return (
    <>
      <option value="">Any grade, or none</option>
      {RELIABILITY_GRADES.map((r) => (
        <optgroup key={r} label={`${r}: ${RELIABILITY_LABELS[r]}`}>
          {CREDIBILITY_GRADES.map((c) => (
            <option key={`${r}${c}`} value={`${r}${c}`}>
              {`${r}${c} or better`}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

export interface FilterControlsProps {
  query: GraphQuery;
  onChange: (patch: FilterPatch) => void;
}

export function FilterControls({ query, onChange }: FilterControlsProps) {
  const active = [query.kinds, query.factions, query.types].filter(Boolean).length + (query.minGrade ? 1 : 0);
  // Open at first when the address carries filters; after that it is the reader's to fold.
  const [openAtFirst] = useState(active > 0);
  return (
    <details className="map-filters" open={openAtFirst}>
      <summary>Filters{active > 0 ? ` (${active} on)` : ''}</summary>
      <label className="field">
        <span>Minimum grade</span>
        <select value={query.minGrade ?? ''} onChange={(e) => onChange({ minGrade: e.target.value || undefined })}>
          <GradeOptions />
        </select>
      </label>
      <CheckGroup legend="Tie types" all={TIE_TYPES} chosen={query.types} labelOf={(t) => TIE_TYPE_INFO[t].label} onChange={(types) => onChange({ types })} />
      <CheckGroup legend="Actor kinds" all={ACTOR_KINDS} chosen={query.kinds} labelOf={(k) => ACTOR_KIND_LABELS[k]} onChange={(kinds) => onChange({ kinds })} />
      <CheckGroup legend="Factions" all={FACTIONS} chosen={query.factions} labelOf={(f) => FACTION_LABELS[f]} onChange={(factions) => onChange({ factions })} />
    </details>
  );
}
