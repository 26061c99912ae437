// Whether a tie holds on a day, in the three words the profile, tie and source pages use.
import { actorEndedAt, tieStatusAt, type Dated } from './time-slice';
import type { PartialDate } from '../domain/dates';

/** "past" when the tie ended or either actor has died or dissolved, as the map's time slice reads it. */
export type TieTimeStatus = 'current' | 'past' | 'future';

export const TIE_STATUS_LABELS: Record<TieTimeStatus, string> = {
  current: 'Current',
  past: 'Ended',
  future: 'Not yet begun',
};

/** The same reading as sliceAt in ./time-slice, for one tie and the ends of its two actors. */
export function tieTimeStatus(tie: Dated, actorEnds: readonly (PartialDate | null)[], asOf: string): TieTimeStatus {
  const status = tieStatusAt(tie, asOf);
  if (status === 'future') return 'future';
  const actorGone = actorEnds.some((end) => actorEndedAt({ end }, asOf));
  return status === 'ended' || actorGone ? 'past' : 'current';
}
