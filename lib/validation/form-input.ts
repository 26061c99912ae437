// From an edit form's fields to the input objects of lib/validation/records.ts. The form checks
// the result with the same schema before sending it, and the server action converts the same
// FormData with the same function, so both sides validate exactly the same thing.
import type { PartialDate } from '../graph/types';

/** The part of FormData these functions read (FormData itself, or a test's stand-in). */
export interface FormFields {
  get(name: string): unknown;
  keys(): Iterable<string>;
}

export function text(fd: FormFields, name: string): string {
  const value = fd.get(name);
  return typeof value === 'string' ? value : '';
}

/** A number field: blank is absent (the schema then says "Required" or applies its default). */
function numberField(fd: FormFields, name: string): number | undefined {
  const raw = text(fd, name).trim();
  if (raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : (raw as unknown as number);
}

function optionalText(fd: FormFields, name: string): string | undefined {
  const value = fd.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Precision when the form leaves it to the date: "2020" a year, "2020-11" a month, else a day. */
export function inferPrecision(date: string): PartialDate['precision'] {
  if (/^\d{4}$/.test(date)) return 'year';
  if (/^\d{4}-\d{2}$/.test(date)) return 'month';
  return 'day';
}

/** `<prefix>.date` and `<prefix>.precision`; a blank date means "not known" (null). */
export function partialDate(fd: FormFields, prefix: string): { date: string; precision: string } | null {
  const date = text(fd, `${prefix}.date`).trim();
  if (!date) return null;
  const precision = text(fd, `${prefix}.precision`).trim();
  return { date, precision: precision || inferPrecision(date) };
}

/** A stored date as the form shows it: as precise as it is known ("2020", "2020-11", "2020-11-19"). */
export function dateText(d: PartialDate | null | undefined): string {
  if (!d) return '';
  return d.precision === 'year' ? d.date.slice(0, 4) : d.precision === 'month' ? d.date.slice(0, 7) : d.date;
}

/** Rows named `names.<i>.name`, `.lang`, `.script`, `.kind`; a row with no name is left out. */
function nameVariants(fd: FormFields): { name: string; lang: string; script: string; kind: string }[] {
  const indexes = new Set<number>();
  for (const key of fd.keys()) {
    const m = /^names\.(\d+)\.name$/.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => ({ name: text(fd, `names.${i}.name`), lang: text(fd, `names.${i}.lang`).trim(), script: text(fd, `names.${i}.script`).trim(), kind: text(fd, `names.${i}.kind`) }))
    .filter((n) => n.name.trim() !== '');
}

/** The version an edit form was opened at, and the reason it gives. */
function versionAndReason(fd: FormFields) {
  const reason = optionalText(fd, 'reason');
  return { version: numberField(fd, 'version'), ...(reason !== undefined && reason.trim() !== '' ? { reason } : {}) };
}

type Mode = 'create' | 'update';

export function actorInput(fd: FormFields, mode: Mode) {
  const fields = {
    slug: text(fd, 'slug').trim(),
    name: text(fd, 'name'),
    kind: text(fd, 'kind'),
    faction: text(fd, 'faction'),
    summary: text(fd, 'summary'),
    description: text(fd, 'description'),
    start: partialDate(fd, 'start'),
    end: partialDate(fd, 'end'),
    names: nameVariants(fd),
  };
  return mode === 'create' ? fields : { ...fields, ...versionAndReason(fd) };
}

export function tieInput(fd: FormFields, mode: Mode) {
  const strength = numberField(fd, 'strength');
  const fields = {
    source: text(fd, 'source').trim(),
    target: text(fd, 'target').trim(),
    type: text(fd, 'type'),
    role: text(fd, 'role'),
    start: partialDate(fd, 'start'),
    end: partialDate(fd, 'end'),
    ...(strength === undefined ? {} : { strength }),
  };
  return mode === 'create' ? fields : { ...fields, ...versionAndReason(fd) };
}

export function sourceInput(fd: FormFields, mode: Mode) {
  const url = text(fd, 'url').trim();
  const fields = {
    title: text(fd, 'title'),
    author: text(fd, 'author'),
    publisher: text(fd, 'publisher'),
    url: url === '' ? null : url,
    published: partialDate(fd, 'published'),
    reliability: text(fd, 'reliability'),
    notes: text(fd, 'notes'),
  };
  return mode === 'create' ? fields : { ...fields, ...versionAndReason(fd) };
}

/** A new claim about the tie or actor the form names in its hidden `tie` or `actor` field. */
export function claimInput(fd: FormFields) {
  const tie = text(fd, 'tie').trim();
  const actor = text(fd, 'actor').trim();
  const fact = text(fd, 'fact');
  return {
    ...(tie ? { tie } : {}),
    ...(actor ? { actor } : {}),
    source: text(fd, 'source').trim(),
    quote: text(fd, 'quote'),
    location: text(fd, 'location'),
    credibility: numberField(fd, 'credibility'),
    status: text(fd, 'status') || undefined,
    stance: text(fd, 'stance') || undefined,
    ...(fact.trim() ? { fact } : {}),
    statedStart: partialDate(fd, 'statedStart'),
    statedEnd: partialDate(fd, 'statedEnd'),
    statedCurrent: fd.get('statedCurrent') !== null && fd.get('statedCurrent') !== '',
  };
}

/** A claim's status change: the new status and why. */
export function claimStatusInput(fd: FormFields) {
  return { status: text(fd, 'status'), ...versionAndReason(fd) };
}

export function noteInput(fd: FormFields, mode: Mode) {
  const fields = { body: text(fd, 'body'), visibility: text(fd, 'visibility') || undefined };
  if (mode === 'update') return { ...fields, version: numberField(fd, 'version') };
  const tie = text(fd, 'tie').trim();
  const actor = text(fd, 'actor').trim();
  return { ...fields, ...(tie ? { tie } : {}), ...(actor ? { actor } : {}) };
}

export function deleteInput(fd: FormFields) {
  return versionAndReason(fd);
}

/** A path on this site to go to after saving; anything else (another site, //host) is ignored. */
export function localPath(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : null;
}
