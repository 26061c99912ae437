// How history reads: when a change was made and what kind of change it was. Pure string work in
// UTC, so a page renders the same on the server and in any browser.
import type { ChangeType } from './work-diff';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "27 Nov 2025, 13:02 UTC" from an ISO timestamp. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

export const ACTION_LABELS: Record<string, string> = {
  create: 'created',
  update: 'edited',
  delete: 'deleted',
  restore: 'restored',
  // A view's or story's embed, put up (or up again) and taken down.
  publish: 'published',
  unpublish: 'unpublished',
};

export const TYPE_LABELS: Record<ChangeType, string> = {
  actor: 'Actor',
  tie: 'Tie',
  claim: 'Claim',
  source: 'Source',
  note: 'Note',
  view: 'Saved view',
  story: 'Story',
  layout: 'Layout of',
};

/** The filters of /history name kinds of record in the plural. */
export const TYPE_PLURALS: Record<ChangeType, string> = {
  actor: 'Actors',
  tie: 'Ties',
  claim: 'Claims',
  source: 'Sources',
  note: 'Notes',
  view: 'Saved views',
  story: 'Stories',
  layout: 'Layouts',
};

/** The first words of a long text, for labelling claims and notes. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
