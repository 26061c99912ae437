'use client';
// "As of" controls: a slider over the years the network covers, a date box for an exact day,
// play, and whether ended ties stay on the map, dashed. Play runs from the first dated tie in
// view to the last (or between the compared dates), a month or a year a step at the chosen speed,
// tells the map each step so it can mark what changed, and stops at the end.
import { useEffect, useRef, useState } from 'react';
import { useLatest } from '@/components/use-latest';
import { addMonths, dayNumberToIso, formatPartialDate, isoToDayNumber } from '@/lib/domain/dates';

export type PlayStep = 'month' | 'year';

export const PLAY_SPEEDS = { slow: 900, normal: 400, fast: 150 } as const;
export type PlaySpeed = keyof typeof PLAY_SPEEDS;

export interface PlayRange {
  from: string;
  to: string;
}

export interface TimeControlsProps {
  /** The view's date: the address's asOf, or today. */
  asOf: string;
  /** Whether the address names a date (false means "today", following the calendar). */
  pinned: boolean;
  min: string;
  today: string;
  showEnded: boolean;
  /** Where play runs: the first to the last dated tie in view, or the compared dates. */
  playRange: PlayRange;
  /** undefined returns to today. */
  onDateChange: (asOf: string | undefined, how: { mode?: 'push' | 'replace'; coalesce?: string }) => void;
  onShowEndedChange: (showEnded: boolean) => void;
  /** Each step of play, from the day shown before to the day shown now; null when play stops. */
  onPlayStep?: (step: PlayRange | null) => void;
  /**
   * The map is still fetching the day play asked for (a large network's overview comes from the
   * server a date at a time): play waits for it, so each step is drawn and none is fetched for nothing.
   */
  waiting?: boolean;
}

/** The next day play shows after `day`, never past the end. */
export function nextPlayDay(day: string, step: PlayStep, end: string): string {
  const next = addMonths(day, step === 'year' ? 12 : 1);
  return next > end ? end : next;
}

export function TimeControls({ asOf, pinned, min, today, showEnded, playRange, onDateChange, onShowEndedChange, onPlayStep, waiting = false }: TimeControlsProps) {
  const [playing, setPlaying] = useState(false);
  const [step, setStep] = useState<PlayStep>('month');
  const [speed, setSpeed] = useState<PlaySpeed>('normal');
  // The range of the run under way: starting play may change what the map shows (a comparison ends).
  const run = useRef<PlayRange>(playRange);
  // The interval reads the date and callbacks of the latest render, so playing never restarts it.
  const latest = useLatest({ asOf, onDateChange, onPlayStep, step, waiting });

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const { asOf: shown, onDateChange: change, onPlayStep: stepped, step: by, waiting: fetching } = latest();
      // The last step is not drawn yet: the next one would cancel its fetch and show nothing.
      if (fetching) return;
      const end = run.current.to;
      // A tick that comes before the stop has rendered must not step again (and clear the last step's marks).
      if (shown >= end) {
        setPlaying(false);
        return;
      }
      const next = nextPlayDay(shown, by, end);
      change(next >= today ? undefined : next, { mode: 'replace' });
      stepped?.({ from: shown, to: next });
      if (next >= end) setPlaying(false);
    }, PLAY_SPEEDS[speed]);
    return () => clearInterval(timer);
  }, [playing, today, latest, speed]);

  function togglePlay() {
    if (playing) {
      setPlaying(false);
      return;
    }
    run.current = playRange;
    // From the start unless paused inside the range; each run of play is one history entry.
    const start = asOf >= playRange.from && asOf < playRange.to ? asOf : playRange.from;
    onDateChange(start, { mode: 'push' });
    onPlayStep?.(null);
    setPlaying(true);
  }

  const label = formatPartialDate({ date: asOf, precision: 'day' });
  const rangeLabel = `${formatPartialDate({ date: playRange.from, precision: 'day' })} to ${formatPartialDate({ date: playRange.to, precision: 'day' })}`;
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
        <button type="button" onClick={togglePlay} aria-pressed={playing} disabled={!playing && playRange.from >= playRange.to}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => onDateChange(undefined, {})} disabled={!pinned}>
          Today
        </button>
      </div>
      <div className="map-time-row">
        <label>
          Step{' '}
          <select aria-label="Play step" value={step} onChange={(e) => setStep(e.target.value as PlayStep)}>
            <option value="month">a month</option>
            <option value="year">a year</option>
          </select>
        </label>
        <label>
          Speed{' '}
          <select aria-label="Play speed" value={speed} onChange={(e) => setSpeed(e.target.value as PlaySpeed)}>
            <option value="slow">slow</option>
            <option value="normal">normal</option>
            <option value="fast">fast</option>
          </select>
        </label>
      </div>
      <p className="muted">Play runs from {rangeLabel}.</p>
      <label className="check">
        <input type="checkbox" checked={showEnded} onChange={(e) => onShowEndedChange(e.target.checked)} /> Show ended ties (dashed)
      </label>
    </fieldset>
  );
}
