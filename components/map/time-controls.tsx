'use client';
// "As of" controls: a slider over the years the network covers, a date box for an exact day,
// play (a month a step, up to today), and whether ended ties stay on the map, dashed.
import { useEffect, useState } from 'react';
import { useLatest } from '@/components/use-latest';
import { addMonths, dayNumberToIso, formatPartialDate, isoToDayNumber } from '@/lib/domain/dates';

export interface TimeControlsProps {
  /** The view's date: the address's asOf, or today. */
  asOf: string;
  /** Whether the address names a date (false means "today", following the calendar). */
  pinned: boolean;
  min: string;
  today: string;
  showEnded: boolean;
  /** undefined returns to today. */
  onDateChange: (asOf: string | undefined, how: { mode?: 'push' | 'replace'; coalesce?: string }) => void;
  onShowEndedChange: (showEnded: boolean) => void;
}

const PLAY_STEP_MS = 300;

export function TimeControls({ asOf, pinned, min, today, showEnded, onDateChange, onShowEndedChange }: TimeControlsProps) {
  const [playing, setPlaying] = useState(false);
  // The interval reads the date and callback of the latest render, so playing never restarts it.
  const latest = useLatest({ asOf, onDateChange });

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const { asOf: shown, onDateChange: change } = latest();
      const next = addMonths(shown, 1);
      if (next >= today) {
        change(undefined, { mode: 'replace' });
        setPlaying(false);
      } else {
        change(next, { mode: 'replace' });
      }
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, today, latest]);

  function togglePlay() {
    if (playing) {
      setPlaying(false);
      return;
    }
    // From the start when already at today; each run of play is one history entry.
    onDateChange(asOf >= today ? min : asOf, { mode: 'push' });
    setPlaying(true);
  }

  const label = formatPartialDate({ date: asOf, precision: 'day' });
  return (
    <fieldset className="map-time">
      <legend>As of {label}{pinned ? '' : ' (today)'}</legend>
      <input
        type="range"
        aria-label="As of"
        aria-valuetext={label}
        min={isoToDayNumber(min)}
        max={isoToDayNumber(today)}
        step={1}
        value={isoToDayNumber(asOf)}
        onChange={(e) => {
          const iso = dayNumberToIso(Number(e.target.value));
          onDateChange(iso >= today ? undefined : iso, { coalesce: 'asOf' });
        }}
      />
      <div className="map-time-row">
        <input
          type="date"
          aria-label="As of date"
          min={min}
          max={today}
          value={asOf}
          onChange={(e) => {
            const iso = e.target.value;
            if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) onDateChange(iso >= today ? undefined : iso, { coalesce: 'asOf' });
          }}
        />
        <button type="button" onClick={togglePlay} aria-pressed={playing}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => onDateChange(undefined, {})} disabled={!pinned}>
          Today
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={showEnded} onChange={(e) => onShowEndedChange(e.target.checked)} /> Show ended ties (dashed)
      </label>
    </fieldset>
  );
}
