// A network read from another tool's file (GEXF, GraphML, CSV, Cytoscape JSON), before it is
// mapped onto Powermap's vocabulary. Every reader in lib/exchange produces this one shape, and one
// mapping (chosen in the import preview) turns it into a Powermap document, so a new format is a
// reader and nothing else. Values stay as the file spelt them; the mapping decides what they mean.

/** An attribute's value as a file carries it; lists (GEXF liststring) are joined by the reader. */
export type ForeignValue = string | number | boolean | null;

/** A column of attributes the file declares or uses, with the values seen, for the preview. */
export interface ForeignAttribute {
  /** The key in `attributes` (GEXF attribute title, GraphML key attr.name, CSV header). */
  key: string;
  type: 'string' | 'number' | 'boolean';
  /** How many elements carry a value. */
  count: number;
  /** Up to a handful of distinct values, in the order first seen, to show in the preview. */
  samples: string[];
}

/** A time interval as the file gave it: ISO dates (YYYY, YYYY-MM or YYYY-MM-DD) or open. */
export interface ForeignSpell {
  start: string | null;
  end: string | null;
}

export interface ForeignNode {
  /** The file's own id, unique among nodes. */
  id: string;
  label: string | null;
  attributes: Record<string, ForeignValue>;
  /** Position the file carries (GEXF viz, Cytoscape position), else null. */
  x: number | null;
  y: number | null;
  /** When the node exists, where the file says (GEXF start/end or spells); empty when it does not. */
  spells: ForeignSpell[];
}

export interface ForeignEdge {
  /** The file's own id, or null where the format has none (CSV without an Id column). */
  id: string | null;
  source: string;
  target: string;
  directed: boolean;
  /** The file's edge label or kind (GEXF label, GraphML/CSV Label, Cytoscape interaction). */
  label: string | null;
  weight: number | null;
  attributes: Record<string, ForeignValue>;
  spells: ForeignSpell[];
}

export interface ForeignGraph {
  /** The format it was read from, for the source it is cited as and for messages. */
  format: string;
  /** The network's own title, where the file names one (GEXF meta, Cytoscape data.name). */
  title: string | null;
  nodes: ForeignNode[];
  edges: ForeignEdge[];
  nodeAttributes: ForeignAttribute[];
  edgeAttributes: ForeignAttribute[];
}
