import { describeGrade, reliabilityLabel } from '../lib/domain/grade';
// Admiralty grade badges ("B2", reliability "C") and the marker for ties whose claims disagree.

/** A tie's or claim's grade, like "B2"; an ungraded tie (no supporting claim) says so. */
export function GradeBadge({ grade }: { grade: string | null }) {
  if (!grade) return <span className="badge muted" title="No claim supports this tie">ungraded</span>;
  return (
    <span className="badge badge-grade" title={describeGrade(grade)}>
      <span className="visually-hidden">grade </span>
      {grade}
    </span>
  );
}

/** A source's reliability letter, A (completely reliable) to F (cannot be judged). */
export function ReliabilityBadge({ reliability, long = false }: { reliability: string; long?: boolean }) {
  return (
    <span className="badge badge-grade" title={`Reliability ${reliability}: ${reliabilityLabel(reliability)}`}>
      <span className="visually-hidden">reliability </span>
      {reliability}
      {long ? ` · ${reliabilityLabel(reliability)}` : null}
    </span>
  );
}

export function DisputedBadge({ title = 'The sources behind this tie disagree' }: { title?: string }) {
  return (
    <span className="badge badge-disputed" title={title}>
      Disputed
    </span>
  );
}
