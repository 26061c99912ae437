// Counts the attributes a reader meets, for ForeignGraph's nodeAttributes / edgeAttributes: how
// many elements carry each, of which type, and the first few distinct values, which the import
// preview shows beside each attribute so an analyst can tell "faction" from "Faction (old)".
import type { ForeignAttribute, ForeignValue } from './foreign-graph';

/** Distinct values kept per attribute for the preview. */
export const SAMPLE_COUNT = 5;
const SAMPLE_LENGTH = 80;

interface Column {
  type: ForeignAttribute['type'] | null;
  count: number;
  samples: string[];
}

const typeOf = (value: string | number | boolean): ForeignAttribute['type'] =>
  typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';

export class AttributeCensus {
  private readonly columns = new Map<string, Column>();

  /** A declared attribute (a GraphML key, a CSV header), listed even when nothing carries it. */
  declare(key: string, type: ForeignAttribute['type'] | null = null): void {
    if (!this.columns.has(key)) this.columns.set(key, { type, count: 0, samples: [] });
  }

  /** One element's value; null (no value) is not counted. */
  add(key: string, value: ForeignValue): void {
    this.declare(key);
    if (value === null) return;
    const column = this.columns.get(key)!;
    column.count++;
    const type = typeOf(value);
    // Mixed values read as text, the one type every value has.
    column.type = column.type === null || column.type === type ? type : 'string';
    if (column.samples.length < SAMPLE_COUNT) {
      const text = String(value).slice(0, SAMPLE_LENGTH);
      if (!column.samples.includes(text)) column.samples.push(text);
    }
  }

  /** Every attribute in the order first declared or seen. */
  attributes(): ForeignAttribute[] {
    return [...this.columns].map(([key, c]) => ({ key, type: c.type ?? 'string', count: c.count, samples: c.samples }));
  }
}
