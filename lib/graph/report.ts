// What a report-ready export says beside the picture (the map's PNG, SVG and PDF, and the CSV
// appendix): the title, the date line, a one-line summary of the filters, the attribution line and
// the rows of the ties in view. Pure, so the words are the same in every format and tested once.
import { formatPartialDate, type PartialDate } from '../domain/dates';
import { compareGrades, isGrade } from '../domain/grade';
import { russianBgnPcgn } from '../domain/transliteration/russian';
import { ACTOR_KIND_LABELS, FACTION_LABELS, TIE_TYPE_INFO } from '../domain/vocabulary';
import type { GraphQuery, GraphView } from './types';

/** The print scales offered for a PNG; 2× is a screen's retina, 4× a printed page. */
export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];
/** No side of an exported image grows past this many pixels (a browser canvas's safe limit). */
export const MAX_EXPORT_SIDE = 8000;

/** The scale actually used: the one chosen, lowered so that neither side passes MAX_EXPORT_SIDE. */
export function boundedScale(scale: number, width: number, height: number): number {
  const longest = Math.max(width, height, 1);
  return Math.max(0.1, Math.min(scale, MAX_EXPORT_SIDE / longest));
}

const day = (iso: string) => formatPartialDate({ date: iso, precision: 'day' });

export interface ReportDates {
  asOf: string;
  /** Two dates compared: the picture shows the later, marking what changed since the earlier. */
  compare?: { from: string; to: string };
  /** The knowledge date: only what sources had published by then. */
  known?: string;
}

/** "As of 9 Aug 2020", or "Changes from 1 Jan 2019 to 9 Aug 2020", plus the knowledge date. */
export function dateLine({ asOf, compare, known }: ReportDates): string {
  const main = compare ? `Changes from ${day(compare.from)} to ${day(compare.to)}` : `As of ${day(asOf)}`;
  return known ? `${main}, as known on ${day(known)}` : main;
}

export interface FilterNames {
  /** The focused actor's name, when the view is a neighbourhood. */
  focus?: string;
  /** The traced path's ends' names. */
  path?: [string, string];
  /** An overview's open group, in words. */
  group?: string;
}

const list = (items: readonly string[]) => items.join(', ');

/** One line: every filter that narrows the view, in the map's words; "No filters" when none does. */
export function filterSummary(query: GraphQuery, names: FilterNames = {}): string {
  const parts: string[] = [];
  if (query.focus) parts.push(`within ${query.hops} ${query.hops === 1 ? 'hop' : 'hops'} of ${names.focus ?? query.focus}`);
  if (names.path) parts.push(`path from ${names.path[0]} to ${names.path[1]}`);
  if (names.group) parts.push(`group ${names.group}`);
  if (query.kinds?.length) parts.push(`kinds: ${list(query.kinds.map((k) => ACTOR_KIND_LABELS[k]))}`);
  if (query.factions?.length) parts.push(`factions: ${list(query.factions.map((f) => FACTION_LABELS[f]))}`);
  if (query.types?.length) parts.push(`ties: ${list(query.types.map((t) => TIE_TYPE_INFO[t].label))}`);
  if (query.minGrade) parts.push(`graded ${query.minGrade} or better`);
  // Ended ties are shown (dashed) unless the address hides them.
  if (!query.showEnded) parts.push('ended ties hidden');
  return parts.length ? `Filters: ${parts.join('; ')}` : 'No filters: every actor and tie of the date';
}

export interface GradeCount {
  grade: string;
  count: number;
}

/** How many ties in view carry each best grade, best first, and how many have no supporting claim. */
export function gradeTally(edges: readonly { grade: string | null }[]): { graded: GradeCount[]; ungraded: number } {
  const counts = new Map<string, number>();
  let ungraded = 0;
  for (const { grade } of edges) {
    if (grade && isGrade(grade)) counts.set(grade, (counts.get(grade) ?? 0) + 1);
    else ungraded += 1;
  }
  const graded = [...counts].map(([grade, count]) => ({ grade, count })).sort((a, b) => compareGrades(a.grade, b.grade));
  return { graded, ungraded };
}

/**
 * "Powermap — sources: 12, graded A1 ×3, B2 ×9; 2 ties without a source": the distinct sources
 * behind the ties in view (counted by the server), then the ties' best grades.
 */
export function attributionLine(sourceCount: number, edges: readonly { grade: string | null }[]): string {
  const { graded, ungraded } = gradeTally(edges);
  const grades = graded.length ? graded.map((g) => `${g.grade} ×${g.count}`).join(', ') : 'none';
  const tail = ungraded ? `; ${ungraded} ${ungraded === 1 ? 'tie' : 'ties'} without a source` : '';
  return `Powermap — sources: ${sourceCount}, graded ${grades}${tail}`;
}

/** The export's title: what the view is, in a few words. */
export function reportTitle(names: FilterNames = {}): string {
  if (names.focus) return `Powermap: the network around ${names.focus}`;
  if (names.path) return `Powermap: from ${names.path[0]} to ${names.path[1]}`;
  if (names.group) return `Powermap: ${names.group}`;
  return 'Powermap: network map';
}

/**
 * A story step's export title: the story's title, the step's place in it and its caption, so a
 * page cut out of a presentation still says which story and which step it came from.
 */
export function storyStepTitle(storyTitle: string, step: number, stepCount: number, caption?: string | null): string {
  const head = `${storyTitle.trim() || 'Untitled story'} — step ${step} of ${stepCount}`;
  const text = caption?.trim();
  return text ? `${head}: ${text}` : head;
}

export interface ReportTextInput {
  names?: FilterNames;
  /** Overrides the title made from the names (a story step's title). */
  title?: string;
  dates: ReportDates;
  query: GraphQuery;
  sourceCount: number;
  edges: readonly { grade: string | null }[];
  address: string;
}

/** Everything a report export writes beside the picture, composed once for the map and for story steps. */
export function composeReportText({ names = {}, title, dates, query, sourceCount, edges, address }: ReportTextInput) {
  return {
    title: title ?? reportTitle(names),
    dateLine: dateLine(dates),
    filters: filterSummary(query, names),
    attribution: attributionLine(sourceCount, edges),
    address,
  };
}

/** The source of a tie's first claim (the one its page lists first), as the CSV appendix cites it. */
export interface FirstSource {
  title: string;
  publisher: string;
  url: string | null;
  published: PartialDate | null;
  /** The first claim's own grade (reliability of the source, credibility of the claim). */
  grade: string;
}

export const TIE_APPENDIX_COLUMNS = ['tie', 'from', 'relation', 'to', 'role', 'start', 'end', 'grade', 'claims', 'disputed', 'first source', 'first source grade', 'first source published', 'first source url'] as const;
export type TieAppendixRow = Record<(typeof TIE_APPENDIX_COLUMNS)[number], string>;

/** One row per tie in view, in the order the view lists them, with its grade and first source. */
export function tieAppendixRows(view: Pick<GraphView, 'nodes' | 'edges'>, firstSources: ReadonlyMap<string, FirstSource | null>): TieAppendixRow[] {
  const names = new Map(view.nodes.map((n) => [n.id, n.label]));
  const date = (d: PartialDate | null) => (d ? d.date : '');
  return view.edges.map((e) => {
    const first = firstSources.get(e.tieId) ?? null;
    const source = first ? [first.title, first.publisher].filter(Boolean).join(', ') : '';
    return {
      tie: e.tieId,
      from: names.get(e.source) ?? e.source.replace(/^actor:/, ''),
      relation: TIE_TYPE_INFO[e.type]?.label ?? e.type,
      to: names.get(e.target) ?? e.target.replace(/^actor:/, ''),
      role: e.role,
      start: date(e.start),
      end: date(e.end),
      grade: e.grade ?? '',
      claims: String(e.claimCount),
      disputed: e.disputed ? 'yes' : '',
      'first source': source,
      'first source grade': first?.grade ?? '',
      'first source published': first?.published ? first.published.date : '',
      'first source url': first?.url ?? '',
    };
  });
}

/** Windows-1252 beyond Latin-1: the letters and marks a PDF's standard fonts (WinAnsiEncoding) also draw. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const drawable = (c: string) => {
  const code = c.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c);
};

/**
 * Text a PDF's standard fonts can draw: Cyrillic as its BGN/PCGN Latin form (the map's own
 * transliteration), anything else they lack as "?". The picture itself keeps every script.
 */
export function winAnsiText(text: string): string {
  const latin = /[\u0400-\u04ff]/.test(text) ? russianBgnPcgn(text) : text;
  return [...latin.normalize('NFC')].map((c) => (drawable(c) ? c : c === '\n' ? ' ' : '?')).join('');
}
