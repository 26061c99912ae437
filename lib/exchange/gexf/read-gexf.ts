// GEXF 1.1, 1.2 and 1.3 (Gephi, Gephi Lite, graphology, NetworkX) read into a ForeignGraph. Parsed as
// a stream of events with saxes (a well-kept, dependency-light, conformant XML parser), so a file is
// never held as a DOM and may arrive in chunks. Values stay as the file spelt them; the import's
// mapping decides what they mean (docs/exchange.md, "GEXF").
//
// What the reader settles, because a ForeignGraph has no room for it:
// - attvalues name their attribute by id; they are keyed by the attribute's title, defaults applied;
// - times become ISO dates: xsd:date and dateTime keep their day, whole numbers of four digits are
//   years (Gephi's "double" timeformat often carries years), other numbers cannot be dates and the
//   spell is dropped; an open bound (startopen, endopen) moves by a day; Powermap's own
//   startPrecision/endPrecision attributes narrow a widened date back to "2020" or "2020-11";
// - viz: position becomes x/y with the y axis flipped to the map's (Gephi's points up), colour,
//   size and thickness become the attributes "viz:color" (#rrggbb), "viz:size", "viz:thickness";
// - an edge's kind, where the file gives one, is its label when it has no label, and the attribute "kind".
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { dayNumberToIso, isoToDayNumber, isRealDay } from '../../domain/dates';
import { ForeignFormatError } from '../foreign-format-error';
import type { ForeignAttribute, ForeignEdge, ForeignGraph, ForeignNode, ForeignSpell, ForeignValue } from '../foreign-graph';

/**
 * A file that is not well-formed XML or not a usable GEXF: the exchange's one ForeignFormatError,
 * with the place in the file (1-based line and column) in its problem and on the error.
 */
export class GexfReadError extends ForeignFormatError {
  constructor(
    problem: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super('gexf', [line === null ? problem : `line ${line}, column ${column}: ${problem}`]);
    this.name = 'GexfReadError';
  }
}

type AttributeClass = 'node' | 'edge';
interface Declared {
  title: string;
  type: ForeignAttribute['type'];
  list: boolean;
  defaultValue: ForeignValue;
}
interface OpenElement {
  kind: AttributeClass;
  spells: ForeignSpell[];
  attributes: Record<string, ForeignValue>;
  /** Which attributes a timeless attvalue has set, so a dated one does not overwrite it. */
  timeless: Set<string>;
}
interface Stats {
  attribute: ForeignAttribute;
  seen: Set<string>;
}

const SAMPLE_COUNT = 5;
const NUMBER_TYPES = new Set(['integer', 'long', 'float', 'double', 'short', 'byte', 'int', 'bigint', 'biginteger', 'bigdecimal']);
const ISO_DATE = /^(-?\d{4})-(\d{2})-(\d{2})(?:$|T)/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const WHOLE_YEAR = /^(\d{4})(?:\.0+)?$/;
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function attributeType(gexfType: string): { type: ForeignAttribute['type']; list: boolean } {
  const t = gexfType.toLowerCase();
  if (NUMBER_TYPES.has(t)) return { type: 'number', list: false };
  if (t === 'boolean') return { type: 'boolean', list: false };
  return { type: 'string', list: t.startsWith('list') };
}

/**
 * Reads GEXF text, in one piece or in chunks: `write` each chunk as it arrives, then `finish`.
 * Bytes are decoded as UTF-8, strictly: a file in another encoding is an error, not mojibake.
 */
export class GexfReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly path: string[] = [];
  private readonly declared: Record<AttributeClass, Map<string, Declared>> = { node: new Map(), edge: new Map() };
  private readonly stats: Record<AttributeClass, Map<string, Stats>> = { node: new Map(), edge: new Map() };
  private readonly nodes: ForeignNode[] = [];
  private readonly edges: ForeignEdge[] = [];
  private readonly nodeIds = new Set<string>();
  private readonly edgeIds = new Set<string>();
  private attributeClass: AttributeClass | null = null;
  private attribute: { id: string; declared: Declared } | null = null;
  private openElements: OpenElement[] = [];
  private text = '';
  /** Only a title's and a default's text is read; the whitespace between elements is not kept. */
  private collectText = false;
  private title: string | null = null;
  private defaultDirected = false;
  private timeformat = 'double';
  private sawGexf = false;
  private sawGraph = false;

  constructor() {
    this.parser.on('error', (error) => {
      // saxes prefixes "line:column: "; the message is repeated in our own words with 1-based numbers.
      throw new GexfReadError(error.message.replace(/^\d+:\d+: /, ''), this.parser.line, this.parser.column + 1);
    });
    this.parser.on('xmldecl', (decl) => {
      if (decl.encoding && !UTF8_NAMES.has(decl.encoding.toLowerCase())) {
        this.fail(`the file declares the encoding ${decl.encoding}; Powermap reads GEXF in UTF-8 (as Gephi writes it): save the file as UTF-8`);
      }
    });
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', (tag) => this.close(localName(tag.name)));
    this.parser.on('text', (t) => {
      if (this.collectText) this.text += t;
    });
    this.parser.on('cdata', (t) => {
      if (this.collectText) this.text += t;
    });
  }

  write(chunk: string | Uint8Array): this {
    this.parser.write(typeof chunk === 'string' ? chunk : this.decode(chunk, true));
    return this;
  }

  finish(): ForeignGraph {
    this.parser.write(this.decode(new Uint8Array(), false));
    this.parser.close();
    if (!this.sawGexf) throw new GexfReadError('the file is empty or has no <gexf> element', null, null);
    if (!this.sawGraph) throw new GexfReadError('the file has no <graph> element', null, null);
    for (const edge of this.edges) {
      for (const end of [edge.source, edge.target]) {
        if (!this.nodeIds.has(end)) {
          throw new GexfReadError(`edge ${edge.id ?? `${edge.source} → ${edge.target}`} names the node "${end}", which the file does not declare`, null, null);
        }
      }
    }
    return {
      format: 'gexf',
      title: this.title,
      nodes: this.nodes,
      edges: this.edges,
      nodeAttributes: [...this.stats.node.values()].map((s) => s.attribute),
      edgeAttributes: [...this.stats.edge.values()].map((s) => s.attribute),
    };
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder.decode(bytes, { stream });
    } catch {
      throw new GexfReadError('the file is not valid UTF-8; save it as UTF-8 (as Gephi writes GEXF) and import it again', null, null);
    }
  }

  private fail(message: string): never {
    throw new GexfReadError(message, this.parser.line, this.parser.column + 1);
  }

  private required(tag: SaxesTagPlain, name: string): string {
    const value = tag.attributes[name];
    if (value === undefined || value === '') this.fail(`<${tag.name}> has no ${name}`);
    return value;
  }

  private open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const parent = this.path[this.path.length - 1];
    this.path.push(name);
    this.text = '';
    this.collectText = name === 'default' || name.toLowerCase() === 'title';
    const a = tag.attributes;

    if (this.path.length === 1) {
      if (name !== 'gexf') this.fail(`this is not a GEXF file: its root element is <${tag.name}>, not <gexf>`);
      this.sawGexf = true;
      return;
    }
    switch (name) {
      case 'graph':
        this.sawGraph = true;
        this.defaultDirected = (a.defaultedgetype ?? 'undirected') === 'directed';
        this.timeformat = (a.timeformat ?? 'double').toLowerCase();
        return;
      case 'attributes':
        this.attributeClass = a.class === 'edge' ? 'edge' : a.class === 'node' ? 'node' : null;
        return;
      case 'attribute': {
        if (!this.attributeClass) return; // graph-level attributes (class="graph") carry nothing we read
        const id = this.required(tag, 'id');
        const { type, list } = attributeType(a.type ?? 'string');
        const declared: Declared = { title: a.title || id, type, list, defaultValue: null };
        this.declared[this.attributeClass].set(id, declared);
        this.attribute = { id, declared };
        this.statsFor(this.attributeClass, declared.title, type);
        return;
      }
      case 'node':
        if (parent !== 'nodes') return;
        this.openNode(tag);
        return;
      case 'edge':
        if (parent !== 'edges') return;
        this.openEdge(tag);
        return;
      case 'attvalue':
        this.attvalue(tag);
        return;
      case 'spell':
      case 'slice': {
        const element = this.current();
        if (element) this.addSpell(element.spells, a);
        return;
      }
      case 'position':
      case 'color':
      case 'size':
      case 'thickness':
        this.viz(name, tag);
        return;
    }
  }

  private close(name: string): void {
    this.path.pop();
    this.collectText = false;
    switch (name.toLowerCase()) {
      case 'title':
        // <meta><title> (1.3, Gephi Lite) or 1.1's <Title>: the network's own name.
        if (this.path[this.path.length - 1] === 'meta' && this.text.trim()) this.title = this.text.trim();
        break;
      case 'default':
        if (this.attribute) this.attribute.declared.defaultValue = this.convert(this.attribute.declared, this.text.trim());
        break;
      case 'attribute':
        this.attribute = null;
        break;
      case 'attributes':
        this.attributeClass = null;
        break;
      case 'node':
      case 'edge':
        if (this.openElements.length && this.path[this.path.length - 1] === `${name}s`) this.closeElement();
        break;
    }
    this.text = '';
  }

  private current(): OpenElement | undefined {
    return this.openElements[this.openElements.length - 1];
  }

  private openNode(tag: SaxesTagPlain): void {
    const id = this.required(tag, 'id');
    if (this.nodeIds.has(id)) this.fail(`two nodes have the id "${id}"`);
    this.nodeIds.add(id);
    const element: OpenElement = { kind: 'node', spells: [], attributes: {}, timeless: new Set() };
    this.addSpell(element.spells, tag.attributes, true);
    this.openElements.push(element);
    this.nodes.push({ id, label: tag.attributes.label ?? null, attributes: element.attributes, x: null, y: null, spells: element.spells });
  }

  private openEdge(tag: SaxesTagPlain): void {
    const a = tag.attributes;
    const id = a.id ?? null;
    if (id !== null) {
      if (this.edgeIds.has(id)) this.fail(`two edges have the id "${id}"`);
      this.edgeIds.add(id);
    }
    const source = this.required(tag, 'source');
    const target = this.required(tag, 'target');
    const type = a.type ?? (this.defaultDirected ? 'directed' : 'undirected');
    if (type !== 'directed' && type !== 'undirected' && type !== 'mutual') this.fail(`edge type "${type}" is not directed, undirected or mutual`);
    const weight = a.weight === undefined ? null : Number(a.weight);
    if (weight !== null && !Number.isFinite(weight)) this.fail(`edge weight "${a.weight}" is not a number`);
    const element: OpenElement = { kind: 'edge', spells: [], attributes: {}, timeless: new Set() };
    if (a.kind) element.attributes.kind = a.kind;
    this.addSpell(element.spells, a, true);
    this.openElements.push(element);
    this.edges.push({
      id,
      source,
      target,
      // A mutual edge goes both ways, which is what an undirected tie says.
      directed: type === 'directed',
      label: a.label || a.kind || null,
      weight,
      attributes: element.attributes,
      spells: element.spells,
    });
  }

  /** Defaults for what the element left out, then the preview's counts and samples. */
  private closeElement(): void {
    const element = this.openElements.pop()!;
    narrowToPrecision(element);
    for (const declared of this.declared[element.kind].values()) {
      if (declared.defaultValue !== null && !(declared.title in element.attributes)) element.attributes[declared.title] = declared.defaultValue;
    }
    for (const [key, value] of Object.entries(element.attributes)) {
      if (value === null) continue;
      const stats = this.statsFor(element.kind, key, typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string');
      stats.attribute.count += 1;
      const text = String(value);
      if (stats.attribute.samples.length < SAMPLE_COUNT && !stats.seen.has(text)) {
        stats.seen.add(text);
        stats.attribute.samples.push(text);
      }
    }
  }

  private statsFor(kind: AttributeClass, key: string, type: ForeignAttribute['type']): Stats {
    let stats = this.stats[kind].get(key);
    if (!stats) {
      stats = { attribute: { key, type, count: 0, samples: [] }, seen: new Set() };
      this.stats[kind].set(key, stats);
    }
    return stats;
  }

  private attvalue(tag: SaxesTagPlain): void {
    const element = this.current();
    if (!element) return;
    const a = tag.attributes;
    const ref = a.for ?? a.id;
    if (ref === undefined) this.fail('<attvalue> has no for');
    const declared = this.declared[element.kind].get(ref) ?? { title: ref, type: 'string' as const, list: false, defaultValue: null };
    const value = this.convert(declared, a.value ?? '');
    // A dynamic attribute has one attvalue per period; the timeless one, else the last period's, stands.
    const timed = a.start !== undefined || a.end !== undefined || a.timestamp !== undefined;
    if (timed && element.timeless.has(declared.title)) return;
    if (!timed) element.timeless.add(declared.title);
    element.attributes[declared.title] = value;
  }

  private convert(declared: Declared, raw: string): ForeignValue {
    if (declared.type === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) this.fail(`"${raw}" is not a number, as the attribute "${declared.title}" is declared`);
      return n;
    }
    if (declared.type === 'boolean') {
      const v = raw.trim().toLowerCase();
      if (v === 'true' || v === '1') return true;
      if (v === 'false' || v === '0') return false;
      this.fail(`"${raw}" is not true or false, as the attribute "${declared.title}" is declared`);
    }
    // GEXF 1.2 writes lists as "a|b", 1.3 as "[a, b]"; either becomes one readable string.
    if (declared.list) {
      const inner = raw.trim().replace(/^\[(.*)\]$/s, '$1');
      return inner
        .split(raw.includes('|') ? '|' : ',')
        .map((p) => p.trim().replace(/^"(.*)"$/s, '$1'))
        .filter((p) => p !== '')
        .join(', ');
    }
    return raw;
  }

  /** The element's own start/end (or timestamp) and each <spell>, as ISO dates. */
  private addSpell(spells: ForeignSpell[], a: Record<string, string>, ownAttributes = false): void {
    if (a.timestamp !== undefined) {
      const t = this.time(a.timestamp, 0);
      if (t !== undefined) spells.push({ start: t, end: t });
      return;
    }
    if (a.timestamps !== undefined && ownAttributes) {
      for (const raw of a.timestamps.replace(/^[[<(]|[\]>)]$/g, '').split(/[,;]/)) {
        const t = this.time(raw.trim(), 0);
        if (t !== undefined) spells.push({ start: t, end: t });
      }
      return;
    }
    const startRaw = a.start ?? a.startopen;
    const endRaw = a.end ?? a.endopen;
    if (startRaw === undefined && endRaw === undefined) return;
    const start = startRaw === undefined ? null : this.time(startRaw, a.start === undefined ? 1 : 0);
    const end = endRaw === undefined ? null : this.time(endRaw, a.end === undefined ? -1 : 0);
    // A bound that is no date would otherwise leave an interval open that the file closed.
    if (start === undefined || end === undefined) return;
    spells.push({ start, end });
  }

  /** A time as an ISO date, a day later or earlier for an open bound; undefined when it is no date. */
  private time(raw: string, shiftDays: number): string | undefined {
    const value = raw.trim();
    const day = ISO_DATE.exec(value);
    if (day) {
      const iso = `${day[1]}-${day[2]}-${day[3]}`;
      return shiftDays && isRealDay(iso) ? dayNumberToIso(isoToDayNumber(iso) + shiftDays) : iso;
    }
    if (ISO_MONTH.test(value)) return value;
    const year = WHOLE_YEAR.exec(value);
    if (year && this.timeformat !== 'datetime') return year[1];
    return undefined;
  }

  private viz(name: string, tag: SaxesTagPlain): void {
    const element = this.current();
    const parent = this.path[this.path.length - 2];
    if (!element || parent !== element.kind) return;
    const a = tag.attributes;
    if (name === 'position' && element.kind === 'node') {
      const x = Number(a.x);
      const y = Number(a.y);
      if (a.x !== undefined && a.y !== undefined && Number.isFinite(x) && Number.isFinite(y)) {
        const node = this.nodes[this.nodes.length - 1]!;
        node.x = x;
        // Gephi's y axis points up, the map's down.
        node.y = -y || 0;
      }
    } else if (name === 'color') {
      const colour = a.hex ? normaliseHex(a.hex) : rgbHex(a.r, a.g, a.b);
      if (colour) element.attributes['viz:color'] = colour;
    } else if (name === 'size' || name === 'thickness') {
      const v = Number(a.value);
      if (a.value !== undefined && Number.isFinite(v)) element.attributes[`viz:${name}`] = v;
    }
  }
}

/**
 * Powermap's own export widens "2020" to 2020-01-01 … 2020-12-31 for GEXF's full dates and says so
 * in startPrecision/endPrecision; read back, the date is as precise as it was.
 */
function narrowToPrecision(element: OpenElement): void {
  if (element.spells.length !== 1) return;
  const spell = element.spells[0]!;
  const narrow = (date: string | null, precision: ForeignValue): string | null => {
    if (date === null || !ISO_DATE.test(date)) return date;
    return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
  };
  spell.start = narrow(spell.start, element.attributes.startPrecision ?? null);
  spell.end = narrow(spell.end, element.attributes.endPrecision ?? null);
}

function rgbHex(r: string | undefined, g: string | undefined, b: string | undefined): string | null {
  const parts = [r, g, b].map((v) => Number(v));
  if (parts.some((v) => !Number.isInteger(v) || v < 0 || v > 255)) return null;
  return `#${parts.map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

function normaliseHex(hex: string): string | null {
  const h = hex.trim().replace(/^#/, '');
  if (/^[0-9a-f]{6}$/i.test(h)) return `#${h.toUpperCase()}`;
  if (/^[0-9a-f]{3}$/i.test(h)) return `#${[...h].map((c) => c + c).join('').toUpperCase()}`;
  return null;
}

/** A whole GEXF file (text or bytes) as a ForeignGraph; throws GexfReadError naming what is wrong and where. */
export function readGexf(content: string | Uint8Array): ForeignGraph {
  return new GexfReader().write(content).finish();
}

/** A GEXF file arriving in chunks (a request body, a file stream), parsed as it comes. */
export async function readGexfStream(chunks: AsyncIterable<string | Uint8Array>): Promise<ForeignGraph> {
  const reader = new GexfReader();
  for await (const chunk of chunks) reader.write(chunk);
  return reader.finish();
}
