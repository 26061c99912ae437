// Note text as plain text with its web addresses marked: only http and https become links,
// everything else (javascript:, data:, mailto:, bare words) stays text. Pure, so it is unit-tested
// and the note list renders the pieces as React text and <a> elements, never as HTML.

export type TextPiece = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// A web address runs to the next whitespace, quote or angle bracket; punctuation that ends it is
// the sentence's, not the address's ("see https://x.org/a." links https://x.org/a), except a
// closing parenthesis that closes one opened inside the address (Wikipedia titles).
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING = '.,;:!?\'")]}»…';

function trimTrailing(url: string): string {
  let out = url;
  while (out && TRAILING.includes(out[out.length - 1])) {
    const last = out[out.length - 1];
    if (last === ')' && (out.match(/\(/g)?.length ?? 0) >= (out.match(/\)/g)?.length ?? 0)) break;
    out = out.slice(0, -1);
  }
  return out;
}

function isWebUrl(candidate: string): boolean {
  try {
    const u = new URL(candidate);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

export function splitLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  const push = (piece: TextPiece) => {
    const prev = pieces[pieces.length - 1];
    if (piece.type === 'text' && prev?.type === 'text') prev.text += piece.text;
    else if (piece.text) pieces.push(piece);
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const url = trimTrailing(match[0]);
    push({ type: 'text', text: text.slice(last, start) });
    if (isWebUrl(url)) push({ type: 'link', text: url, href: url });
    else push({ type: 'text', text: url });
    last = start + url.length;
  }
  push({ type: 'text', text: text.slice(last) });
  return pieces;
}
