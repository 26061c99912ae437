// The timeline (Gantt) view: rows of bars from a tie's start to its end, grouped by the post they
// fill ("Heads of KGB of Belarus": Zaitsev, Vakulchik, Tertel in the order they served) or one row
// per actor. Pure: what a bar means in days, drawn as honestly as its dates are known (a start
// known to the year fades in across that year; an "as of" date is a point with an open side; an
// open end runs to today), and the words each bar is read by. /timeline reads its page of ties
// through lib/data/network/load-timeline.ts; the profile's "Posts held" draws the same component.
import { dayNumberToIso, formatPeriod, isoToDayNumber, periodEnd, type PartialDate } from '../domain/dates';
import { TIE_TYPE_INFO, type TieType } from '../domain/vocabulary';
import { compareText } from './adjacency';
import { postNeighbours } from './post-successions';

/** Rows per post (grouped by institution and post) or per actor (each of its ties a bar). */
export const TIMELINE_ROWS = ['post', 'actor'] as const;
export type TimelineRowsMode = (typeof TIMELINE_ROWS)[number];

export interface TimelineActor {
  slug: string;
  label: string;
}

/** What one source says about a disputed tie's dates. */
export interface DateVersion {
  start: PartialDate | null;
  end: PartialDate | null;
  /** Titles of the sources that give these dates. */
  sources: string[];
}

export interface TimelineTie {
  tieId: string;
  type: TieType;
  role: string;
  source: TimelineActor;
  target: TimelineActor;
  start: PartialDate | null;
  end: PartialDate | null;
  grade: string | null;
  disputed: boolean;
  /** A disputed tie's differing versions of its dates, one per distinct pair of stated dates. */
  versions: DateVersion[];
}

/** A span of days [from, to): `to` is the day after the last. */
export interface DaySpan {
  from: number;
  to: number;
}

/** A bar in day numbers (days since 1970-01-01). */
export interface BarShape {
  /** The whole extent drawn, fades included. */
  from: number;
  to: number;
  /** The start is known only to its month or year: the bar fades in across that period. */
  fadeIn: DaySpan | null;
  /** The end is known only to its month or year: the bar fades out across that period. */
  fadeOut: DaySpan | null;
  /** The start is an "as of" date (begun by then, perhaps long before) or unknown: open on the left. */
  openStart: boolean;
  /** No end (runs to today and on) or an "as of" end (still held then, perhaps later): open on the right. */
  openEnd: boolean;
  /** Day numbers of "as of" dates, drawn as points. */
  points: number[];
}

const dayAfter = (iso: string) => isoToDayNumber(iso) + 1;

/**
 * How a tie's dates are drawn, up to `today` (an ISO day). A start "2020" fades in over 2020; a
 * start "as of 12 Mar 2021" is a point on that day with the left side open; no start is open on
 * the left from the first day anything is known (the end, or today). An end "Nov 2012" fades out
 * over November; no end runs to today, open on the right; an "as of" end is a point, open after.
 */
export function barShape(start: PartialDate | null, end: PartialDate | null, today: string): BarShape {
  const points: number[] = [];
  let from: number;
  let fadeIn: DaySpan | null = null;
  let openStart = false;
  if (!start) {
    openStart = true;
    from = end ? isoToDayNumber(end.date) : isoToDayNumber(today);
  } else if (start.precision === 'asof') {
    openStart = true;
    from = isoToDayNumber(start.date);
    points.push(from);
  } else {
    from = isoToDayNumber(start.date);
    if (start.precision !== 'day') fadeIn = { from, to: dayAfter(periodEnd(start)) };
  }

  let to: number;
  let fadeOut: DaySpan | null = null;
  let openEnd = false;
  if (!end) {
    openEnd = true;
    to = Math.max(dayAfter(today), from + 1);
  } else if (end.precision === 'asof') {
    openEnd = true;
    to = dayAfter(end.date);
    points.push(isoToDayNumber(end.date));
  } else {
    to = dayAfter(periodEnd(end));
    if (end.precision !== 'day') fadeOut = { from: isoToDayNumber(end.date), to };
  }
  // Dates out of order (an end recorded before the start) still draw as one day, never backwards.
  if (to <= from) to = from + 1;
  if (fadeIn) fadeIn.to = Math.min(fadeIn.to, to);
  if (fadeOut) fadeOut.from = Math.max(fadeOut.from, from);
  // A start and an end within one imprecise period: each fade takes its half.
  if (fadeIn && fadeOut && fadeIn.to > fadeOut.from) {
    const middle = Math.floor((Math.max(fadeIn.from, fadeOut.from) + Math.min(fadeIn.to, fadeOut.to)) / 2);
    fadeIn.to = Math.max(fadeIn.from, middle);
    fadeOut.from = Math.min(fadeOut.to, middle);
  }
  return { from, to, fadeIn, fadeOut, openStart, openEnd, points };
}

export interface TimelineBar {
  tie: TimelineTie;
  shape: BarShape;
  /** The other dates sources give a disputed tie, drawn as thin bars beneath. */
  versions: { version: DateVersion; shape: BarShape; text: string }[];
  /** "Valery Vakulchik leads KGB of Belarus (Chairman), Nov 2012 – 3 Sep 2020, B2; after Vadim Zaitsev; before Ivan Tertel". */
  text: string;
  /** Who held the post just before and after (succession, lib/graph/post-successions.ts), among the ties drawn. */
  predecessor?: TimelineActor;
  successor?: TimelineActor;
}

export interface TimelineRow {
  key: string;
  /** Who the row is about: the holder of a post, or the actor of an actor row. */
  actor: TimelineActor;
  /** The row's name when it is not the actor's (a profile's row names the post). */
  label?: string;
  /** Where the row's name links, when not to the actor's profile. */
  href?: string;
  bars: TimelineBar[];
}

export interface TimelineGroup {
  key: string;
  /** "Heads of KGB of Belarus", "Deputy Chairman, KGB of Belarus"; empty for actor rows. */
  title: string;
  /** The institution a post group belongs to. */
  institution: TimelineActor | null;
  rows: TimelineRow[];
  /** Ties in the group beyond those drawn (a page draws at most so many per group). */
  more: number;
}

/**
 * A post: the same type into the same institution, and but for `leads` the same title (deputies
 * serve beside the chair). The title as written, so the database groups by the same key.
 */
export function postKey(tie: { type: string; role: string; target: { slug: string } }): string {
  return `${tie.target.slug}\u0000${tie.type}\u0000${tie.type === 'leads' ? '' : tie.role}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The heading of a post's group. */
export function postTitle(tie: Pick<TimelineTie, 'type' | 'role' | 'target'>): string {
  const role = tie.role.trim();
  if (tie.type === 'leads') return `Heads of ${tie.target.label}`;
  if (role) return `${capitalise(role)}, ${tie.target.label}`;
  if (tie.type === 'holds_position') return `Posts in ${tie.target.label}`;
  if (tie.type === 'represents') return `Representatives of ${tie.target.label}`;
  return `${capitalise(TIE_TYPE_INFO[tie.type].label)} ${tie.target.label}`;
}

function versionText(v: DateVersion): string {
  return `${formatPeriod(v.start, v.end, { current: false })} according to ${v.sources.join('; ')}`;
}

/** The bar in words, for its title and its link's accessible name. */
export function barText(tie: TimelineTie): string {
  const role = tie.role.trim() ? ` (${tie.role.trim()})` : '';
  const base = `${tie.source.label} ${TIE_TYPE_INFO[tie.type].label} ${tie.target.label}${role}, ${formatPeriod(tie.start, tie.end)}, ${tie.grade ?? 'ungraded'}`;
  if (!tie.disputed) return base;
  if (tie.versions.length === 0) return `${base}; disputed`;
  return `${base}; disputed: ${tie.versions.map(versionText).join('; ')}`;
}

function toBar(tie: TimelineTie, today: string): TimelineBar {
  return {
    tie,
    shape: barShape(tie.start, tie.end, today),
    versions: tie.versions.map((version) => ({ version, shape: barShape(version.start, version.end, today), text: versionText(version) })),
    text: barText(tie),
  };
}

/** Earliest start first (an undated start last), then tie id, so holders read in the order they served. */
export function compareTimelineTies(a: Pick<TimelineTie, 'start' | 'tieId'>, b: Pick<TimelineTie, 'start' | 'tieId'>): number {
  const sa = a.start?.date ?? '\uffff';
  const sb = b.start?.date ?? '\uffff';
  return sa < sb ? -1 : sa > sb ? 1 : compareText(a.tieId, b.tieId);
}

/**
 * Groups ties by post, each holder a row in the order they first held it (a holder who served
 * twice is one row with two bars). Groups come in the order of `order` (post keys), or by title.
 */
export function groupByPost(ties: readonly TimelineTie[], today: string, more: ReadonlyMap<string, number> = new Map(), order?: readonly string[]): TimelineGroup[] {
  const groups = new Map<string, TimelineGroup>();
  for (const tie of [...ties].sort(compareTimelineTies)) {
    const key = postKey(tie);
    let group = groups.get(key);
    if (!group) {
      group = { key, title: postTitle(tie), institution: tie.target, rows: [], more: more.get(key) ?? 0 };
      groups.set(key, group);
    }
    let row = group.rows.find((r) => r.actor.slug === tie.source.slug);
    if (!row) {
      row = { key: `${key}\u0000${tie.source.slug}`, actor: tie.source, bars: [] };
      group.rows.push(row);
    }
    row.bars.push(toBar(tie, today));
  }
  const list = [...groups.values()];
  for (const group of list) markSuccessions(group);
  if (order) {
    const rank = new Map(order.map((k, i) => [k, i]));
    return list.sort((a, b) => (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) || compareText(a.title, b.title));
  }
  return list.sort((a, b) => compareText(a.title, b.title) || compareText(a.key, b.key));
}

/** Names each bar's predecessor and successor in its post, by the one definition of succession the profile and the comparison use. */
function markSuccessions(group: TimelineGroup): void {
  const bars = group.rows.flatMap((r) => r.bars);
  const byTie = new Map(bars.map((b) => [b.tie.tieId, b]));
  const neighbours = postNeighbours(bars.map((b) => ({ tieId: b.tie.tieId, type: b.tie.type, role: b.tie.role, source: b.tie.source.slug, target: b.tie.target.slug, start: b.tie.start, end: b.tie.end })));
  for (const [tieId, n] of neighbours) {
    const bar = byTie.get(tieId)!;
    if (n.predecessor) bar.predecessor = byTie.get(n.predecessor.tieId)!.tie.source;
    if (n.successor) bar.successor = byTie.get(n.successor.tieId)!.tie.source;
    bar.text += `${bar.predecessor ? `; after ${bar.predecessor.label}` : ''}${bar.successor ? `; before ${bar.successor.label}` : ''}`;
  }
}

/** One row per actor (the tie's source: who holds, leads, belongs), bars in date order; rows in the order of `order` (slugs), or by name. */
export function groupByActor(ties: readonly TimelineTie[], today: string, order?: readonly string[]): TimelineGroup {
  const rows = new Map<string, TimelineRow>();
  for (const tie of [...ties].sort(compareTimelineTies)) {
    let row = rows.get(tie.source.slug);
    if (!row) {
      row = { key: tie.source.slug, actor: tie.source, bars: [] };
      rows.set(tie.source.slug, row);
    }
    row.bars.push(toBar(tie, today));
  }
  const list = [...rows.values()];
  const rank = order ? new Map(order.map((k, i) => [k, i])) : null;
  list.sort((a, b) => (rank ? (rank.get(a.actor.slug) ?? Infinity) - (rank.get(b.actor.slug) ?? Infinity) : 0) || compareText(a.actor.label, b.actor.label) || compareText(a.key, b.key));
  return { key: 'actors', title: '', institution: null, rows: list, more: 0 };
}

/**
 * One actor's posts as rows, one row per post (a post held twice is one row with two bars),
 * named "Chairman, KGB of Belarus" and linked to the institution: the profile's "Posts held".
 */
export function postRows(ties: readonly TimelineTie[], today: string): TimelineGroup {
  const rows = new Map<string, TimelineRow>();
  for (const tie of [...ties].sort(compareTimelineTies)) {
    const key = postKey(tie);
    let row = rows.get(key);
    if (!row) {
      const role = tie.role.trim();
      const label = role ? `${capitalise(role)}, ${tie.target.label}` : `${capitalise(TIE_TYPE_INFO[tie.type].label)} ${tie.target.label}`;
      row = { key, actor: tie.target, label, bars: [] };
      rows.set(key, row);
    }
    row.bars.push(toBar(tie, today));
  }
  return { key: 'posts', title: '', institution: null, rows: [...rows.values()], more: 0 };
}

export interface TimelineAxis {
  /** Day numbers: the first day drawn and the day after the last. */
  from: number;
  to: number;
  /** First days of the years marked, with their labels. */
  ticks: { day: number; label: string }[];
}

/**
 * The span the bars need, whole years from the first year anything starts (fades, versions and
 * the cursor included) to the end of today's year, with at most about a dozen year marks.
 */
export function timelineAxis(groups: readonly TimelineGroup[], today: string, cursor?: string): TimelineAxis {
  let first = isoToDayNumber(today);
  let last = dayAfter(today);
  const take = (s: BarShape) => {
    first = Math.min(first, s.from);
    last = Math.max(last, s.to);
  };
  for (const g of groups) for (const r of g.rows) for (const b of r.bars) {
    take(b.shape);
    for (const v of b.versions) take(v.shape);
  }
  if (cursor) {
    first = Math.min(first, isoToDayNumber(cursor));
    last = Math.max(last, dayAfter(cursor));
  }
  const firstYear = Number(dayNumberToIso(first).slice(0, 4));
  const lastYear = Number(dayNumberToIso(last - 1).slice(0, 4));
  const years = lastYear - firstYear + 1;
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => years / s <= 12) ?? Math.ceil(years / 12);
  const ticks: TimelineAxis['ticks'] = [];
  for (let y = Math.ceil(firstYear / step) * step; y <= lastYear; y += step) ticks.push({ day: isoToDayNumber(`${String(y).padStart(4, '0')}-01-01`), label: String(y) });
  return { from: isoToDayNumber(`${String(firstYear).padStart(4, '0')}-01-01`), to: isoToDayNumber(`${String(lastYear + 1).padStart(4, '0')}-01-01`), ticks };
}

/** Where a day falls across `width`, as a number from 0 to width. */
export function dayToX(day: number, axis: TimelineAxis, width: number): number {
  const span = Math.max(1, axis.to - axis.from);
  return Math.max(0, Math.min(width, ((day - axis.from) / span) * width));
}

/**
 * The differing versions of a disputed tie's dates among its supporting claims: one per distinct
 * pair of dates, naming the sources that give it. A claim that states one side only is read with
 * the tie's own date for the other (it says nothing against it); a claim that states no date says
 * nothing about when. Fewer than two versions is no dispute of dates, and nothing to draw.
 */
export function dateVersions(
  claims: readonly { start: PartialDate | null; end: PartialDate | null; source: string }[],
  own: { start: PartialDate | null; end: PartialDate | null },
): DateVersion[] {
  const byDates = new Map<string, DateVersion>();
  for (const c of claims) {
    if (!c.start && !c.end) continue;
    const start = c.start ?? own.start;
    const end = c.end ?? own.end;
    const key = `${start?.date}/${start?.precision}|${end?.date}/${end?.precision}`;
    const v = byDates.get(key);
    if (v) {
      if (!v.sources.includes(c.source)) v.sources.push(c.source);
    } else byDates.set(key, { start, end, sources: [c.source] });
  }
  const list = [...byDates.values()].sort((a, b) => compareText(a.start?.date ?? '', b.start?.date ?? '') || compareText(a.end?.date ?? '', b.end?.date ?? ''));
  return list.length > 1 ? list : [];
}
