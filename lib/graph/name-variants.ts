// An actor's names arranged for its profile: by script, then by language, so a reader sees the
// Belarusian and Russian Cyrillic forms together and the Latin transliterations together.
import { compareText } from './adjacency';
import { normaliseForSearch } from './search';

export interface NameVariantLike {
  name: string;
  /** BCP 47 language code: "be", "ru", "en"… */
  lang: string;
  /** ISO 15924 script code: "Cyrl", "Latn"… */
  script: string;
  /** official, transliteration, alias or former. */
  kind: string;
  /** For a generated transliteration, the schemes that give it; absent or empty for a given name. */
  schemes?: readonly string[];
}

const generated = (n: NameVariantLike) => (n.schemes?.length ? 1 : 0);

export interface LanguageGroup<N extends NameVariantLike = NameVariantLike> {
  lang: string;
  label: string;
  names: N[];
}

export interface ScriptGroup<N extends NameVariantLike = NameVariantLike> {
  script: string;
  label: string;
  languages: LanguageGroup<N>[];
}

/** The languages a Belarus analyst meets; others fall back to their code, never to the runtime's locale data. */
export const LANGUAGE_LABELS: Record<string, string> = {
  be: 'Belarusian',
  ru: 'Russian',
  uk: 'Ukrainian',
  pl: 'Polish',
  lt: 'Lithuanian',
  lv: 'Latvian',
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  cs: 'Czech',
  sk: 'Slovak',
  ka: 'Georgian',
  hy: 'Armenian',
  kk: 'Kazakh',
  zh: 'Chinese',
  ar: 'Arabic',
  he: 'Hebrew',
  yi: 'Yiddish',
};

export const SCRIPT_LABELS: Record<string, string> = {
  Cyrl: 'Cyrillic',
  Latn: 'Latin',
  Grek: 'Greek',
  Geor: 'Georgian',
  Armn: 'Armenian',
  Arab: 'Arabic',
  Hebr: 'Hebrew',
  Hans: 'Chinese (simplified)',
  Hant: 'Chinese (traditional)',
};

/** Original scripts of the region first, Latin after them, then any other script by code. */
const SCRIPT_ORDER = ['Cyrl', 'Latn'];
/** Within a script: the country's own language, its neighbour's, then English, then the rest by name. */
const LANGUAGE_ORDER = ['be', 'ru', 'uk', 'en'];
/** Within a language: the official form, then transliterations (given before generated), aliases and former names. */
const KIND_ORDER = ['official', 'transliteration', 'alias', 'former'];

export const languageLabel = (lang: string) => LANGUAGE_LABELS[lang] ?? lang;
export const scriptLabel = (script: string) => SCRIPT_LABELS[script] ?? script;

function rankIn(order: readonly string[], value: string): number {
  const i = order.indexOf(value);
  return i === -1 ? order.length : i;
}

/**
 * Groups names by script and, within each, by language. The same name listed twice in one
 * language (an import may repeat itself) appears once. Empty input gives no groups.
 */
export function groupNameVariants<N extends NameVariantLike>(names: readonly N[]): ScriptGroup<N>[] {
  const scripts = new Map<string, Map<string, N[]>>();
  for (const n of names) {
    let languages = scripts.get(n.script);
    if (!languages) scripts.set(n.script, (languages = new Map()));
    const list = languages.get(n.lang);
    if (!list) languages.set(n.lang, [n]);
    else if (!list.some((m) => m.name === n.name)) list.push(n);
  }
  return [...scripts.entries()]
    .sort(([a], [b]) => rankIn(SCRIPT_ORDER, a) - rankIn(SCRIPT_ORDER, b) || compareText(a, b))
    .map(([script, languages]) => ({
      script,
      label: scriptLabel(script),
      languages: [...languages.entries()]
        .sort(([a], [b]) => rankIn(LANGUAGE_ORDER, a) - rankIn(LANGUAGE_ORDER, b) || compareText(languageLabel(a), languageLabel(b)))
        .map(([lang, list]) => ({
          lang,
          label: languageLabel(lang),
          names: [...list].sort(
            (a, b) => rankIn(KIND_ORDER, a.kind) - rankIn(KIND_ORDER, b.kind) || generated(a) - generated(b) || compareText(normaliseForSearch(a.name), normaliseForSearch(b.name)),
          ),
        })),
    }));
}

