'use client';
// The ranked table beside the map: every actor of the view with the metric's value and rank
// (and, in robustness mode, its rank interval and how often it stays in the top 10). Columns sort
// by their header buttons; a row's actor button selects it on the map, the row of the map's
// selection is marked, and the table downloads as CSV.
import { memo, useMemo, useState } from 'react';
import { download } from '@/components/graph/export';
import { metricRowsCsv } from '@/lib/graph/analysis/metric-csv';
import type { MetricRow } from '@/lib/graph/analysis/metrics';
import type { RobustRow } from '@/lib/graph/analysis/robustness';
import { METRIC_LABELS } from '@/lib/graph/analysis/vocabulary';
import { formatValue } from './analysis-panel';
import { isRobust, type MapAnalysis } from './use-map-analysis';

type SortKey = 'rank' | 'label' | 'value' | 'interval' | 'topShare' | 'community' | 'together';

const FIRST_ROWS = 100;

export interface AnalysisTableProps {
  /**
   * The ranking the map draws (MapAnalysis's `drawn`): while another metric computes, the one
   * before stays here as on the canvas (the panel's status says "The map still shows …"),
   * instead of the table vanishing.
   */
  result: MapAnalysis['drawn'];
  asOf: string;
  select: string | undefined;
  onChoose: (id: string) => void;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/**
 * Memoised: the analysis's other changes (a metric asked for, the status) leave the ranking drawn
 * as it was, and rebuilding a hundred rows then was a main-thread task of its own while computing.
 */
export const AnalysisTable = memo(function AnalysisTable({ result, asOf, select, onChoose }: AnalysisTableProps) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'rank', descending: false });
  const [all, setAll] = useState(false);
  const robust = isRobust(result);
  const communities = result?.metric === 'communities';
  const rows = useMemo(() => {
    const list = [...(result?.rows ?? [])] as (MetricRow & Partial<RobustRow>)[];
    const by: Record<SortKey, (r: MetricRow & Partial<RobustRow>) => number | string> = {
      rank: (r) => r.rank,
      label: (r) => r.label,
      value: (r) => r.value,
      interval: (r) => (r.rankHigh ?? 0) - (r.rankLow ?? 0),
      topShare: (r) => r.topShare ?? 0,
      community: (r) => r.community ?? 0,
      together: (r) => r.together ?? 0,
    };
    const get = by[sort.key];
    list.sort((a, b) => {
      const x = get(a);
      const y = get(b);
      const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
      return (sort.descending ? -order : order) || a.rank - b.rank;
    });
    return list;
  }, [result, sort]);
  if (!result) return null;
  const label = METRIC_LABELS[result.metric];
  const first = all ? rows : rows.slice(0, FIRST_ROWS);
  const selectedRow = select ? rows.find((r) => r.id === select) : undefined;
  // The map's selection always has its row, even past the first hundred.
  const shown = selectedRow && !first.includes(selectedRow) ? [...first, selectedRow] : first;

  const header = (key: SortKey, text: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="analysis-sort"
          onClick={() => setSort({ key, descending: active ? !sort.descending : key === 'value' || key === 'topShare' || key === 'together' })}
        >
          {text}
          {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  };

  return (
    <section className="analysis-table-section" aria-labelledby="analysis-table-heading">
      <h2 id="analysis-table-heading">{communities ? `${label}, largest first` : `Ranked by ${label.toLowerCase()}`}</h2>
      <div className="analysis-table-scroll">
        <table className="analysis-table" aria-label={`Actors ranked by ${label.toLowerCase()}`}>
          <thead>
            <tr>
              {header('rank', 'Rank')}
              {header('label', 'Actor')}
              {header('value', communities ? 'Community' : label)}
              {robust && !communities && header('interval', 'Rank interval (90 %)')}
              {robust && !communities && header('topShare', 'In top 10')}
              {robust && communities && header('together', 'With its community')}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} aria-selected={row.id === select} className={row.id === select ? 'selected' : undefined}>
                <td>{row.rank}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => onChoose(row.id)}>
                    {row.label}
                  </button>
                </td>
                <td>{communities ? row.community : formatValue(row.value)}</td>
                {robust && !communities && (
                  <td>
                    {row.rankLow === row.rankHigh ? `${row.rankLow}` : `${row.rankLow}–${row.rankHigh}`}
                  </td>
                )}
                {robust && !communities && <td>{percent(row.topShare ?? 0)}</td>}
                {robust && communities && <td>{percent(row.together ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        {rows.length > FIRST_ROWS && (
          <button type="button" onClick={() => setAll(!all)}>
            {all ? `Show the first ${FIRST_ROWS}` : `Show all ${rows.length}`}
          </button>
        )}
        <button
          type="button"
          onClick={() => download(new Blob([metricRowsCsv(result.rows)], { type: 'text/csv;charset=utf-8' }), `powermap-${result.metric}-${asOf}.csv`)}
        >
          Download CSV
        </button>
      </div>
    </section>
  );
});
