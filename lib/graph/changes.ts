// What changed between two dates: which ties began, which ended, which posts changed hands, and
// the same for actors, read as the difference between the view on the first day and the view on
// the second (sliceAt's meaning of a date, so the map's marks and the list agree with the slider).
// Pure: GET /api/graph/changes cuts the candidate rows in SQL (lib/data/network/load-changes.ts)
// and hands them here; the map marks its elements from the answer.
import { formatPartialDate, periodEnd, type PartialDate } from '../domain/dates';
import { TIE_TYPE_INFO, type ActorKind, type TieType } from '../domain/vocabulary';
import { actorNodeId } from './build-view';
import { actorEndedAt, actorNotYetAt, tieStatusAt } from './time-slice';
import type { GraphData } from './types';

export interface ChangeWindow {
  /** ISO day: the earlier view. */
  from: string;
  /** ISO day: the later view; from < to. */
  to: string;
}

export interface ChangeActor {
  slug: string;
  label: string;
  kind: ActorKind;
  start: PartialDate | null;
  end: PartialDate | null;
}

export interface ChangeTie {
  tieId: string;
  type: TieType;
  role: string;
  /** Actor slugs. */
  source: string;
  target: string;
  start: PartialDate | null;
  end: PartialDate | null;
  grade: string | null;
  claimCount: number;
}

/** How a tie stands in a view on one day: not yet there, drawn, or drawn as past. */
type Presence = 'absent' | 'active' | 'past';

export interface TieChange {
  tieId: string;
  type: TieType;
  role: string;
  source: string;
  target: string;
  start: PartialDate | null;
  end: PartialDate | null;
  grade: string | null;
  claimCount: number;
  /** The date the change happened on, as precise as it is known. */
  on: PartialDate | null;
  /**
   * False when the date's precision leaves it open whether the change fell inside the window
   * (a tie begun "2019" against a window opening in June 2019, an "as of" start, which may be older).
   */
  certain: boolean;
}

export interface PostChange extends TieChange {
  /** The tie this one took over from: the same post (type, institution, and for a position its title) ended near this one's start. */
  replaces: TieChange;
}

export interface ActorChange {
  slug: string;
  label: string;
  kind: ActorKind;
  on: PartialDate | null;
  certain: boolean;
}

export interface NetworkChanges extends ChangeWindow {
  /** Ties begun between the two dates (some may have ended again by `to`: they are in `ended` too). */
  added: TieChange[];
  /** Ties in force at `from` (or begun since) and over by `to`, because they ended or an end of theirs did. */
  ended: TieChange[];
  /** Posts that changed hands: an added tie paired with the ended one it succeeds. */
  changed: PostChange[];
  actors: { appeared: ActorChange[]; ended: ActorChange[] };
}

/** Post types whose ties succeed one another (the head of an institution, a titled position). */
const SUCCESSION_TYPES: readonly TieType[] = ['leads', 'holds_position'];
/** A successor may start this long after the predecessor's end and still be said to replace them. */
const SUCCESSION_GAP_DAYS = 366;

function presenceAt(tie: ChangeTie, source: ChangeActor, target: ChangeActor, day: string): Presence {
  if (actorNotYetAt(source, day) || actorNotYetAt(target, day)) return 'absent';
  const status = tieStatusAt(tie, day);
  if (status === 'future') return 'absent';
  return status === 'ended' || actorEndedAt(source, day) || actorEndedAt(target, day) ? 'past' : 'active';
}

/** The first and last day a start could mean; an "as of" start may lie any time before its day. */
function startDays(d: PartialDate): { first: string; last: string } {
  return d.precision === 'asof' ? { first: '', last: d.date } : { first: d.date, last: periodEnd(d) };
}

function endDays(d: PartialDate): { first: string; last: string } {
  return { first: d.date, last: periodEnd(d) };
}

/** Began after `from` and by `to` whatever day within its precision the start means. */
function startCertainlyWithin(d: PartialDate, w: ChangeWindow): boolean {
  const { first, last } = startDays(d);
  return first > w.from && last <= w.to;
}

/** Ended on or after `from` and before `to` whatever day within its precision the end means. */
function endCertainlyWithin(d: PartialDate, w: ChangeWindow): boolean {
  const { first, last } = endDays(d);
  return first >= w.from && last < w.to;
}

const latest = (dates: (PartialDate | null)[]): PartialDate | null =>
  dates.filter((d): d is PartialDate => d !== null).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0] ?? null;

/** Why a tie came into a view: its own start, or the later of its actors' starts. */
function arrival(tie: ChangeTie, source: ChangeActor, target: ChangeActor, w: ChangeWindow): { on: PartialDate | null; certain: boolean } {
  const reasons = [tie.start, source.start, target.start].filter((d): d is PartialDate => d !== null && d.date > w.from && d.date <= w.to);
  const on = latest(reasons);
  return { on, certain: on !== null && startCertainlyWithin(on, w) };
}

/** Why a tie left: its own end, or the first end of one of its actors within the window. */
function departure(tie: ChangeTie, source: ChangeActor, target: ChangeActor, w: ChangeWindow): { on: PartialDate | null; certain: boolean } {
  const reasons = [tie.end, source.end, target.end]
    .filter((d): d is PartialDate => d !== null && periodEnd(d) >= w.from && periodEnd(d) < w.to)
    .sort((a, b) => (periodEnd(a) < periodEnd(b) ? -1 : 1));
  const on = reasons[0] ?? null;
  return { on, certain: on !== null && endCertainlyWithin(on, w) };
}

const byDate = (a: { on: PartialDate | null; id: string }, b: { on: PartialDate | null; id: string }) => {
  const da = a.on?.date ?? '';
  const db = b.on?.date ?? '';
  return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/**
 * Pairs each added post with the ended one it succeeds: same type and institution (and, for a
 * position, the same title, since deputies serve side by side), a different holder, the
 * predecessor's end closest to the successor's start, within a year.
 */
export function successions(added: readonly TieChange[], ended: readonly TieChange[]): PostChange[] {
  // Ended posts by type and institution, so each new post looks only at its own institution's.
  const endedAt = new Map<string, TieChange[]>();
  for (const before of ended) {
    if (!SUCCESSION_TYPES.includes(before.type) || !before.end) continue;
    const key = `${before.type}\u0000${before.target}`;
    const list = endedAt.get(key);
    if (list) list.push(before);
    else endedAt.set(key, [before]);
  }
  const used = new Set<string>();
  const result: PostChange[] = [];
  for (const tie of added) {
    if (!SUCCESSION_TYPES.includes(tie.type) || !tie.start) continue;
    if (tie.type === 'holds_position' && !tie.role.trim()) continue;
    const startEnd = periodEnd(tie.start);
    let best: { change: TieChange; gap: number } | null = null;
    for (const before of endedAt.get(`${tie.type}\u0000${tie.target}`) ?? []) {
      if (used.has(before.tieId) || before.tieId === tie.tieId || before.source === tie.source) continue;
      if (tie.type === 'holds_position' && !sameTitle(before.role, tie.role)) continue;
      // The predecessor must not still have held the post well after the successor took it.
      if (before.end!.date > startEnd) continue;
      const gap = daysBetween(before.end!.date, tie.start.date);
      if (gap > SUCCESSION_GAP_DAYS) continue;
      if (!best || gap < best.gap) best = { change: before, gap };
    }
    if (!best) continue;
    used.add(best.change.tieId);
    result.push({ ...tie, replaces: best.change });
  }
  return result;
}

const MISSING_ACTOR: ChangeActor = { slug: '', label: '', kind: 'person', start: null, end: null };

/**
 * The difference between the view on `from` and the view on `to` over the given ties and their
 * actors (any superset of the ties that changed: a tie in force on both days, or on neither, is
 * no change and left out; the map draws those as continuing).
 */
export function diffNetwork(ties: readonly ChangeTie[], actors: readonly ChangeActor[], w: ChangeWindow): NetworkChanges {
  const actorOf = new Map(actors.map((a) => [a.slug, a]));
  const added: TieChange[] = [];
  const ended: TieChange[] = [];
  for (const tie of ties) {
    const source = actorOf.get(tie.source) ?? MISSING_ACTOR;
    const target = actorOf.get(tie.target) ?? MISSING_ACTOR;
    const before = presenceAt(tie, source, target, w.from);
    const after = presenceAt(tie, source, target, w.to);
    const base = { tieId: tie.tieId, type: tie.type, role: tie.role, source: tie.source, target: tie.target, start: tie.start, end: tie.end, grade: tie.grade, claimCount: tie.claimCount };
    if (before === 'absent' && after !== 'absent') added.push({ ...base, ...arrival(tie, source, target, w) });
    if (before !== 'past' && after === 'past') ended.push({ ...base, ...departure(tie, source, target, w) });
  }
  const sortChanges = (list: TieChange[]) => list.sort((a, b) => byDate({ on: a.on, id: a.tieId }, { on: b.on, id: b.tieId }));
  sortChanges(added);
  sortChanges(ended);

  const appeared: ActorChange[] = [];
  const gone: ActorChange[] = [];
  for (const a of actors) {
    if (a.start && actorNotYetAt(a, w.from) && !actorNotYetAt(a, w.to)) appeared.push({ slug: a.slug, label: a.label, kind: a.kind, on: a.start, certain: startCertainlyWithin(a.start, w) });
    if (a.end && !actorEndedAt(a, w.from) && actorEndedAt(a, w.to)) gone.push({ slug: a.slug, label: a.label, kind: a.kind, on: a.end, certain: endCertainlyWithin(a.end, w) });
  }
  const sortActors = (list: ActorChange[]) => list.sort((a, b) => byDate({ on: a.on, id: a.slug }, { on: b.on, id: b.slug }));
  return { ...w, added, ended, changed: successions(added, ended), actors: { appeared: sortActors(appeared), ended: sortActors(gone) } };
}

/** GET /api/graph/changes's answer: the changes and the label of every actor they name, by slug. */
export interface LabelledChanges extends NetworkChanges {
  labels: Record<string, string>;
}

/** One line of the list of changes, in the order the list shows them. */
export interface ChangeLine {
  /** Stable key: "changed:tieId", "added:tieId", "ended:tieId", "appeared:slug", "dissolved:slug". */
  key: string;
  kind: 'changed' | 'added' | 'ended' | 'appeared' | 'dissolved';
  on: PartialDate | null;
  certain: boolean;
  /** "Ivan Tertel becomes head of KGB of Belarus, replacing Valery Vakulchik". */
  text: string;
  /** The tie the line is about (the successor's for a change of post), for its link and evidence. */
  tieId?: string;
  actorSlug?: string;
  grade: string | null;
  claimCount: number;
}

function tieWords(change: TieChange, labelOf: (slug: string) => string, kind: 'added' | 'ended'): string {
  const source = labelOf(change.source);
  const target = labelOf(change.target);
  if (change.type === 'leads') return kind === 'added' ? `${source} becomes head of ${target}` : `${source} ceases to head ${target}`;
  if (change.type === 'holds_position' && change.role.trim()) {
    return kind === 'added' ? `${source} becomes ${change.role.trim()} of ${target}` : `${source} leaves the post of ${change.role.trim()} of ${target}`;
  }
  const tie = `${source} ${TIE_TYPE_INFO[change.type].label} ${target}`;
  return kind === 'added' ? `New: ${tie}` : `Ended: ${tie}`;
}

/**
 * The changes as lines in date order: a change of post is one line ("X becomes head of Z,
 * replacing Y") instead of an ended and an added one; the rest one line each.
 */
export function changeLines(changes: NetworkChanges, labelOf: (slug: string) => string): ChangeLine[] {
  const paired = new Set<string>();
  const lines: ChangeLine[] = [];
  for (const c of changes.changed) {
    paired.add(c.tieId);
    paired.add(c.replaces.tieId);
    lines.push({
      key: `changed:${c.tieId}`, kind: 'changed', on: c.on, certain: c.certain, tieId: c.tieId, grade: c.grade, claimCount: c.claimCount,
      text: `${tieWords(c, labelOf, 'added')}, replacing ${labelOf(c.replaces.source)}`,
    });
  }
  for (const c of changes.added) {
    if (paired.has(c.tieId)) continue;
    lines.push({ key: `added:${c.tieId}`, kind: 'added', on: c.on, certain: c.certain, tieId: c.tieId, grade: c.grade, claimCount: c.claimCount, text: tieWords(c, labelOf, 'added') });
  }
  for (const c of changes.ended) {
    if (paired.has(c.tieId)) continue;
    lines.push({ key: `ended:${c.tieId}`, kind: 'ended', on: c.on, certain: c.certain, tieId: c.tieId, grade: c.grade, claimCount: c.claimCount, text: tieWords(c, labelOf, 'ended') });
  }
  for (const a of changes.actors.appeared) {
    lines.push({ key: `appeared:${a.slug}`, kind: 'appeared', on: a.on, certain: a.certain, actorSlug: a.slug, grade: null, claimCount: 0, text: `${a.label} ${a.kind === 'person' ? 'is born' : 'begins'}` });
  }
  for (const a of changes.actors.ended) {
    lines.push({ key: `dissolved:${a.slug}`, kind: 'dissolved', on: a.on, certain: a.certain, actorSlug: a.slug, grade: null, claimCount: 0, text: `${a.label} ${a.kind === 'person' ? 'dies' : 'ends'}` });
  }
  return lines.sort((a, b) => byDate({ on: a.on, id: a.key }, { on: b.on, id: b.key }));
}

/** "3 Sep 2020: Ivan Tertel becomes head of KGB of Belarus, replacing Valery Vakulchik — C1, 2 claims". */
export function changeLineText(line: ChangeLine): string {
  const evidence = line.tieId === undefined ? '' : ` — ${line.grade ?? 'ungraded'}, ${line.claimCount} ${line.claimCount === 1 ? 'claim' : 'claims'}`;
  return `${formatPartialDate(line.on)}: ${line.text}${line.certain ? '' : ' (possibly outside the period: the date is imprecise)'}${evidence}`;
}

/** A drawn network as diffNetwork reads it: its ties and actors by slug. */
export function changeInputOf(graph: GraphData): { ties: ChangeTie[]; actors: ChangeActor[] } {
  const slug = (id: string) => id.slice('actor:'.length);
  return {
    ties: graph.edges.map((e) => ({ tieId: e.tieId, type: e.type, role: e.role, source: slug(e.source), target: slug(e.target), start: e.start, end: e.end, grade: e.grade, claimCount: e.claimCount })),
    actors: graph.nodes.map((n) => ({ slug: n.slug, label: n.label, kind: n.kind, start: n.start, end: n.end })),
  };
}

/** The element ids (`tie:…`, `actor:…`) a comparison marks new and gone, as the map and embeds draw them. */
export function changeMarkIds(changes: Pick<NetworkChanges, 'added' | 'ended' | 'actors'>): { added: Set<string>; ended: Set<string> } {
  return {
    added: new Set([...changes.added.map((c) => `tie:${c.tieId}`), ...changes.actors.appeared.map((a) => actorNodeId(a.slug))]),
    ended: new Set([...changes.ended.map((c) => `tie:${c.tieId}`), ...changes.actors.ended.map((a) => actorNodeId(a.slug))]),
  };
}
