// The fonts a report PDF is written in, served by Powermap itself (nothing is fetched from the
// network at run time): DejaVu Sans from the dejavu-fonts-ttf package, whose glyphs cover Latin,
// Cyrillic and Greek, so a title or a name keeps its own script. The browser asks for them only
// when it composes a PDF (components/graph/report-export.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The only files served, by the name the browser asks for. */
const FONTS: Record<string, string> = {
  'dejavu-sans.ttf': 'DejaVuSans.ttf',
  'dejavu-sans-bold.ttf': 'DejaVuSans-Bold.ttf',
};

// From the installed package, read at run time (the bundler would turn require.resolve into a module id).
const fontDir = path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const name = Object.hasOwn(FONTS, file) ? FONTS[file] : undefined;
  if (!name) return Response.json({ error: { message: `No font named "${file}"; there are ${Object.keys(FONTS).join(', ')}.` } }, { status: 404 });
  const bytes = await readFile(path.join(fontDir, name));
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'font/ttf',
      // The package's version fixes the bytes; a new version comes with a new build.
      'Cache-Control': 'public, max-age=86400',
    },
  });
}
