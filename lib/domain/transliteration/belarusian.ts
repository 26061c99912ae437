// Belarusian Cyrillic to Latin, by two published tables (iuliia covers Russian only and leaves
// і and ў alone):
// - the national system: the Instruction on transliteration of Belarusian geographical names
//   with letters of Latin script, as revised on 11 June 2007 and adopted by the UN (Łacinka-based:
//   Лукашэнка → Lukašenka, Магілёў → Mahilioŭ, Гомель → Homieĺ);
// - BGN/PCGN 1979 (plain letters: Лукашэнка → Lukashenka, Магілёў → Mahilyow, Гомель → Homyel’).
import { transliterateWords, withCaseOf } from './word-case';

const VOWELS = new Set([...'аеёіоуыэюя']);
/** Marks that make е ё ю я start a syllable of their own (je, jo…) in the national system. */
const SEPARATORS = new Set([...'’\'ʼьў']);
const APOSTROPHES = new Set([...'’\'ʼ']);

const NATIONAL: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', ж: 'ž', з: 'z', і: 'i', й: 'j', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'ŭ', ф: 'f', х: 'ch', ц: 'c',
  ч: 'č', ш: 'š', ы: 'y', э: 'e',
  // Russian letters that turn up in Belarusian-tagged text, rendered as their Belarusian sounds.
  и: 'i', щ: 'šč', ъ: '',
};
const NATIONAL_IOTATED: Record<string, string> = { е: 'e', ё: 'o', ю: 'u', я: 'a' };

const BGN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'ye', ё: 'yo', ж: 'zh', з: 'z', і: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'w', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', ы: 'y', ь: '’', э: 'e', ю: 'yu', я: 'ya',
  и: 'i', щ: 'shch', ъ: '',
  // The apostrophe is rendered as a double prime.
  '’': '”', "'": '”', ʼ: '”',
};

function nationalWord(word: string): string {
  const chars = [...word];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const lower = c.toLowerCase();
    const prev = i > 0 ? chars[i - 1]!.toLowerCase() : '';
    if (lower === 'ь') {
      // The soft sign is an acute on the consonant before it: зь ź, ль ĺ, нь ń, сь ś, ць ć, дзь dź.
      out += '\u0301';
      continue;
    }
    if (APOSTROPHES.has(lower)) continue;
    if (lower in NATIONAL_IOTATED) {
      // je, jo, ju, ja at the start, after a vowel, an apostrophe, a separating ь or ў; ie, io, iu, ia after a consonant.
      const glide = !prev || VOWELS.has(prev) || SEPARATORS.has(prev) ? 'j' : 'i';
      out += withCaseOf(c, glide + NATIONAL_IOTATED[lower]);
      continue;
    }
    out += withCaseOf(c, NATIONAL[lower] ?? c);
  }
  return out;
}

function bgnWord(word: string): string {
  return [...word].map((c) => withCaseOf(c, BGN[c.toLowerCase()] ?? c)).join('');
}

/** Belarusian national system (2007): Лукашэнка → Lukašenka. */
export function belarusianNational(text: string): string {
  return transliterateWords(text, nationalWord);
}

/** BGN/PCGN Belarusian (1979): Лукашэнка → Lukashenka. */
export function belarusianBgnPcgn(text: string): string {
  return transliterateWords(text, bgnWord);
}
