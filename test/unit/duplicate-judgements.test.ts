// Judgements inferred transitively: same is transitive, different holds across groups of the same.
import { describe, expect, it } from 'vitest';
import { indexJudgements, pairKey, type Judgement } from '../../lib/graph/duplicate-judgements';

const j = (actorAId: string, actorBId: string, verdict: Judgement['verdict']): Judgement => ({ actorAId, actorBId, verdict });

describe('indexJudgements', () => {
  it('A = B and B = C make A = C, suggested as the same through B', () => {
    const index = indexJudgements([j('a', 'b', 'same'), j('b', 'c', 'same')]);
    expect(index.verdictOf('a', 'c')).toEqual({ verdict: 'same', direct: false, via: ['b'] });
    expect(index.verdictOf('c', 'a')?.verdict).toBe('same');
    expect(index.inferredSame()).toEqual([['a', 'c']]);
    expect(index.verdictOf('a', 'b')).toEqual({ verdict: 'same', direct: true, via: [] });
  });

  it('A = B and B ≠ C make A ≠ C, so A and C are not suggested', () => {
    const index = indexJudgements([j('a', 'b', 'same'), j('b', 'c', 'different')]);
    expect(index.verdictOf('a', 'c')).toEqual({ verdict: 'different', direct: false, via: ['b'] });
    expect(index.inferredSame()).toEqual([]);
  });

  it('a longer chain is followed, and its path named', () => {
    const index = indexJudgements([j('a', 'b', 'same'), j('c', 'b', 'same'), j('c', 'd', 'same'), j('d', 'x', 'different')]);
    expect(index.verdictOf('a', 'd')).toEqual({ verdict: 'same', direct: false, via: ['b', 'c'] });
    expect(index.verdictOf('a', 'x')?.verdict).toBe('different');
    expect(index.inferredSame()).toHaveLength(3);
  });

  it('unsure implies nothing, and unjudged pairs have no verdict', () => {
    const index = indexJudgements([j('a', 'b', 'unsure'), j('b', 'c', 'same')]);
    expect(index.verdictOf('a', 'c')).toBeNull();
    expect(index.verdictOf('a', 'b')).toBeNull();
    expect(index.verdictOf('p', 'q')).toBeNull();
  });

  it('keys a pair the same whichever way it is asked', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
  });
});
