// A caption as plain text: web addresses in it become links, everything else stays text (React
// escapes it), so a caption can never carry markup or a script. Only http(s) addresses link.
const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
/** Sentence punctuation after an address belongs to the sentence. */
const TRAILING = /[.,;:!?)\]]+$/;

export function captionParts(text: string): ({ text: string } | { href: string })[] {
  const parts: ({ text: string } | { href: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const href = raw.replace(TRAILING, '');
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export function CaptionText({ text, className }: { text: string; className?: string }) {
  return (
    <p className={className}>
      {captionParts(text).map((part, i) =>
        'href' in part ? (
          <a key={i} href={part.href} rel="noopener noreferrer nofollow" target="_blank">
            {part.href}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
