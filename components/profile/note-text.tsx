// A note's text: plain text whose http(s) addresses are links (opened without a referrer);
// anything else that looks like an address stays text. Never rendered as HTML.
import { splitLinks } from './linkify';

export function NoteText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((piece, i) =>
        piece.type === 'link' ? (
          <a key={i} href={piece.href} rel="noopener noreferrer nofollow" target="_blank">
            {piece.text}
          </a>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}
