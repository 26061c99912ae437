// Admiralty grades ("B2"): source reliability A–F, then information credibility 1–6.
// Lower is better on both axes; reliability outranks credibility, so A6 beats B1. Parsing,
// comparing, ranking, "weak" and the best grade of a tie's claims live here and nowhere else.
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type Credibility, type Reliability } from './vocabulary';

export interface Grade {
  reliability: Reliability;
  credibility: Credibility;
}

const GRADE_PATTERN = /^([A-F])([1-6])$/;

/** Parses a canonical grade like "B2"; anything else (including lowercase) is null. */
export function parseGrade(s: string | null | undefined): Grade | null {
  if (typeof s !== 'string') return null;
  const match = GRADE_PATTERN.exec(s);
  if (!match) return null;
  return { reliability: match[1] as Reliability, credibility: Number(match[2]) as Credibility };
}

export function isGrade(s: unknown): s is string {
  return typeof s === 'string' && GRADE_PATTERN.test(s);
}

export function formatGrade(reliability: string, credibility: number): string {
  return `${reliability}${credibility}`;
}

/** Negative when a is better. Malformed grades sort after every real one. */
export function compareGrades(a: string, b: string): number {
  const ga = parseGrade(a);
  const gb = parseGrade(b);
  if (!ga || !gb) return (ga ? 0 : 1) - (gb ? 0 : 1);
  if (ga.reliability !== gb.reliability) return ga.reliability < gb.reliability ? -1 : 1;
  return ga.credibility - gb.credibility;
}

/**
 * Whether a grade meets a minimum. An ungraded tie never passes: "at least B2" is a claim
 * about evidence, and a tie without a supporting claim has none.
 * Throws on a malformed minimum, which is a caller bug (queries are validated before this).
 */
export function gradeAtLeast(grade: string | null, min: string): boolean {
  if (!isGrade(min)) throw new RangeError(`Not a grade: "${min}"`);
  if (!isGrade(grade)) return false;
  return compareGrades(grade, min) <= 0;
}

export interface GradedClaim {
  reliability: string;
  credibility: number;
  stance: string;
}

/** Best grade among claims that support the tie; refuting claims say nothing about its strength. */
export function bestGrade(claims: readonly GradedClaim[]): string | null {
  let best: string | null = null;
  for (const claim of claims) {
    if (claim.stance !== 'supports') continue;
    const grade = formatGrade(claim.reliability, claim.credibility);
    if (!isGrade(grade)) continue;
    if (best === null || compareGrades(grade, best) < 0) best = grade;
  }
  return best;
}

const RELIABILITIES = 'ABCDEF';

/**
 * A grade as one number, A1 = 0 … F6 = 35, lower is better, ordered as compareGrades orders
 * grades; stored beside each tie's best grade so a minimum grade filters in SQL. Null when none.
 */
export function gradeRank(grade: string | null): number | null {
  const parsed = parseGrade(grade);
  if (!parsed) return null;
  return RELIABILITIES.indexOf(parsed.reliability) * 6 + parsed.credibility - 1;
}

/**
 * A tie is weakly graded when no supporting claim backs it, or its best source is not usually
 * reliable (D–F), or the information is doubtful or worse (4–6). "C3" is still ordinary evidence.
 */
export function isWeakGrade(grade: string | null): boolean {
  const parsed = parseGrade(grade);
  if (!parsed) return true;
  return parsed.reliability >= 'D' || parsed.credibility >= 4;
}

/** "Completely reliable" for A; a fallback for anything that is not a reliability grade. */
export const reliabilityLabel = (r: string) => RELIABILITY_LABELS[r as Reliability] ?? 'Unknown reliability';
export const credibilityLabel = (c: number) => CREDIBILITY_LABELS[c as Credibility] ?? 'Unknown credibility';

/** "Source B (usually reliable), information 2 (probably true)"; anything else as it is. */
export function describeGrade(grade: string): string {
  const parsed = parseGrade(grade);
  if (!parsed) return grade;
  return `Source ${parsed.reliability} (${reliabilityLabel(parsed.reliability).toLowerCase()}), information ${parsed.credibility} (${credibilityLabel(parsed.credibility).toLowerCase()})`;
}
