// Report-ready exports of the map's current view: an SVG and a PDF page that carry the picture with
// its title, date line, filter summary, legend and attribution line, ready for a briefing.
// The words come from lib/graph/report.ts and the legend from legend-entries.ts, so both formats
// (and the legend on screen) say the same. Composed in the browser: the picture, laid out as the
// analyst left it, exists only here; the server only counted the sources (POST /api/graph/report-sources).
import type { Core } from 'cytoscape';
import { boundedScale, winAnsiText } from '@/lib/graph/report';
import { mapSvg } from './export';
import { LEGEND_HEADINGS, LEGEND_MARKS, type LegendEntries } from './legend-entries';
import type { NodeShape } from './graph-style';

const BACKGROUND = '#ffffff';
const INK = '#1d2329';
const MUTED = '#5b6570';

export interface ReportText {
  title: string;
  dateLine: string;
  filters: string;
  attribution: string;
  /** The map address the view came from, so a reader can open it again. */
  address: string;
}

/** The whole drawing as a PNG data URL at a scale bounded so neither side passes the export limit. */
function pngDataUrl(cy: Core, scale: number): { url: string; width: number; height: number } {
  const box = cy.elements().boundingBox();
  const used = boundedScale(scale, box.w, box.h);
  const url = cy.png({ output: 'base64uri', full: true, scale: used, bg: BACKGROUND });
  return { url, width: Math.max(1, box.w), height: Math.max(1, box.h) };
}

// --- SVG ------------------------------------------------------------------------------------

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function svgShape(shape: NodeShape, x: number, y: number, fill: string): string {
  const at = (points: [number, number][]) => points.map(([px, py]) => `${x + px},${y + py}`).join(' ');
  switch (shape) {
    case 'ellipse':
      return `<circle cx="${x + 7}" cy="${y + 7}" r="6" fill="${fill}"/>`;
    case 'round-rectangle':
      return `<rect x="${x + 1}" y="${y + 2}" width="12" height="10" rx="2" fill="${fill}"/>`;
    case 'diamond':
      return `<polygon points="${at([[7, 0], [14, 7], [7, 14], [0, 7]])}" fill="${fill}"/>`;
    case 'hexagon':
      return `<polygon points="${at([[3, 1], [11, 1], [14, 7], [11, 13], [3, 13], [0, 7]])}" fill="${fill}"/>`;
    case 'triangle':
      return `<polygon points="${at([[7, 1], [14, 13], [0, 13]])}" fill="${fill}"/>`;
  }
}

/** Legend rows as SVG: a swatch (shape, fill or line) and its words, column by column. */
function svgLegend(entries: LegendEntries, x: number, y: number, columnWidth: number): { svg: string; height: number } {
  const parts: string[] = [];
  const rowHeight = 18;
  let row = 0;
  const heading = (text: string) => {
    parts.push(`<text x="${x}" y="${y + row * rowHeight + 12}" font-weight="bold" fill="${INK}">${escapeXml(text)}</text>`);
    row += 1;
  };
  const item = (swatch: string, text: string) => {
    parts.push(`<g>${swatch}<text x="${x + 24}" y="${y + row * rowHeight + 12}" fill="${INK}">${escapeXml(text)}</text></g>`);
    row += 1;
  };
  const top = () => y + row * rowHeight;
  const line = (colour: string, extra = '', width = 2.5) => `<line x1="${x}" y1="${top() + 8}" x2="${x + 18}" y2="${top() + 8}" stroke="${colour}" stroke-width="${width}"${extra}/>`;
  if (entries.kinds.length) {
    heading(LEGEND_HEADINGS.kinds);
    for (const k of entries.kinds) item(svgShape(k.shape, x + 2, top() + 1, '#8a96a3'), k.label);
  }
  if (entries.factions.length) {
    heading(LEGEND_HEADINGS.factions);
    for (const f of entries.factions) item(svgShape('ellipse', x + 2, top() + 1, f.colour), f.label);
    if (entries.anyEnded) item(`<circle cx="${x + 9}" cy="${top() + 8}" r="6" fill="#8a96a3" fill-opacity="0.55" stroke="${MUTED}" stroke-dasharray="3 2"/>`, LEGEND_MARKS.ended);
  }
  if (entries.categories.length) {
    heading(LEGEND_HEADINGS.categories);
    for (const c of entries.categories) item(line(c.colour), `${c.meaning} — ${c.types.join(', ')}`);
    heading(LEGEND_HEADINGS.marks);
    item(line(MUTED, '', 5), LEGEND_MARKS.strength);
    if (entries.anyPast) item(line(MUTED, ' stroke-dasharray="6 4"'), LEGEND_MARKS.past);
    if (entries.anyWeak) item(line(MUTED, ' stroke-opacity="0.3"'), LEGEND_MARKS.weak);
    if (entries.anyDisputed) item(`<text x="${x + 5}" y="${top() + 13}" font-weight="bold" fill="#b3261e">?</text>`, LEGEND_MARKS.disputed);
  }
  return { svg: `<g font-size="12" font-family="DejaVu Sans, Arial, sans-serif" data-width="${columnWidth}">${parts.join('')}</g>`, height: row * rowHeight };
}

/**
 * The map's SVG (cytoscape-svg, vector) inside a page: title, date and filters above, the legend
 * and the attribution below. The map keeps its own coordinates in a nested <svg>.
 */
export async function exportReportSvg(cy: Core, text: ReportText, legend: LegendEntries): Promise<Blob> {
  const inner = await mapSvg(cy);
  const body = inner.replace(/<\?xml[^>]*\?>/, '').replace(/<!DOCTYPE[^>]*>/i, '').trim();
  const mapWidth = Number(/<svg[^>]*\swidth="([\d.]+)/.exec(body)?.[1] ?? 800);
  const mapHeight = Number(/<svg[^>]*\sheight="([\d.]+)/.exec(body)?.[1] ?? 600);
  const margin = 24;
  const width = Math.max(mapWidth + 2 * margin, 720);
  const headerHeight = 84;
  const legendTop = headerHeight + mapHeight + 16;
  const drawn = svgLegend(legend, margin, legendTop, width - 2 * margin);
  const footerTop = legendTop + drawn.height + 16;
  const height = footerTop + 40;
  const header = [
    `<text x="${margin}" y="32" font-size="20" font-weight="bold" fill="${INK}">${escapeXml(text.title)}</text>`,
    `<text x="${margin}" y="54" font-size="14" fill="${INK}">${escapeXml(text.dateLine)}</text>`,
    `<text x="${margin}" y="74" font-size="12" fill="${MUTED}">${escapeXml(text.filters)}</text>`,
  ].join('');
  const map = body.replace(/^<svg/, `<svg x="${margin}" y="${headerHeight}"`);
  const footer = [
    `<text x="${margin}" y="${footerTop + 12}" font-size="12" fill="${INK}">${escapeXml(text.attribution)}</text>`,
    `<text x="${margin}" y="${footerTop + 30}" font-size="10" fill="${MUTED}">${escapeXml(text.address)}</text>`,
  ].join('');
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">` +
    `<title>${escapeXml(text.title)}</title><rect width="100%" height="100%" fill="${BACKGROUND}"/>${header}${map}${drawn.svg}${footer}</svg>`;
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
}

// --- PDF ------------------------------------------------------------------------------------

type Pdf = import('jspdf').jsPDF;

function pdfShape(doc: Pdf, shape: NodeShape, x: number, y: number, size: number): void {
  const h = size / 2;
  switch (shape) {
    case 'ellipse':
      doc.circle(x + h, y + h, h, 'F');
      break;
    case 'round-rectangle':
      doc.roundedRect(x, y + size * 0.15, size, size * 0.7, size * 0.15, size * 0.15, 'F');
      break;
    case 'diamond':
      doc.lines([[h, h], [-h, h], [-h, -h]], x + h, y, [1, 1], 'F', true);
      break;
    case 'hexagon':
      doc.lines([[size * 0.5, 0], [size * 0.25, h], [-size * 0.25, h], [-size * 0.5, 0], [-size * 0.25, -h]], x + size * 0.25, y, [1, 1], 'F', true);
      break;
    case 'triangle':
      doc.triangle(x + h, y, x + size, y + size, x, y + size, 'F');
      break;
  }
}

/** The PDF's font files, as app/fonts serves them, and the name jsPDF knows them by. */
const PDF_FONT = { family: 'DejaVuSans', normal: 'dejavu-sans.ttf', bold: 'dejavu-sans-bold.ttf' } as const;

function base64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  // In slices: one call with hundreds of thousands of arguments overflows the stack.
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Adds DejaVu Sans to the document (embedded, so the PDF reads the same anywhere). False when the
 * files cannot be fetched: the PDF is then written in the standard fonts, Cyrillic in Latin.
 */
async function embedUnicodeFont(doc: Pdf): Promise<boolean> {
  try {
    const files = await Promise.all(
      (['normal', 'bold'] as const).map(async (style) => {
        const response = await fetch(`/fonts/${PDF_FONT[style]}`);
        if (!response.ok) throw new Error(`font ${PDF_FONT[style]}: ${response.status}`);
        return { style, data: base64(await response.arrayBuffer()) };
      }),
    );
    for (const { style, data } of files) {
      doc.addFileToVFS(PDF_FONT[style], data);
      doc.addFont(PDF_FONT[style], PDF_FONT.family, style);
    }
    return true;
  } catch {
    return false;
  }
}

export interface ReportPdf {
  blob: Blob;
  /** The embedded font could not be loaded, so Cyrillic was written in its BGN/PCGN Latin form. */
  latinOnly: boolean;
}

/**
 * One A4 landscape page (more when the legend is long): the title, date line and filters on top,
 * the picture as a PNG at the chosen scale on the left, the legend beside it, the attribution and
 * the address at the foot. Text is set in the embedded DejaVu Sans, in every script the names use;
 * only if that font cannot be fetched does it fall back to the standard fonts through winAnsiText.
 */
export async function exportReportPdf(cy: Core, text: ReportText, legend: LegendEntries, scale: number): Promise<ReportPdf> {
  const { jsPDF } = await import('jspdf');
  const doc = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  const unicode = await embedUnicodeFont(doc);
  const font = unicode ? PDF_FONT.family : 'helvetica';
  const pdfText = unicode ? (t: string) => t.normalize('NFC').replace(/\n/g, ' ') : winAnsiText;
  doc.setProperties({ title: pdfText(text.title), subject: pdfText(`${text.dateLine}. ${text.filters}`), creator: 'Powermap' });
  const pageWidth = doc.internal.pageSize.getWidth();
  const pageHeight = doc.internal.pageSize.getHeight();
  const margin = 12;
  const legendWidth = 78;
  const footerHeight = 14;

  doc.setTextColor(INK);
  doc.setFont(font, 'bold');
  doc.setFontSize(16);
  doc.text(pdfText(text.title), margin, margin + 4);
  doc.setFont(font, 'normal');
  doc.setFontSize(11);
  doc.text(pdfText(text.dateLine), margin, margin + 11);
  doc.setFontSize(9);
  doc.setTextColor(MUTED);
  const filterLines = doc.splitTextToSize(pdfText(text.filters), pageWidth - 2 * margin) as string[];
  doc.text(filterLines, margin, margin + 17);
  const top = margin + 17 + filterLines.length * 4;

  // The picture, fitted into the space left of the legend, its proportions kept.
  const image = pngDataUrl(cy, scale);
  const boxWidth = pageWidth - 2 * margin - legendWidth - 6;
  const boxHeight = pageHeight - top - margin - footerHeight;
  const fit = Math.min(boxWidth / image.width, boxHeight / image.height);
  doc.addImage(image.url, 'PNG', margin, top, image.width * fit, image.height * fit, undefined, 'FAST');

  // The legend, in a column on the right; it continues on a new page when long.
  const legendX = pageWidth - margin - legendWidth;
  let y = top + 2;
  const textWidth = legendWidth - 8;
  const ensureRoom = (needed: number) => {
    if (y + needed <= pageHeight - margin - footerHeight) return;
    doc.addPage();
    y = margin + 4;
  };
  const heading = (words: string) => {
    ensureRoom(8);
    doc.setFont(font, 'bold');
    doc.setFontSize(9);
    doc.setTextColor(INK);
    doc.text(pdfText(words), legendX, y + 3);
    y += 5.5;
  };
  const item = (swatch: () => void, words: string) => {
    doc.setFont(font, 'normal');
    doc.setFontSize(8);
    const lines = doc.splitTextToSize(pdfText(words), textWidth) as string[];
    ensureRoom(lines.length * 3.4 + 1.5);
    swatch();
    doc.setTextColor(INK);
    doc.text(lines, legendX + 7, y + 2.8);
    y += lines.length * 3.4 + 1.5;
  };
  const lineSwatch = (colour: string, width = 0.8, dash?: number[], opacity?: number) => () => {
    doc.setDrawColor(colour);
    doc.setLineWidth(width);
    if (dash) doc.setLineDashPattern(dash, 0);
    if (opacity !== undefined) doc.setGState(doc.GState({ 'stroke-opacity': opacity }));
    doc.line(legendX, y + 1.8, legendX + 5, y + 1.8);
    if (dash) doc.setLineDashPattern([], 0);
    if (opacity !== undefined) doc.setGState(doc.GState({ 'stroke-opacity': 1 }));
  };
  if (legend.kinds.length) {
    heading(LEGEND_HEADINGS.kinds);
    for (const k of legend.kinds) item(() => (doc.setFillColor('#8a96a3'), pdfShape(doc, k.shape, legendX, y, 3.6)), k.label);
  }
  if (legend.factions.length) {
    heading(LEGEND_HEADINGS.factions);
    for (const f of legend.factions) item(() => (doc.setFillColor(f.colour), pdfShape(doc, 'ellipse', legendX, y, 3.6)), f.label);
    if (legend.anyEnded) item(() => (doc.setFillColor('#c5cbd1'), pdfShape(doc, 'ellipse', legendX, y, 3.6)), LEGEND_MARKS.ended);
  }
  if (legend.categories.length) {
    heading(LEGEND_HEADINGS.categories);
    for (const c of legend.categories) item(lineSwatch(c.colour), `${c.meaning} — ${c.types.join(', ')}`);
    heading(LEGEND_HEADINGS.marks);
    item(lineSwatch(MUTED, 1.6), LEGEND_MARKS.strength);
    if (legend.anyPast) item(lineSwatch(MUTED, 0.8, [1.5, 1]), LEGEND_MARKS.past);
    if (legend.anyWeak) item(lineSwatch(MUTED, 0.8, undefined, 0.3), LEGEND_MARKS.weak);
    if (legend.anyDisputed) item(() => (doc.setTextColor('#b3261e'), doc.setFont(font, 'bold'), doc.text('?', legendX + 1.5, y + 2.8), doc.setFont(font, 'normal')), LEGEND_MARKS.disputed);
  }

  // The foot of every page: the attribution, then the address the view opens again from.
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    doc.setFont(font, 'normal');
    doc.setFontSize(9);
    doc.setTextColor(INK);
    doc.text(pdfText(text.attribution), margin, pageHeight - margin - 4);
    doc.setFontSize(7);
    doc.setTextColor(MUTED);
    doc.text(doc.splitTextToSize(pdfText(text.address), pageWidth - 2 * margin)[0] as string, margin, pageHeight - margin);
  }
  return { blob: doc.output('blob'), latinOnly: !unicode };
}
