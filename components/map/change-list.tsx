'use client';
// The changes between the compared dates in words, in date order: "3 Sep 2020: Ivan Tertel
// becomes head of KGB of Belarus, replacing Valery Vakulchik — C1, 2 claims", each linked to its
// tie and the claims behind it. Long lists show their first lines and say how many follow.
import Link from 'next/link';
import { useMemo } from 'react';
import { changeLines, type LabelledChanges } from '@/lib/graph/changes';
import { formatPartialDate } from '@/lib/domain/dates';
import { CHANGE_COLOURS } from '@/components/graph/graph-style';

const SHOWN_LINES = 300;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface ChangeListProps {
  changes: LabelledChanges | null;
  error: string | null;
  onSelect: (elementId: string) => void;
}

export function ChangeList({ changes, error, onSelect }: ChangeListProps) {
  const lines = useMemo(() => (changes ? changeLines(changes, (slug) => changes.labels[slug] ?? slug) : []), [changes]);
  const from = changes ? formatPartialDate({ date: changes.from, precision: 'day' }) : '';
  const to = changes ? formatPartialDate({ date: changes.to, precision: 'day' }) : '';
  return (
    <section className="map-changes" aria-labelledby="changes-heading">
      <h2 id="changes-heading">{changes ? `What changed from ${from} to ${to}` : 'What changed'}</h2>
      {error && <p role="alert">Could not load the changes: {error}</p>}
      {!changes && !error && <p className="muted" aria-busy="true">Comparing…</p>}
      {changes && (
        <>
          <p className="muted">
            {plural(changes.added.length, 'tie begun', 'ties begun')}, {plural(changes.ended.length, 'tie ended', 'ties ended')},{' '}
            {plural(changes.changed.length, 'post changed hands', 'posts changed hands')}.
          </p>
          <ul className="map-legend-inline" aria-label="Marks of the comparison">
            <li><span className="change-swatch" style={{ background: CHANGE_COLOURS.new }} aria-hidden="true" /> New: begun between the dates</li>
            <li><span className="change-swatch" style={{ background: CHANGE_COLOURS.gone }} aria-hidden="true" /> Gone: over by {to}</li>
            <li><span className="change-swatch change-swatch-faded" aria-hidden="true" /> Faded: continuing</li>
          </ul>
          {lines.length === 0 ? (
            <p>Nothing in this view began or ended between the two dates.</p>
          ) : (
            <ol className="change-lines" aria-label="Changes in date order">
              {lines.slice(0, SHOWN_LINES).map((line) => (
                <li key={line.key} className={`change-line change-${line.kind}`}>
                  <time dateTime={line.on?.date}>{formatPartialDate(line.on)}</time>:{' '}
                  <button type="button" className="link-button" onClick={() => onSelect(line.tieId ? `tie:${line.tieId}` : `actor:${line.actorSlug}`)}>
                    {line.text}
                  </button>
                  {!line.certain && <span className="muted"> (possibly outside the period: the date is imprecise)</span>}
                  {line.tieId && (
                    <>
                      {' — '}
                      <Link href={`/ties/${line.tieId}#claims`}>
                        {line.grade ?? 'ungraded'}, {plural(line.claimCount, 'claim', 'claims')}
                      </Link>{' '}
                      <Link href={`/ties/${line.tieId}`} className="muted">
                        (tie)
                      </Link>
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
          {lines.length > SHOWN_LINES && <p className="muted">and {lines.length - SHOWN_LINES} more; narrow the filters or focus on an actor to see them.</p>}
        </>
      )}
    </section>
  );
}
