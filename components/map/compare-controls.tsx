'use client';
// Choosing two dates to compare (the address's compare=from..to): the map then shows the later
// one and marks what began or ended since the earlier one.
import { useState } from 'react';
import type { CompareWindow } from '@/lib/validation/change-queries';
import { isRealDay } from '@/lib/domain/dates';

export interface CompareControlsProps {
  compare: CompareWindow | undefined;
  /** Suggested dates when nothing is compared yet. */
  suggest: CompareWindow;
  onChange: (compare: CompareWindow | undefined) => void;
}

export function CompareControls({ compare, suggest, onChange }: CompareControlsProps) {
  const shown = compare ?? suggest;
  const [draft, setDraft] = useState<CompareWindow>(shown);
  const [follows, setFollows] = useState(compare);
  if (compare !== follows) {
    setFollows(compare);
    if (compare) setDraft(compare);
  }
  const valid = isRealDay(draft.from) && isRealDay(draft.to) && draft.from < draft.to;
  return (
    <fieldset className="map-time map-compare">
      <legend>Compare two dates</legend>
      <div className="map-time-row">
        <label>
          <span className="visually-hidden">Compare from</span>
          <input type="date" aria-label="Compare from" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <span aria-hidden="true">→</span>
        <label>
          <span className="visually-hidden">Compare to</span>
          <input type="date" aria-label="Compare to" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
      </div>
      <div className="map-time-row">
        <button type="button" disabled={!valid} onClick={() => onChange(draft)}>
          Compare
        </button>
        {compare && (
          <button type="button" onClick={() => onChange(undefined)}>
            Stop comparing
          </button>
        )}
      </div>
      {!valid && <p className="muted">The first date must come before the second.</p>}
    </fieldset>
  );
}
