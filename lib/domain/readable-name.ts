// Registers and sanctions lists write surnames (or whole names) in capitals: "Alexander
// Vyacheslavovich ZAKHAROV", "ЗАХАРОВ Александр". Shown like that the map shouts; an importer keeps
// the original as a name variant (it is how the list spells it, and what a search of the list
// needs) and shows the readable form. Only people: an organisation's capitals are often its name
// ("KGB", "OAO"), which no rule can tell from shouting.

/** A word of two or more letters, all capitals, in any script (hyphen or apostrophe inside, a comma after). */
const SHOUTED_WORD = /^[\p{Lu}][\p{Lu}'’-]*\p{Lu}[,;]?$/u;
const HAS_LOWER = /\p{Ll}/u;
/** "Elizabeth II", "John Smith III": a regnal number is not shouting. */
const ROMAN_NUMERAL = /^[IVX]+[,;]?$/;

/** One capitalised word: first letter of each hyphen- or apostrophe-joined part kept, the rest lower. */
function capitalise(word: string): string {
  return word
    .toLocaleLowerCase()
    .replace(/(^|[-'’])(\p{Ll})/gu, (_, joint: string, letter: string) => joint + letter.toLocaleUpperCase());
}

/**
 * The readable form of a person's name: words written in capitals get an initial capital only;
 * words already in mixed case, initials ("A.") and the name as a whole stay as they are.
 * Returns the name unchanged when it has no shouted word.
 */
export function readablePersonName(name: string): string {
  return name
    .split(/(\s+)/)
    .map((part) => {
      const letters = part.replace(/[^\p{L}]/gu, '');
      if (letters.length < 2 || HAS_LOWER.test(part) || !SHOUTED_WORD.test(part) || ROMAN_NUMERAL.test(part)) return part;
      return capitalise(part);
    })
    .join('');
}

/** Whether the readable form differs, that is whether the original should be kept as a variant. */
export function isShoutedName(name: string): boolean {
  return readablePersonName(name) !== name;
}
