// The path panel's options kept in the map's address: what is written reads back the same, defaults
// stay out of the address, and the options mean nothing (and are dropped) without a traced path.
import { describe, expect, it } from 'vitest';
import { parseGraphQuery, serializeGraphQuery, type GraphViewState } from '@/lib/validation/graph-queries';
import { pathParamsSchema } from '@/lib/validation/path-queries';

const roundTrip = (view: GraphViewState) => {
  const parsed = parseGraphQuery(Object.fromEntries(serializeGraphQuery({ showEnded: true, hops: 1 }, view)));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.view;
};

describe('path options in the map address', () => {
  it('round-trips every option and the highlighted path', () => {
    const view: GraphViewState = {
      layout: 'force',
      path: ['sviatlana-tsikhanouskaya', 'boris-gryzlov'],
      pathOptions: { k: 5, avoid: ['belarus-state', 'kremlin'], maxDegree: 12, directed: true, types: ['leads', 'member_of'], minGrade: 'B2', time: { flow: 'forward', maxGapDays: 30, from: '2020-01-01', to: '2021-06-01' } },
      pathShown: 2,
    };
    expect(roundTrip(view)).toStrictEqual(view);
  });

  it('writes nothing for the default options and the first path', () => {
    const qs = serializeGraphQuery({ showEnded: true, hops: 1 }, { layout: 'force', path: ['a', 'b'], pathOptions: { k: 3, avoid: [] }, pathShown: 0 }).toString();
    expect(qs).toBe('path=a%2Cb');
    expect(roundTrip({ layout: 'force', path: ['a', 'b'] })).toStrictEqual({ layout: 'force', path: ['a', 'b'] });
  });

  it('keeps a window flow without a gap, and drops options without a path', () => {
    const windowed: GraphViewState = { layout: 'force', path: ['a', 'b'], pathOptions: { avoid: [], time: { flow: 'window', from: '2020-08-09' } } };
    expect(roundTrip(windowed)).toStrictEqual(windowed);
    const parsed = parseGraphQuery({ k: '4', avoid: 'x' });
    expect(parsed.ok && parsed.view).toStrictEqual({ layout: 'force' });
  });

  it('refuses inconsistent time options, in the address as in the API', () => {
    const address = parseGraphQuery({ path: 'a,b', maxGapDays: '3' });
    expect(address.ok).toBe(false);
    if (!address.ok) expect(address.fieldErrors.maxGapDays).toEqual(['needs time=forward or time=window']);
    expect(pathParamsSchema.safeParse({ from: 'a', to: 'b', time: 'window', maxGapDays: '3' }).success).toBe(false);
    expect(pathParamsSchema.parse({ from: 'a', to: 'b' })).toMatchObject({ k: 3, direction: 'any' });
  });
});
