// One entry point per scheme, so callers name a scheme and never a table.
import { belarusianBgnPcgn, belarusianNational } from './belarusian';
import { russianBgnPcgn, russianIcao, russianIso9 } from './russian';
import type { TransliterationScheme } from './schemes';

const CONVERT: Record<TransliterationScheme, (text: string) => string> = {
  'be-national-2007': belarusianNational,
  'be-bgn-pcgn-1979': belarusianBgnPcgn,
  'ru-bgn-pcgn-1947': russianBgnPcgn,
  'ru-iso-9-1995': russianIso9,
  'ru-icao-2013': russianIcao,
};

export function transliterate(text: string, scheme: TransliterationScheme): string {
  return CONVERT[scheme](text);
}

export const CYRILLIC = /\p{Script=Cyrillic}/u;
