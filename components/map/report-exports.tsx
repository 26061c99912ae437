'use client';
// The report-ready exports of the map's current view: a PNG at a print scale, an SVG and a PDF page
// with the title, date line, filter summary, legend and attribution, and the CSV appendix of the
// ties in view with their grades and first source. The sources are counted by the server for
// exactly the ties drawn (POST /api/graph/report-sources); everything else is what the map holds.
import type { Core } from 'cytoscape';
import { useState } from 'react';
import { isLive } from '@/components/graph/camera';
import { download, exportPng } from '@/components/graph/export';
import { legendEntries } from '@/components/graph/legend-entries';
import { exportReportPdf, exportReportSvg, type ReportText } from '@/components/graph/report-export';
import type { ActorKind, Faction } from '@/lib/domain/vocabulary';
import { composeReportText, PNG_SCALES, tieAppendixRows, type FilterNames, type FirstSource, type PngScale } from '@/lib/graph/report';
import type { GraphQuery, GraphView } from '@/lib/graph/types';
import type { GraphViewState } from '@/lib/validation/graph-queries';
import { tiesCsv } from './ties-csv';

interface ReportSources {
  sourceCount: number;
  firstSources: Record<string, FirstSource | null>;
}

async function fetchReportSources(tieIds: string[]): Promise<ReportSources> {
  const response = await fetch('/api/graph/report-sources', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ tieIds }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
  return body.data as ReportSources;
}

export interface ReportExportsProps {
  cy: Core | null;
  view: GraphView;
  query: GraphQuery;
  viewState: GraphViewState;
  names: FilterNames;
  /** An overview's groups, which the legend counts too. */
  groups?: readonly { kind: ActorKind; faction: Faction }[];
  /** The start of the file names, like "powermap-2020-08-09". */
  fileBase: string;
  /** A title other than the one made from the filters (a story step's title and caption). */
  title?: string;
}

type Format = 'png' | 'svg' | 'pdf' | 'csv';

export function ReportExports({ cy, view, query, viewState, names, groups, fileBase, title }: ReportExportsProps) {
  const [scale, setScale] = useState<PngScale>(2);
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const exportAs = async (format: Format) => {
    if (!isLive(cy)) return;
    setError(null);
    setNotice(null);
    if (format === 'png') return download(exportPng(cy, scale), `${fileBase}.png`);
    setBusy(format);
    try {
      const sources = await fetchReportSources(view.edges.map((e) => e.tieId));
      if (format === 'csv') {
        const firsts = new Map(Object.entries(sources.firstSources));
        return download(tiesCsv(tieAppendixRows(view, firsts)), `${fileBase}-ties.csv`);
      }
      const text: ReportText = composeReportText({
        names,
        title,
        dates: { asOf: view.asOf, compare: viewState.compare, known: query.known },
        query,
        sourceCount: sources.sourceCount,
        edges: view.edges,
        address: window.location.href,
      });
      const legend = legendEntries(view, groups);
      if (format === 'svg') download(await exportReportSvg(cy, text, legend), `${fileBase}.svg`);
      else {
        const pdf = await exportReportPdf(cy, text, legend, scale);
        download(pdf.blob, `${fileBase}.pdf`);
        if (pdf.latinOnly) setNotice('The PDF font could not be loaded, so its text writes Cyrillic in Latin letters (BGN/PCGN); the picture keeps every script.');
      }
    } catch (thrown) {
      setError(`Could not export: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <label className="field">
        <span>Image scale</span>
        <select value={scale} onChange={(e) => setScale(Number(e.target.value) as PngScale)}>
          {PNG_SCALES.map((s) => (
            <option key={s} value={s}>
              {s}× {s === 1 ? '(screen)' : s === 2 ? '(sharp screen)' : '(print)'}
            </option>
          ))}
        </select>
      </label>
      <div className="button-row">
        <button type="button" onClick={() => void exportAs('png')} disabled={!cy}>
          PNG
        </button>
        <button type="button" onClick={() => void exportAs('svg')} disabled={!cy || busy !== null}>
          SVG
        </button>
        <button type="button" onClick={() => void exportAs('pdf')} disabled={!cy || busy !== null}>
          PDF
        </button>
        <button type="button" onClick={() => void exportAs('csv')} disabled={!cy || busy !== null}>
          Ties CSV
        </button>
      </div>
      <p className="muted">SVG and PDF carry the legend, the date, the filters and the sources; the CSV lists the ties in view with their grades and first source.</p>
      {busy && (
        <p role="status" className="muted">
          Preparing the {busy.toUpperCase()}…
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {error && <p role="alert">{error}</p>}
    </>
  );
}
