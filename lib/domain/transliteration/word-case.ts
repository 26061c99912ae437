// Case for transliterated text. A letter that becomes several keeps its capital on the first
// only (Ш → Sh), unless the whole word is capitals (ШКЛОЎ → SHKLOW, МВД → MVD): such words are
// transliterated in lowercase and raised again, which iuliia does not do (it gives "YёLKIN").

const WORD = /[\p{L}\p{M}'’ʼ]+/gu;

function isAllCaps(word: string): boolean {
  const letters = [...word].filter((c) => /\p{L}/u.test(c));
  return letters.length > 1 && letters.every((c) => c !== c.toLowerCase());
}

/** Applies `convert` (which keeps a capital on a word's letters itself) word by word, raising all-capital words whole. */
export function transliterateWords(text: string, convert: (word: string) => string): string {
  return text.replace(WORD, (word) => (isAllCaps(word) ? convert(word.toLowerCase()).toUpperCase() : convert(word))).normalize('NFC');
}

/** The first letter of `latin` capitalised when `source` is a capital. */
export function withCaseOf(source: string, latin: string): string {
  return source !== source.toLowerCase() && latin ? latin.charAt(0).toUpperCase() + latin.slice(1) : latin;
}
