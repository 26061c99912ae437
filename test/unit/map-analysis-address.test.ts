// The analysis's part of the map's address, held apart from the rest of the view (so a metric
// change leaves the map's view object as it was): split and put back without losing or
// inventing a field, and written to the same address as before the split.
import { describe, expect, it } from 'vitest';
import { analysisOf, withAnalysis, withoutAnalysis } from '../../components/map/analysis-address';
import { parseGraphQuery, serializeGraphQuery, type GraphViewState } from '../../lib/validation/graph-queries';

const full: GraphViewState = { layout: 'concentric', select: 'actor:a', group: 'wagner:person', metric: 'communities', weight: 'grade', resolution: 2, samples: 50 };

describe('the analysis part of the map address', () => {
  it('splits the view into its analysis fields and the rest', () => {
    expect(analysisOf(full)).toEqual({ metric: 'communities', weight: 'grade', resolution: 2, samples: 50 });
    expect(withoutAnalysis(full)).toEqual({ layout: 'concentric', select: 'actor:a', group: 'wagner:person' });
    // Absent stays absent: no key set to undefined, so content comparison (JSON) sees no change.
    const force: GraphViewState = { layout: 'force' };
    expect(Object.keys(analysisOf({ ...force, metric: 'degree' }))).toEqual(['metric']);
    expect(analysisOf(force)).toEqual({});
  });

  it('puts them back as they were, and the address reads the same', () => {
    const back = withAnalysis(withoutAnalysis(full), analysisOf(full));
    expect(back).toEqual(full);
    expect(serializeGraphQuery({ showEnded: true, hops: 1 }, back).toString()).toBe(serializeGraphQuery({ showEnded: true, hops: 1 }, full).toString());
  });

  it('replaces the analysis fields, dropping those set to undefined, and leaves the rest alone', () => {
    expect(withAnalysis(full, { metric: 'pagerank' })).toEqual({ layout: 'concentric', select: 'actor:a', group: 'wagner:person', metric: 'pagerank' });
    expect(withAnalysis(full, { ...analysisOf(full), samples: undefined })).toEqual({ ...withoutAnalysis(full), metric: 'communities', weight: 'grade', resolution: 2 });
    expect(withAnalysis(full, {})).toEqual(withoutAnalysis(full));
    expect('samples' in withAnalysis(full, { metric: 'degree', samples: undefined })).toBe(false);
  });

  it('splits what the address parser reads', () => {
    const parsed = parseGraphQuery({ metric: 'betweenness', samples: '10', group: 'wagner:person' });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    expect(analysisOf(parsed.view)).toEqual({ metric: 'betweenness', samples: 10 });
    expect(withoutAnalysis(parsed.view).metric).toBeUndefined();
  });
});
