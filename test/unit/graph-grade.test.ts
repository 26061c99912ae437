import { describe, expect, it } from 'vitest';
import { bestGrade, compareGrades, gradeAtLeast, gradeRank, isGrade, parseGrade } from '../../lib/domain/grade';

describe('parseGrade / isGrade', () => {
  it('reads a letter and a digit', () => {
    expect(parseGrade('B2')).toEqual({ reliability: 'B', credibility: 2 });
    expect(parseGrade('F6')).toEqual({ reliability: 'F', credibility: 6 });
  });
  it('rejects anything else', () => {
    for (const bad of ['', 'b2', 'G1', 'A0', 'A7', 'AB', '2B', 'B2 ', 'B22']) {
      expect(parseGrade(bad), bad).toBeNull();
      expect(isGrade(bad), bad).toBe(false);
    }
    expect(parseGrade(null)).toBeNull();
    expect(isGrade(undefined)).toBe(false);
    expect(isGrade('A1')).toBe(true);
  });
});

describe('compareGrades', () => {
  it('puts the reliability letter before the credibility digit', () => {
    expect(compareGrades('B2', 'C1')).toBeLessThan(0);
    expect(compareGrades('A6', 'B1')).toBeLessThan(0);
    expect(compareGrades('B1', 'A6')).toBeGreaterThan(0);
  });
  it('compares digits within a letter', () => {
    expect(compareGrades('B1', 'B2')).toBeLessThan(0);
    expect(compareGrades('B3', 'B2')).toBeGreaterThan(0);
    expect(compareGrades('C3', 'C3')).toBe(0);
  });
  it('sorts a list best first, malformed grades last', () => {
    expect(['C1', 'x', 'A6', 'B2', 'B1'].sort(compareGrades)).toEqual(['A6', 'B1', 'B2', 'C1', 'x']);
  });
});

describe('gradeAtLeast', () => {
  it('passes equal and better grades', () => {
    expect(gradeAtLeast('B2', 'B2')).toBe(true);
    expect(gradeAtLeast('A6', 'B1')).toBe(true);
    expect(gradeAtLeast('B1', 'B2')).toBe(true);
  });
  it('fails worse grades', () => {
    expect(gradeAtLeast('C1', 'B2')).toBe(false);
    expect(gradeAtLeast('B3', 'B2')).toBe(false);
  });
  it('never passes an ungraded tie, even at the weakest minimum', () => {
    expect(gradeAtLeast(null, 'F6')).toBe(false);
    expect(gradeAtLeast('junk', 'F6')).toBe(false);
  });
  it('throws on a malformed minimum', () => {
    expect(() => gradeAtLeast('A1', 'Z9')).toThrow(RangeError);
  });
});

describe('bestGrade', () => {
  it('takes the best supporting claim', () => {
    expect(
      bestGrade([
        { reliability: 'C', credibility: 1, stance: 'supports' },
        { reliability: 'B', credibility: 3, stance: 'supports' },
        { reliability: 'B', credibility: 2, stance: 'supports' },
      ]),
    ).toBe('B2');
  });
  it('ignores refuting claims, however strong', () => {
    expect(
      bestGrade([
        { reliability: 'A', credibility: 1, stance: 'refutes' },
        { reliability: 'D', credibility: 4, stance: 'supports' },
      ]),
    ).toBe('D4');
  });
  it('is null with no supporting claim', () => {
    expect(bestGrade([])).toBeNull();
    expect(bestGrade([{ reliability: 'A', credibility: 1, stance: 'refutes' }])).toBeNull();
  });
  it('skips malformed claims', () => {
    expect(bestGrade([{ reliability: 'Q', credibility: 1, stance: 'supports' }, { reliability: 'E', credibility: 5, stance: 'supports' }])).toBe('E5');
  });
});

describe('gradeRank', () => {
  const all = 'ABCDEF'.split('').flatMap((r) => [1, 2, 3, 4, 5, 6].map((c) => `${r}${c}`));
  it('numbers every grade from A1 = 0 to F6 = 35, in the order compareGrades gives', () => {
    expect(gradeRank('A1')).toBe(0);
    expect(gradeRank('A6')).toBe(5);
    expect(gradeRank('B1')).toBe(6);
    expect(gradeRank('F6')).toBe(35);
    for (const a of all) for (const b of all) expect(Math.sign(gradeRank(a)! - gradeRank(b)!), `${a} vs ${b}`).toBe(Math.sign(compareGrades(a, b)));
  });
  it('agrees with gradeAtLeast, so a minimum grade filters as rank <= rank(min)', () => {
    for (const g of all) for (const min of all) expect(gradeRank(g)! <= gradeRank(min)!).toBe(gradeAtLeast(g, min));
  });
  it('is null without a grade', () => {
    expect(gradeRank(null)).toBeNull();
    expect(gradeRank('b2')).toBeNull();
  });
});
