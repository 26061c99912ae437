// The transliteration schemes Powermap generates name variants with. A generated variant stores
// the ids of the schemes that give its spelling (ActorName.scheme), so a reader can see where a
// spelling came from; the labels say which edition of each system, because they differ.
export const TRANSLITERATION_SCHEMES = {
  'be-national-2007': {
    lang: 'be',
    label: 'Belarusian national system (2007)',
    // The Instruction on transliteration of Belarusian geographical names (2000, revised 11 June
    // 2007, adopted by the UN in 2007). The 2023 instruction that replaced it inside Belarus is not generated.
    short: 'national 2007',
  },
  'be-bgn-pcgn-1979': { lang: 'be', label: 'BGN/PCGN Belarusian (1979)', short: 'BGN/PCGN' },
  'ru-bgn-pcgn-1947': { lang: 'ru', label: 'BGN/PCGN Russian (1947)', short: 'BGN/PCGN' },
  'ru-iso-9-1995': { lang: 'ru', label: 'ISO 9:1995 (GOST 7.79-2000 system A)', short: 'ISO 9' },
  'ru-icao-2013': { lang: 'ru', label: 'Passport / ICAO Doc 9303 (Russia, 2013)', short: 'passport' },
} as const;

export type TransliterationScheme = keyof typeof TRANSLITERATION_SCHEMES;
export const TRANSLITERATION_SCHEME_IDS = Object.keys(TRANSLITERATION_SCHEMES) as TransliterationScheme[];

/** The languages whose Cyrillic names Powermap transliterates. */
export type TransliteratedLanguage = 'be' | 'ru';

export const SCHEMES_OF: Record<TransliteratedLanguage, TransliterationScheme[]> = {
  be: TRANSLITERATION_SCHEME_IDS.filter((s) => TRANSLITERATION_SCHEMES[s].lang === 'be'),
  ru: TRANSLITERATION_SCHEME_IDS.filter((s) => TRANSLITERATION_SCHEMES[s].lang === 'ru'),
};

/** ActorName.scheme holds the schemes giving one spelling, space-separated; null for a name a person or source gave. */
export function parseSchemes(stored: string | null | undefined): TransliterationScheme[] {
  if (!stored) return [];
  return stored.split(' ').filter((s): s is TransliterationScheme => s in TRANSLITERATION_SCHEMES);
}

export function formatSchemes(schemes: readonly TransliterationScheme[]): string {
  return schemes.join(' ');
}
