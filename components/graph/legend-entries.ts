// What the legend lists for a view, from the same tables the canvas's stylesheet is built from:
// the kinds (shapes), factions (fills), tie categories (line colours and arrows) and the marks
// (ended, past, weak, disputed) that are on the map now. The on-screen legend
// (components/map/legend.tsx) and the report-ready exports (report-export.ts) both draw from it.
import {
  ACTOR_KINDS,
  ACTOR_KIND_LABELS,
  FACTIONS,
  FACTION_LABELS,
  TIE_CATEGORIES,
  TIE_TYPES,
  TIE_TYPE_INFO,
  type ActorKind,
  type Faction,
  type TieCategory,
} from '@/lib/domain/vocabulary';
import { isWeakGrade } from '@/lib/domain/grade';
import type { GraphView } from '@/lib/graph/types';
import { FACTION_COLOURS, KIND_SHAPES, TIE_CATEGORY_LOOKS, type ArrowShape, type NodeShape } from './graph-style';

export interface LegendEntries {
  kinds: { kind: ActorKind; label: string; shape: NodeShape }[];
  factions: { faction: Faction; label: string; colour: string }[];
  categories: { category: TieCategory; meaning: string; colour: string; arrow: ArrowShape; types: string[] }[];
  anyEnded: boolean;
  anyPast: boolean;
  anyWeak: boolean;
  anyDisputed: boolean;
}

/** The words of each mark, shared by the legend on screen and the exports. */
export const LEGEND_MARKS = {
  ended: 'Pale with a dashed ring: died or dissolved (name †), or an event that is over',
  strength: 'Thicker: a stronger tie (strength 1–5)',
  past: 'Dashed: ended by this date',
  weak: 'Faded: weakly graded (source D–F or information 4–6) or unsupported',
  disputed: 'The sources disagree about this tie',
} as const;

export const LEGEND_HEADINGS = {
  kinds: 'Shape: kind of actor',
  factions: 'Colour: faction',
  categories: 'Line: kind of tie',
  marks: 'Line: how it stands',
} as const;

/** An overview's groups count too: they are drawn in the shape of their kind and the colour of their faction. */
export function legendEntries(view: Pick<GraphView, 'nodes' | 'edges'>, groups: readonly { kind: ActorKind; faction: Faction }[] = []): LegendEntries {
  const kinds = ACTOR_KINDS.filter((k) => view.nodes.some((n) => n.kind === k) || groups.some((g) => g.kind === k));
  const factions = FACTIONS.filter((f) => view.nodes.some((n) => n.faction === f) || groups.some((g) => g.faction === f));
  const categories = TIE_CATEGORIES.filter((c) => view.edges.some((e) => e.category === c));
  const typesIn = (category: TieCategory) =>
    TIE_TYPES.filter((t) => TIE_TYPE_INFO[t].category === category && view.edges.some((e) => e.type === t)).map((t) => TIE_TYPE_INFO[t].label);
  return {
    kinds: kinds.map((kind) => ({ kind, label: ACTOR_KIND_LABELS[kind], shape: KIND_SHAPES[kind] })),
    factions: factions.map((faction) => ({ faction, label: FACTION_LABELS[faction], colour: FACTION_COLOURS[faction] })),
    categories: categories.map((category) => {
      const look = TIE_CATEGORY_LOOKS[category];
      return { category, meaning: look.meaning, colour: look.colour, arrow: look.arrow, types: typesIn(category) };
    }),
    anyEnded: view.nodes.some((n) => 'ended' in n && n.ended),
    anyPast: view.edges.some((e) => 'past' in e && e.past),
    anyWeak: view.edges.some((e) => isWeakGrade(e.grade)),
    anyDisputed: view.edges.some((e) => e.disputed),
  };
}

/** The legend as lines of text, headed by section, for an export's page. */
export function legendLines(entries: LegendEntries): { heading: string; items: string[] }[] {
  const sections: { heading: string; items: string[] }[] = [];
  if (entries.kinds.length) sections.push({ heading: LEGEND_HEADINGS.kinds, items: entries.kinds.map((k) => k.label) });
  if (entries.factions.length) {
    sections.push({ heading: LEGEND_HEADINGS.factions, items: [...entries.factions.map((f) => f.label), ...(entries.anyEnded ? [LEGEND_MARKS.ended] : [])] });
  }
  if (entries.categories.length) {
    sections.push({ heading: LEGEND_HEADINGS.categories, items: entries.categories.map((c) => `${c.meaning} — ${c.types.join(', ')}`) });
    sections.push({
      heading: LEGEND_HEADINGS.marks,
      items: [LEGEND_MARKS.strength, ...(entries.anyPast ? [LEGEND_MARKS.past] : []), ...(entries.anyWeak ? [LEGEND_MARKS.weak] : []), ...(entries.anyDisputed ? [LEGEND_MARKS.disputed] : [])],
    });
  }
  return sections;
}
