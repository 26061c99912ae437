// A metric's rows as CSV, the columns the ranked table shows (and the API's field names as
// headers), so a spreadsheet gets the numbers the page shows. RFC 4180 quoting.
import type { MetricRow } from './metrics';
import type { RobustRow } from './robustness';

const quote = (value: string | number | undefined) => {
  const text = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function metricRowsCsv(rows: readonly (MetricRow | RobustRow)[]): string {
  const robust = rows.some((r) => 'rankLow' in r);
  const communities = rows.some((r) => r.community !== undefined);
  const headers = ['rank', 'slug', 'label', 'value', ...(communities ? ['community'] : []), ...(robust ? ['rankLow', 'rankHigh', 'rankMedian', 'topShare'] : []), ...(robust && communities ? ['together'] : [])];
  const lines = rows.map((row) => {
    const r = row as RobustRow;
    return [
      row.rank,
      row.slug,
      row.label,
      row.value,
      ...(communities ? [row.community] : []),
      ...(robust ? [r.rankLow, r.rankHigh, r.rankMedian, r.topShare] : []),
      ...(robust && communities ? [r.together] : []),
    ]
      .map(quote)
      .join(',');
  });
  return [headers.join(','), ...lines].join('\r\n') + '\r\n';
}
