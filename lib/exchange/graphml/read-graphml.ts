// GraphML (http://graphml.graphdrawing.org/) read into a ForeignGraph, with saxes, a streaming XML
// parser: the file is read in one pass of events with no DOM, so a 100,000-edge file costs the
// graph it describes and little more. What it understands:
// - <key> declarations (attr.name, attr.type, for, <default>), applied to every node or edge
//   without its own <data>; a key's name is the attribute's name (its id where it has none).
// - Fields with a place in ForeignGraph are taken out of the attributes: a node's `label`, `x`,
//   `y`, an edge's `label` (Gephi writes "Edge Label") and `weight`, a node's or edge's `start` and
//   `end` (as Powermap writes them) into its spell, the graph's `title` (else its <desc>).
// - edgedefault, and an edge's own directed="true|false".
// - yEd's yfiles keys (yfiles.type="nodegraphics", "edgegraphics", "resources", …): never
//   attributes; a node without a label or x/y key takes its label from y:NodeLabel and its
//   position from the centre of y:Geometry (an edge its label from y:EdgeLabel), whichever
//   yfiles shape holds them (ShapeNode, GenericNode, a group's realizers: the first one).
// - Nested graphs (yEd's groups) are flattened: every node is kept, and one inside a group names
//   the group's node in the attribute `parent`, which the import preview lists like any other.
// A <hyperedge> (one edge among many nodes) is refused: a tie joins two actors, and guessing a
// star or a clique would invent ties. Problems name their line; all of them are reported at once.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AttributeCensus } from '../attribute-census';
import { readForeignDate } from '../foreign-date';
import { ForeignFormatError } from '../foreign-format-error';
import type { ForeignAttribute, ForeignEdge, ForeignGraph, ForeignNode, ForeignSpell, ForeignValue } from '../foreign-graph';

export const GRAPHML_FORMAT = 'graphml';
/** The problems listed before a reader stops looking for more. */
const MAX_PROBLEMS = 20;
/** The attribute a node in a nested graph (a yEd group) names its group's node in. */
export const PARENT_ATTRIBUTE = 'parent';

type Domain = 'node' | 'edge' | 'graph';
/** Where a key's value goes on an element of a domain. */
type Role = 'attribute' | 'label' | 'x' | 'y' | 'weight' | 'start' | 'end' | 'title' | 'ignored';

interface Key {
  id: string;
  name: string;
  valueType: ForeignAttribute['type'];
  /** GraphML's attr.type, to read values by. */
  xmlType: string;
  domain: string;
  /** yEd's yfiles.type: nodegraphics, edgegraphics, resources… */
  yfiles: string | null;
  default: ForeignValue;
  /** The attribute name it is listed under, per domain (a second key of one name gets its id added). */
  attributeName: Partial<Record<Domain, string>>;
  /** Where its value goes on a node and on an edge, worked out once when it is declared. */
  role: { node: Role; edge: Role; graph: Role };
  /** The serial of the last element that gave it a value. */
  givenTo: number;
}

interface ElementState {
  /** Which element this is, in order: a key given a value here is stamped with it (defaults fill the rest). */
  serial: number;
  start: string | null;
  end: string | null;
  yLabel: string | null;
  yCentre: { x: number; y: number } | null;
}

type Frame =
  | { t: 'root' }
  | { t: 'key'; key: Key }
  | { t: 'default'; key: Key; text: string }
  | { t: 'graph'; directed: boolean; parentNode: string | null; title: string | null }
  | { t: 'node'; node: ForeignNode; state: ElementState }
  | { t: 'edge'; edge: ForeignEdge; state: ElementState }
  | { t: 'data'; key: Key; owner: Frame; text: string }
  | { t: 'desc'; owner: Frame; text: string }
  | { t: 'ylabel'; owner: Frame; text: string }
  | { t: 'inert' };

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

const roleOf = (domain: Domain, name: string): Role => {
  const n = name.trim().toLowerCase();
  if (domain === 'graph') return n === 'title' || n === 'name' ? 'title' : 'ignored';
  if (n === 'label' || (domain === 'edge' && n === 'edge label')) return 'label';
  if (n === 'start' || n === 'end') return n;
  if (domain === 'node' && (n === 'x' || n === 'y')) return n;
  if (domain === 'edge' && n === 'weight') return 'weight';
  return 'attribute';
};

const valueTypeOf = (xmlType: string): ForeignAttribute['type'] =>
  ['int', 'long', 'float', 'double'].includes(xmlType) ? 'number' : xmlType === 'boolean' ? 'boolean' : 'string';

/** Until declared: set by declareKey. */
const NO_ROLE = { node: 'ignored', edge: 'ignored', graph: 'ignored' } as const satisfies Key['role'];


/** Encodings a GraphML file may declare: yEd, Gephi and NetworkX write UTF-8. */
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ForeignFormatError(GRAPHML_FORMAT, ['the file is not valid UTF-8: save it as UTF-8 (as yEd and Gephi write GraphML) and import it again']);
  }
}

/** Reads a GraphML file (text, or bytes decoded strictly as UTF-8); throws ForeignFormatError naming every problem found. */
export function readGraphml(content: string | Uint8Array): ForeignGraph {
  const text = typeof content === 'string' ? content : decodeUtf8(content);
  const problems: string[] = [];
  let serials = 0;
  const newState = (): ElementState => ({ serial: ++serials, start: null, end: null, yLabel: null, yCentre: null });
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const problem = (message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`line ${parser.line}: ${message}`);
  };

  const keys = new Map<string, Key>();
  const namesTaken: Record<Domain, Set<string>> = { node: new Set(), edge: new Set(), graph: new Set() };
  const nodeCensus = new AttributeCensus();
  const edgeCensus = new AttributeCensus();
  const nodes: ForeignNode[] = [];
  const edges: ForeignEdge[] = [];
  const nodeIds = new Set<string>();
  let title: string | null = null;
  let sawRoot = false;
  const stack: Frame[] = [];
  const top = () => stack[stack.length - 1];
  const graphFrame = () => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const frame = stack[i]!;
      if (frame.t === 'graph') return frame;
    }
    return null;
  };

  const appliesTo = (key: Key, domain: Domain) => key.domain === domain || key.domain === 'all';

  /** The keys with a <default>, per domain. */
  const defaults: Record<'node' | 'edge', Key[]> = { node: [], edge: [] };

  const declareKey = (key: Key) => {
    keys.set(key.id, key);
    key.role = { node: roleOf('node', key.name), edge: roleOf('edge', key.name), graph: roleOf('graph', key.name) };
    if (key.yfiles) return;
    for (const domain of ['node', 'edge'] as const) if (key.default !== null && appliesTo(key, domain)) defaults[domain].push(key);
    for (const domain of ['node', 'edge', 'graph'] as const) {
      if (!appliesTo(key, domain)) continue;
      const name = namesTaken[domain].has(key.name) ? `${key.name} (${key.id})` : key.name;
      namesTaken[domain].add(name);
      key.attributeName[domain] = name;
      if (domain !== 'graph' && key.role[domain] === 'attribute') (domain === 'node' ? nodeCensus : edgeCensus).declare(name, key.valueType);
    }
  };

  /** The element a message is about ("node n3", "edge a→b"). */
  const describe = (element: ForeignNode | ForeignEdge) =>
    'source' in element ? `edge ${element.id ?? `${element.source}→${element.target}`}` : `node ${element.id}`;

  const readValue = (key: Key, raw: string, element: ForeignNode | ForeignEdge): ForeignValue => {
    if (key.valueType === 'string') return raw === '' ? null : raw;
    const value = raw.trim();
    if (value === '') return null;
    if (key.valueType === 'boolean') {
      const lower = value.toLowerCase();
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0') return false;
      problem(`${describe(element)}: "${value}" is not a boolean (key ${key.name})`);
      return null;
    }
    const number = Number(value);
    if (Number.isFinite(number)) return number;
    problem(`${describe(element)}: "${value}" is not a number (key ${key.name}, ${key.xmlType})`);
    return null;
  };

  /** Puts one key's value where it belongs on a node or edge. */
  const assign = (frame: Extract<Frame, { t: 'node' | 'edge' }>, key: Key, raw: string) => {
    const domain = frame.t;
    const element = frame.t === 'node' ? frame.node : frame.edge;
    key.givenTo = frame.state.serial;
    const role = key.role[domain];
    if (role === 'start' || role === 'end') {
      if (raw.trim() === '') return;
      const date = readForeignDate(raw);
      if (date === null) problem(`${describe(element)}: "${raw.trim()}" is not a date (key ${key.name}; use YYYY, YYYY-MM or YYYY-MM-DD)`);
      frame.state[role] = date;
      return;
    }
    if (role === 'label') {
      element.label = raw === '' ? null : raw;
      return;
    }
    const value = readValue(key, raw, element);
    if (role === 'x' || role === 'y') {
      if (typeof value === 'number') (element as ForeignNode)[role] = value;
      else if (value !== null) problem(`${describe(element)}: "${raw.trim()}" is not a number (key ${key.name})`);
      return;
    }
    if (role === 'weight') {
      if (typeof value === 'number') (element as ForeignEdge).weight = value;
      else if (value !== null) problem(`${describe(element)}: "${raw.trim()}" is not a number (key ${key.name})`);
      return;
    }
    const name = key.attributeName[domain] ?? key.name;
    element.attributes[name] = value;
  };

  /** Defaults for keys the element had no <data> for, then yEd's label and place, then the census. */
  const finish = (frame: Extract<Frame, { t: 'node' | 'edge' }>) => {
    const domain = frame.t;
    for (const key of defaults[domain]) if (key.givenTo !== frame.state.serial) assign(frame, key, String(key.default));
    const element = frame.t === 'node' ? frame.node : frame.edge;
    if (element.label === null && frame.state.yLabel !== null) element.label = frame.state.yLabel;
    if (frame.t === 'node' && frame.state.yCentre && frame.node.x === null && frame.node.y === null) {
      frame.node.x = frame.state.yCentre.x;
      frame.node.y = frame.state.yCentre.y;
    }
    const { start, end } = frame.state;
    if (start !== null || end !== null) element.spells = [{ start, end } satisfies ForeignSpell];
    const census = domain === 'node' ? nodeCensus : edgeCensus;
    for (const [name, value] of Object.entries(element.attributes)) census.add(name, value);
  };

  /** A key used without a <key> declaration: text, named by its id. */
  const undeclaredKey = (id: string): Key => {
    const key: Key = { id, name: id, valueType: 'string', xmlType: 'string', domain: 'all', yfiles: null, default: null, attributeName: {}, role: NO_ROLE, givenTo: 0 };
    declareKey(key);
    return key;
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const local = localName(tag.name);
    const a = tag.attributes;
    const parent = top();
    if (!sawRoot) {
      sawRoot = true;
      if (local !== 'graphml') throw new ForeignFormatError(GRAPHML_FORMAT, [`the file's first element is <${tag.name}>, not <graphml>`]);
      stack.push({ t: 'root' });
      return;
    }
    if (!parent) return;
    // Inside a <data>, markup is content: yfiles graphics are read for a label and a place, the rest skipped.
    if (parent.t === 'data' || parent.t === 'ylabel' || parent.t === 'inert') {
      stack.push(yfilesChild(local, a));
      return;
    }
    if (parent.t === 'default' || parent.t === 'desc') {
      stack.push({ t: 'inert' });
      return;
    }
    switch (local) {
      case 'key': {
        const xmlType = (a['attr.type'] ?? 'string').toLowerCase();
        const id = a.id ?? '';
        if (!id) problem('a <key> without an id');
        stack.push({
          t: 'key',
          key: {
            id,
            name: a['attr.name'] ?? id,
            valueType: valueTypeOf(xmlType),
            xmlType,
            domain: (a.for ?? 'all').toLowerCase(),
            yfiles: a['yfiles.type'] ?? null,
            default: null,
            attributeName: {},
            role: NO_ROLE,
            givenTo: 0,
          },
        });
        return;
      }
      case 'default':
        stack.push(parent.t === 'key' ? { t: 'default', key: parent.key, text: '' } : { t: 'inert' });
        return;
      case 'graph': {
        const outer = parent.t === 'node' ? parent.node.id : null;
        stack.push({ t: 'graph', directed: (a.edgedefault ?? 'directed').toLowerCase() !== 'undirected', parentNode: outer, title: null });
        return;
      }
      case 'node': {
        const graph = graphFrame();
        const id = a.id ?? '';
        if (!id) problem('a <node> without an id');
        else if (nodeIds.has(id)) problem(`node id "${id}" is used twice`);
        nodeIds.add(id);
        const node: ForeignNode = { id, label: null, attributes: {}, x: null, y: null, spells: [] };
        if (graph?.parentNode) node.attributes[PARENT_ATTRIBUTE] = graph.parentNode;
        nodes.push(node);
        stack.push({ t: 'node', node, state: newState() });
        return;
      }
      case 'edge': {
        const graph = graphFrame();
        const source = a.source ?? '';
        const target = a.target ?? '';
        if (!source || !target) problem(`an <edge>${a.id ? ` (id "${a.id}")` : ''} without a ${source ? 'target' : 'source'}`);
        const directed = a.directed === undefined ? (graph?.directed ?? true) : a.directed.toLowerCase() === 'true';
        const edge: ForeignEdge = { id: a.id ?? null, source, target, directed, label: null, weight: null, attributes: {}, spells: [] };
        edges.push(edge);
        stack.push({ t: 'edge', edge, state: newState() });
        return;
      }
      case 'hyperedge':
        problem(
          '<hyperedge> joins more than two nodes, and a Powermap tie joins two: replace it by edges ' +
            '(or by a node for the group with an edge to each member) and import again',
        );
        stack.push({ t: 'inert' });
        return;
      case 'data': {
        const id = a.key ?? '';
        const key = keys.get(id) ?? undeclaredKey(id);
        stack.push({ t: 'data', key, owner: parent, text: '' });
        return;
      }
      case 'desc':
        stack.push({ t: 'desc', owner: parent, text: '' });
        return;
      default:
        // <port>, <endpoint>, <locator> and other tools' elements: nothing Powermap holds.
        stack.push({ t: 'inert' });
    }
  });

  /** A child element of a <data>: yEd's labels are read, its geometry taken, anything else skipped. */
  function yfilesChild(local: string, a: Record<string, string>): Frame {
    const dataFrame = enclosingData();
    if (!dataFrame || !dataFrame.key.yfiles) return { t: 'inert' };
    const owner = dataFrame.owner;
    if (owner.t !== 'node' && owner.t !== 'edge') return { t: 'inert' };
    if (owner.t === 'node' && local === 'Geometry' && owner.state.yCentre === null) {
      const x = Number(a.x);
      const y = Number(a.y);
      const width = Number(a.width ?? 0);
      const height = Number(a.height ?? 0);
      if (Number.isFinite(x) && Number.isFinite(y)) {
        owner.state.yCentre = { x: x + (Number.isFinite(width) ? width / 2 : 0), y: y + (Number.isFinite(height) ? height / 2 : 0) };
      }
    }
    if ((local === 'NodeLabel' && owner.t === 'node') || (local === 'EdgeLabel' && owner.t === 'edge')) return { t: 'ylabel', owner, text: '' };
    return { t: 'inert' };
  }

  function enclosingData(): Extract<Frame, { t: 'data' }> | null {
    for (let i = stack.length - 1; i >= 0; i--) {
      const frame = stack[i]!;
      if (frame.t === 'data') return frame;
    }
    return null;
  }

  const onText = (chunk: string) => {
    const frame = top();
    if (frame && (frame.t === 'data' || frame.t === 'default' || frame.t === 'desc' || frame.t === 'ylabel')) frame.text += chunk;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', () => {
    const frame = stack.pop();
    if (!frame) return;
    switch (frame.t) {
      case 'key':
        if (frame.key.id) declareKey(frame.key);
        return;
      case 'default': {
        const raw = frame.text;
        frame.key.default = frame.key.valueType === 'string' ? (raw === '' ? null : raw) : raw.trim() === '' ? null : raw;
        return;
      }
      case 'data': {
        const owner = frame.owner;
        if (frame.key.yfiles) return;
        if (owner.t === 'node' || owner.t === 'edge') assign(owner, frame.key, frame.text);
        else if (owner.t === 'graph' && owner.parentNode === null && frame.key.role.graph === 'title') {
          const value = frame.text.trim();
          if (value) owner.title = value;
        }
        return;
      }
      case 'desc':
        if (frame.owner.t === 'graph' && frame.text.trim() && frame.owner.parentNode === null) frame.owner.title ??= frame.text.trim();
        return;
      case 'ylabel': {
        const owner = frame.owner;
        const value = frame.text.trim();
        if ((owner.t === 'node' || owner.t === 'edge') && owner.state.yLabel === null && value) owner.state.yLabel = value;
        return;
      }
      case 'node':
      case 'edge':
        finish(frame);
        return;
      case 'graph':
        // The first top-level graph's title (a title key, else its <desc>) is the network's.
        if (frame.parentNode === null) title ??= frame.title;
        return;
      default:
        return;
    }
  });

  parser.on('xmldecl', (decl) => {
    if (decl.encoding && !UTF8_NAMES.has(decl.encoding.toLowerCase())) {
      throw new ForeignFormatError(GRAPHML_FORMAT, [`the file declares the encoding ${decl.encoding}; Powermap reads GraphML in UTF-8: save the file as UTF-8`]);
    }
  });

  parser.on('error', (error) => {
    throw new ForeignFormatError(GRAPHML_FORMAT, [`not well-formed XML: ${error.message}`]);
  });

  parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();

  const missing = new Set<string>();
  for (const edge of edges) {
    if (edge.source && !nodeIds.has(edge.source)) missing.add(edge.source);
    if (edge.target && !nodeIds.has(edge.target)) missing.add(edge.target);
  }
  if (missing.size) {
    const listed = [...missing].slice(0, 5).map((id) => `"${id}"`).join(', ');
    problems.push(`edges name ${missing.size} node${missing.size === 1 ? '' : 's'} the file does not declare: ${listed}${missing.size > 5 ? ', …' : ''}`);
  }
  if (problems.length) throw new ForeignFormatError(GRAPHML_FORMAT, problems);

  return { format: GRAPHML_FORMAT, title, nodes, edges, nodeAttributes: nodeCensus.attributes(), edgeAttributes: edgeCensus.attributes() };
}
