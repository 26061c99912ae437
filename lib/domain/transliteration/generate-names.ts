// The name variants Powermap generates for an actor: every Cyrillic Belarusian or Russian name
// (and a Cyrillic label) in every scheme of its language. A spelling several schemes agree on is
// one variant naming them all (across the two languages too: МВД is MVD in each); a spelling the actor already has from a person or a source is not
// generated again. Every write of an actor's names calls this (lib/data/actors/actor-names.ts).
import { CYRILLIC, transliterate } from './transliterate';
import { SCHEMES_OF, formatSchemes, type TransliteratedLanguage, type TransliterationScheme } from './schemes';

export interface EnteredName {
  name: string;
  lang: string;
  script: string;
}

export interface GeneratedName {
  name: string;
  /** The language of the name it was made from. */
  lang: TransliteratedLanguage;
  script: 'Latn';
  kind: 'transliteration';
  /** The schemes giving this spelling, space-separated (ActorName.scheme). */
  scheme: string;
}

/** Belarusian has і and ў, Russian и, щ and ъ; a Cyrillic label with neither (МВД) is read as both. */
function languagesOfLabel(label: string): TransliteratedLanguage[] {
  const be = /[іўІЎ]/u.test(label);
  const ru = /[иИщЩъЪ]/u.test(label);
  if (be === ru) return ['be', 'ru'];
  return be ? ['be'] : ['ru'];
}

function sources(label: string, names: readonly EnteredName[]): { text: string; lang: TransliteratedLanguage }[] {
  const out: { text: string; lang: TransliteratedLanguage }[] = [];
  for (const n of names) if ((n.lang === 'be' || n.lang === 'ru') && CYRILLIC.test(n.name)) out.push({ text: n.name, lang: n.lang });
  if (CYRILLIC.test(label) && !names.some((n) => n.name === label)) for (const lang of languagesOfLabel(label)) out.push({ text: label, lang });
  return out;
}

export function generateNames(label: string, names: readonly EnteredName[]): GeneratedName[] {
  const given = new Set([label, ...names.map((n) => n.name)]);
  // spelling → its first language and the schemes giving it, in the order of first appearance.
  const found = new Map<string, { name: string; lang: TransliteratedLanguage; schemes: TransliterationScheme[] }>();
  for (const { text, lang } of sources(label, names)) {
    for (const scheme of SCHEMES_OF[lang]) {
      const name = transliterate(text, scheme).trim();
      if (!name || given.has(name) || CYRILLIC.test(name)) continue;
      const entry = found.get(name) ?? found.set(name, { name, lang, schemes: [] }).get(name)!;
      if (!entry.schemes.includes(scheme)) entry.schemes.push(scheme);
    }
  }
  return [...found.values()].map(({ name, lang, schemes }) => ({ name, lang, script: 'Latn', kind: 'transliteration', scheme: formatSchemes(schemes) }));
}
