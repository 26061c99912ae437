'use client';
// How far an import has got: one bar for the whole file, and a line per kind of record (records
// compared and, where changed, written, of all of that kind in the file). It stays after the
// import, showing what was done.
import { IMPORT_STEPS, type ImportProgress } from '@/lib/validation/import-file';
import styles from '../editing/editing.module.css';
import type { ImportUploadState, ProgressByStep } from './use-import-upload';

const STEP_LABELS: Record<ImportProgress['step'], string> = {
  sources: 'Sources',
  actors: 'Actors',
  ties: 'Ties',
  claims: 'Claims',
  summaries: 'Tie summaries brought up to date',
};

const count = (n: number) => n.toLocaleString('en');

function totals(progress: ProgressByStep) {
  let done = 0;
  let total = 0;
  for (const step of IMPORT_STEPS) {
    done += progress[step]?.done ?? 0;
    total += progress[step]?.total ?? 0;
  }
  return { done, total };
}

function headline(state: ImportUploadState, progress: ProgressByStep): string {
  const { done, total } = totals(progress);
  switch (state.status) {
    case 'sending':
      return 'Sending and checking the file…';
    case 'writing': {
      const current = [...IMPORT_STEPS, 'summaries' as const].find((s) => progress[s] && progress[s]!.done < progress[s]!.total);
      return current ? `Importing ${STEP_LABELS[current].toLowerCase()}: ${count(done)} of ${count(total)} records` : 'Saving…';
    }
    case 'saved':
      return `Done: ${count(total)} records compared in ${state.seconds.toFixed(1)} s`;
    default:
      return `Stopped after ${count(done)} of ${count(total)} records: nothing was imported`;
  }
}

export function ImportProgressPanel({ state }: { state: ImportUploadState }) {
  const progress: ProgressByStep = 'progress' in state ? (state.progress ?? {}) : {};
  const { done, total } = totals(progress);
  const steps = [...IMPORT_STEPS, 'summaries' as const].filter((s) => progress[s] && (s !== 'summaries' || progress[s]!.total > 0));
  return (
    <section aria-label="Import progress" className={styles.panel}>
      {/* No value while sending: an indeterminate bar, since nothing can be counted yet. */}
      <progress aria-label="Records imported" max={total || 1} value={state.status === 'sending' ? undefined : done} style={{ width: '100%' }} />
      <p aria-live="polite" style={{ margin: '0.4rem 0' }}>
        {headline(state, progress)}
      </p>
      {steps.length ? (
        <ul aria-label="Records by kind">
          {steps.map((s) => (
            <li key={s}>
              {STEP_LABELS[s]}: {count(progress[s]!.done)} of {count(progress[s]!.total)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
