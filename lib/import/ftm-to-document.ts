// FollowTheMoney (OpenSanctions, Aleph) entities as a Powermap import document. Pure: text in,
// document out, so the same conversion runs in tests, scripts and the import action, and its
// result passes importDocumentSchema like any other import. Ids are derived from the FtM ids
// (slugs, tie ids, claim ids), so importing the same file again updates the same records.
import { isRealDay, normaliseDate, type WrittenDate } from '../domain/dates';
import { readablePersonName } from '../domain/readable-name';
import { TIE_TYPE_INFO, type Faction, type NameKind, type Reliability, type TieType } from '../domain/vocabulary';
import type { ImportDocumentInput } from '../validation/import-document';

export interface FtmConvertOptions {
  /** The uploaded file's name: part of the source's id and default title. */
  fileName: string;
  /** The source's title; "FollowTheMoney import: <file name>" when blank. */
  title?: string;
  reliability?: Reliability;
  /** The faction every new actor gets, unless the rule for its kind names another. */
  faction?: Faction;
  /** The faction of people, and of organisations (companies, public bodies, sanctioning authorities). */
  factionByKind?: Partial<Record<'person' | 'organization', Faction>>;
}

export interface FtmConversion {
  document: ImportDocumentInput;
  /** Entities not imported, by FtM schema: things (Address, Passport…) and links to unknown ids. */
  skipped: Record<string, number>;
  warnings: string[];
  /** Entities in the file by FtM schema (each id once), for the import preview. */
  schemas: Record<string, number>;
}

/** The text is not FtM JSON lines: each problem names its line. */
export class FtmFormatError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not a FollowTheMoney JSON lines file: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    this.name = 'FtmFormatError';
  }
}

interface FtmEntity {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
}

type ActorInput = ImportDocumentInput['actors'][number];
type TieInput = ImportDocumentInput['ties'][number];
type NameInput = NonNullable<ActorInput['names']>[number];

const ACTOR_SCHEMAS: Record<string, 'person' | 'organization'> = {
  Person: 'person',
  Organization: 'organization',
  Company: 'organization',
  LegalEntity: 'organization',
  PublicBody: 'organization',
};

/** The tie type for each FtM interval schema, read from the vocabulary's own mapping. */
const TIE_TYPE_BY_SCHEMA = Object.fromEntries(
  Object.entries(TIE_TYPE_INFO).flatMap(([type, info]) => (info.ftmSchema ? [[info.ftmSchema, type as TieType]] : [])),
) as Record<string, TieType>;

/** Relationship schemas: which properties hold the two ends, and which hold the role. */
const LINK_SCHEMAS: Record<string, { from: string; to: string; role: string }> = {
  Directorship: { from: 'director', to: 'organization', role: 'role' },
  Ownership: { from: 'owner', to: 'asset', role: 'role' },
  Membership: { from: 'member', to: 'organization', role: 'role' },
  Family: { from: 'person', to: 'relative', role: 'relationship' },
  Associate: { from: 'person', to: 'associate', role: 'relationship' },
  Representation: { from: 'agent', to: 'client', role: 'role' },
};

const NAME_PROPERTIES: [string, NameKind][] = [
  ['name', 'alias'],
  ['alias', 'alias'],
  ['previousName', 'former'],
  ['weakAlias', 'alias'],
];
const MAX_NAMES = 30;
const MAX_WARNINGS = 200;

export function ftmToDocument(text: string, options: FtmConvertOptions): FtmConversion {
  const entities = parseJsonLines(text);
  const factionOf = (kind: 'person' | 'organization') => options.factionByKind?.[kind] ?? options.faction ?? 'other';
  const skipped: Record<string, number> = {};
  const warnings: string[] = [];
  const skip = (schema: string, warning?: string) => {
    skipped[schema] = (skipped[schema] ?? 0) + 1;
    if (warning) warn(warning);
  };
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else if (warnings.length === MAX_WARNINGS) warnings.push('More warnings were left out.');
  };

  const fileName = cleanText(options.fileName, 200) || 'upload';
  const sourceId = `ftm-${slugify(fileName, 60) || 'file'}-${stableHash(text, 8)}`;
  const document: ImportDocumentInput = {
    sources: [
      {
        id: sourceId,
        title: cleanText(options.title ?? '', 500) || cleanText(`FollowTheMoney import: ${fileName}`, 500),
        publisher: 'FollowTheMoney',
        reliability: options.reliability ?? 'C',
        notes: cleanText(`Imported from the FollowTheMoney JSON lines file "${fileName}" (${entities.length} entities).`, 4000),
      },
    ],
    actors: [],
    ties: [],
  };

  const byId = new Map<string, FtmEntity>();
  const conflicting = new Map<string, Set<string>>(); // id → the schemas it is given
  for (const e of entities) {
    const seen = byId.get(e.id);
    if (!seen) byId.set(e.id, e);
    else if (seen.schema === e.schema) warn(`${e.schema} ${e.id} appears more than once; the first is used`);
    else (conflicting.get(e.id) ?? conflicting.set(e.id, new Set([seen.schema])).get(e.id)!).add(e.schema);
  }
  // One id, two schemas: a merge gone wrong or two files run together. Which entity a link means
  // cannot be told, so the file is refused rather than half read.
  if (conflicting.size)
    throw new FtmFormatError([...conflicting].map(([id, schemas]) => `the id ${id} is used for entities of different schemas (${[...schemas].join(', ')})`));
  const schemas: Record<string, number> = {};
  for (const e of byId.values()) schemas[e.schema] = (schemas[e.schema] ?? 0) + 1;

  // Actors first, so links can find their ends.
  const slugs = new Map<string, string>(); // FtM id → slug
  const captions = new Map<string, string>(); // slug → name, for quotes
  const usedSlugs = new Set<string>();
  const uniqueSlug = (base: string, key: string) => {
    for (let n = 6; n <= 14; n += 2) {
      const slug = `${slugify(base, 120 - n - 1) || 'entity'}-${stableHash(key, n)}`;
      if (!usedSlugs.has(slug)) {
        usedSlugs.add(slug);
        return slug;
      }
    }
    throw new Error(`No free slug for ${key}`);
  };

  for (const e of byId.values()) {
    const kind = ACTOR_SCHEMAS[e.schema];
    if (!kind) continue;
    const written = cleanText(e.caption, 300) || cleanText(first(e, 'name') ?? '', 300);
    // Sanctions lists write surnames in capitals: shown readable, the list's spelling kept as a variant.
    const name = kind === 'person' ? readablePersonName(written) : written;
    if (!name) {
      skip(e.schema, `${e.schema} ${e.id} has no name; skipped`);
      continue;
    }
    const slug = uniqueSlug(written, e.id);
    slugs.set(e.id, slug);
    captions.set(slug, name);
    const [startProp, endProp] = kind === 'person' ? ['birthDate', 'deathDate'] : ['incorporationDate', 'dissolutionDate'];
    // The schema's own life dates; else FtM's generic interval (startDate/endDate), which some
    // datasets give organisations and public bodies instead.
    const own = datesOf(e, startProp, endProp, warn);
    const generic = own.start && own.end ? own : datesOf(e, 'startDate', 'endDate', warn);
    const start = own.start ?? generic.start;
    let end = own.end ?? generic.end;
    if (start && end && sortKey(end) < sortKey(start)) end = null;
    document.actors.push({
      slug,
      name,
      kind,
      faction: factionOf(kind),
      summary: cleanText(actorSummary(e), 500),
      description: cleanText(`${FTM_ORIGIN}${e.schema} ${e.id}${e.datasets.length ? ` (datasets: ${e.datasets.join(', ')})` : ''}.`, 8000),
      start,
      end,
      names: nameVariants(e, name, written),
    });
  }

  // Sanctioning authorities become organisations, one per distinct name.
  const authorities = new Map<string, string>(); // authority name → slug
  const authoritySlug = (authority: string) => {
    let slug = authorities.get(authority);
    if (!slug) {
      slug = uniqueSlug(authority, `authority:${authority}`);
      authorities.set(authority, slug);
      captions.set(slug, authority);
      document.actors.push({
        slug,
        name: authority,
        kind: 'organization',
        faction: factionOf('organization'),
        summary: 'Sanctioning authority named in FollowTheMoney Sanction records',
        names: nameVariants({ id: authority, schema: 'Sanction', caption: authority, properties: {}, datasets: [] }, authority),
      });
    }
    return slug;
  };

  const tie = (e: FtmEntity, from: string, to: string, type: TieType, role: string, extra: string[] = []) => {
    if (from === to) {
      skip(e.schema, `${e.schema} ${e.id} links an entity to itself; skipped`);
      return;
    }
    const { start, end } = datesOf(e, 'startDate', 'endDate', warn);
    const id = `ftm-${e.schema.toLowerCase()}-${stableHash(e.id, 12)}`;
    const quote = [
      `${e.schema}: ${captions.get(from)} → ${captions.get(to)}${role ? ` (${role})` : ''}.`,
      ...extra,
      `FollowTheMoney ${e.id}${e.datasets.length ? `, datasets: ${e.datasets.join(', ')}` : ''}.`,
    ].join(' ');
    const entry: TieInput = {
      id,
      source: from,
      target: to,
      type,
      role: cleanText(role, 200),
      start,
      end,
      claims: [
        {
          id: `${id}-c1`,
          source: sourceId,
          quote: cleanText(quote, 2000),
          location: cleanText(`FtM ${e.schema} ${e.id}`, 300),
          credibility: 3,
          status: 'needs_review',
        },
      ],
    };
    document.ties.push(entry);
  };

  /** The actor an FtM reference names, or null with a warning. */
  const end = (e: FtmEntity, property: string): string | null => {
    const ref = first(e, property);
    if (!ref) {
      skip(e.schema, `${e.schema} ${e.id} has no ${property}; skipped`);
      return null;
    }
    const slug = slugs.get(ref);
    if (!slug) {
      const target = byId.get(ref);
      skip(e.schema, `${e.schema} ${e.id}: its ${property} ${ref} is ${target ? `a ${target.schema}, not a person or organisation` : 'not in the file'}; skipped`);
      return null;
    }
    return slug;
  };

  for (const e of byId.values()) {
    if (ACTOR_SCHEMAS[e.schema]) continue;
    const link = LINK_SCHEMAS[e.schema];
    if (link) {
      const from = end(e, link.from);
      const to = from && end(e, link.to);
      if (!from || !to) continue;
      const percentage = e.schema === 'Ownership' ? first(e, 'percentage') : undefined;
      const role = first(e, link.role) ?? (percentage ? `${percentage}%` : '');
      tie(e, from, to, TIE_TYPE_BY_SCHEMA[e.schema], role, summaryOf(e));
    } else if (e.schema === 'Occupancy') {
      const holder = end(e, 'holder');
      if (!holder) continue;
      const post = byId.get(first(e, 'post') ?? '');
      const organization = post && slugs.get(first(post, 'organization') ?? '');
      if (!post || !organization) {
        skip(e.schema, `Occupancy ${e.id}: the organisation of its post is not in the file; skipped`);
        continue;
      }
      tie(e, holder, organization, TIE_TYPE_BY_SCHEMA.Occupancy, post.caption || first(post, 'name') || '', summaryOf(e));
    } else if (e.schema === 'Sanction') {
      const entity = end(e, 'entity');
      if (!entity) continue;
      const authority = cleanText(first(e, 'authority') ?? '', 300);
      if (!authority) {
        skip(e.schema, `Sanction ${e.id} names no authority; skipped`);
        continue;
      }
      const program = first(e, 'program') ?? '';
      const extra = [
        ...(e.properties.provisions?.length ? [`Provisions: ${e.properties.provisions.join('; ')}.`] : []),
        ...summaryOf(e),
      ];
      tie(e, entity, authoritySlug(authority), TIE_TYPE_BY_SCHEMA.Sanction, program, extra);
    } else {
      skip(e.schema);
    }
  }

  return { document, skipped, warnings, schemas };
}

// ---------------------------------------------------------------------------------------------

function parseJsonLines(text: string): FtmEntity[] {
  const problems: string[] = [];
  const entities: FtmEntity[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const at = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push(`${at}: not JSON (${(error as Error).message})`);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${at}: not an entity object`);
      return;
    }
    const o = value as Record<string, unknown>;
    if (typeof o.id !== 'string' || !o.id) return void problems.push(`${at}: no "id"`);
    if (typeof o.schema !== 'string' || !o.schema) return void problems.push(`${at}: no "schema"`);
    const properties: Record<string, string[]> = {};
    if (o.properties && typeof o.properties === 'object') {
      for (const [key, values] of Object.entries(o.properties as Record<string, unknown>)) {
        if (Array.isArray(values)) properties[key] = values.filter((v): v is string => typeof v === 'string');
      }
    }
    entities.push({
      id: o.id,
      schema: o.schema,
      caption: typeof o.caption === 'string' ? o.caption : '',
      properties,
      datasets: Array.isArray(o.datasets) ? o.datasets.filter((d): d is string => typeof d === 'string') : [],
    });
  });
  if (problems.length) throw new FtmFormatError(problems);
  if (!entities.length) throw new FtmFormatError(['the file holds no entities']);
  return entities;
}

const first = (e: FtmEntity, property: string): string | undefined => e.properties[property]?.find((v) => v.trim());

function summaryOf(e: FtmEntity): string[] {
  const s = first(e, 'summary');
  return s ? [`${s}.`.replace(/\.\.$/, '.')] : [];
}

function actorSummary(e: FtmEntity): string {
  const countries = [...new Set([...(e.properties.country ?? []), ...(e.properties.jurisdiction ?? []), ...(e.properties.nationality ?? [])])];
  const head = `${e.schema}${countries.length ? ` (${countries.join(', ')})` : ''}`;
  const position = first(e, 'position');
  return position ? `${head}: ${position}` : head;
}

/** FtM dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD…" (a time may follow). Unreadable ones are dropped. */
export function ftmDate(value: string): WrittenDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (!m) return null;
  const [, year, month, day] = m;
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  if (!month) return { date: year, precision: 'year' };
  if (!day) return { date: `${year}-${month}`, precision: 'month' };
  const d = `${year}-${month}-${day}`;
  return isRealDay(d) ? { date: d, precision: 'day' } : null;
}

/** Sortable form: the first day of the period. */
const sortKey = (d: WrittenDate) => normaliseDate(d).date;

/** The earliest start and the latest end an entity states; an end before the start is dropped. */
function datesOf(e: FtmEntity, startProp: string, endProp: string, warn: (m: string) => void): { start: WrittenDate | null; end: WrittenDate | null } {
  const read = (prop: string) =>
    (e.properties[prop] ?? []).flatMap((v) => {
      const d = ftmDate(v);
      if (!d) warn(`${e.schema} ${e.id}: ${prop} "${v.slice(0, 40)}" is not a date; ignored`);
      return d ? [d] : [];
    });
  const starts = read(startProp).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  const ends = read(endProp).sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
  const start = starts[0] ?? null;
  let end: WrittenDate | null = ends[0] ?? null;
  if (start && end && sortKey(end) < sortKey(start)) {
    warn(`${e.schema} ${e.id}: ${endProp} is before ${startProp}; the end was dropped`);
    end = null;
  }
  return { start, end };
}

const CYRILLIC = /[\u0400-\u04FF]/;
const GREEK = /[\u0370-\u03FF]/;

/** Script and language guessed from the letters: Belarusian and Ukrainian have letters Russian lacks. */
export function guessScript(name: string): { script: string; lang: string } {
  if (CYRILLIC.test(name)) {
    if (/[ўЎ]/.test(name)) return { script: 'Cyrl', lang: 'be' };
    if (/[їЇєЄґҐ]/.test(name)) return { script: 'Cyrl', lang: 'uk' };
    // і is both Belarusian and Ukrainian; и is only Ukrainian, ы and э only Belarusian.
    if (/[іІ]/.test(name)) return { script: 'Cyrl', lang: /[иИ]/.test(name) && !/[ыЫэЭ]/.test(name) ? 'uk' : 'be' };
    return { script: 'Cyrl', lang: 'ru' };
  }
  if (GREEK.test(name)) return { script: 'Grek', lang: 'el' };
  return { script: 'Latn', lang: 'en' };
}

/** The name shown, the file's own spelling where it differs (capitals), then the other names the entity gives. */
function nameVariants(e: FtmEntity, name: string, written = name): NameInput[] {
  const seen = new Set<string>();
  const out: NameInput[] = [];
  const add = (raw: string, kind: NameKind) => {
    const name = cleanText(raw, 300);
    if (!name || seen.has(name) || out.length >= MAX_NAMES) return;
    seen.add(name);
    out.push({ name, ...guessScript(name), kind });
  };
  add(name, 'alias');
  add(written, 'alias');
  for (const [property, kind] of NAME_PROPERTIES) for (const v of e.properties[property] ?? []) add(v, kind);
  return out;
}

/** Control characters out, whitespace collapsed, cut to `max` characters. */
export function cleanText(s: string, max: number): string {
  const clean = s.replace(/[\u0000-\u001F\u007F]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** Lowercase ASCII words joined by hyphens, Cyrillic transliterated simply; at most `max` characters. */
/**
 * How an FtM import's actor says where it came from: the description's first words, the entity's
 * schema and id. The id is the actor's external identifier, which a later import of the same
 * entity (a newer release of the dataset, its caption changed and so its slug) is matched on.
 */
export const FTM_ORIGIN = 'Imported from FollowTheMoney ';

/** The external identifier (`ftm:<id>`) a description written by this converter carries, or null. */
export function ftmIdentifierOf(description: string): string | null {
  if (!description.startsWith(FTM_ORIGIN)) return null;
  const id = /^\S+ (\S+?)(?: \(datasets: .*\))?\.$/.exec(description.slice(FTM_ORIGIN.length))?.[1];
  return id ? `ftm:${id}` : null;
}

export function slugify(s: string, max = 120): string {
  const latin = [...s.toLowerCase()].map((c) => CYRILLIC_TO_LATIN[c] ?? c).join('');
  const ascii = latin.normalize('NFKD').replace(/\p{M}/gu, '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

/** A short, stable hex digest (two cyrb53 rounds): ids that survive re-imports, not security. */
export function stableHash(s: string, length: number): string {
  const round = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
  };
  return (round(0) + round(1)).slice(0, length);
}
