// Russian Cyrillic to Latin through iuliia (nalgeon/iuliia-js: the schemes as published, with
// their context rules such as BGN/PCGN's ye after a vowel). Two repairs to its 0.8.2 tables: BGN/PCGN
// and ISO 9 give ё → ë, which iuliia leaves as the Cyrillic letter; and all-capital words keep
// their capitals (word-case.ts).
import { BGN_PCGN, GOST_779, ICAO_DOC_9303, translate, type Schema } from 'iuliia';
import { transliterateWords } from './word-case';

function withIuliia(schema: Schema, text: string): string {
  return transliterateWords(text, (word) => translate(word, schema).replace(/ё/g, 'ë').replace(/Ё/g, 'Ë'));
}

/** BGN/PCGN Russian (1947): Тихановский → Tikhanovskiy. */
export const russianBgnPcgn = (text: string) => withIuliia(BGN_PCGN, text);

/** ISO 9:1995, identical to GOST 7.79-2000 system A: Лукашенко → Lukašenko. */
export const russianIso9 = (text: string) => withIuliia(GOST_779, text);

/** The Russian passport form since 2013 (ICAO Doc 9303): Юлия → Iuliia. */
export const russianIcao = (text: string) => withIuliia(ICAO_DOC_9303, text);
