// Note text: http(s) addresses become links, everything else stays text.
import { describe, expect, it } from 'vitest';
import { splitLinks } from '../../components/profile/linkify';

describe('splitLinks', () => {
  it('links http and https addresses and keeps the text around them', () => {
    expect(splitLinks('See https://bypol.org/report and http://example.org/a?b=1#c now')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'link', text: 'https://bypol.org/report', href: 'https://bypol.org/report' },
      { type: 'text', text: ' and ' },
      { type: 'link', text: 'http://example.org/a?b=1#c', href: 'http://example.org/a?b=1#c' },
      { type: 'text', text: ' now' },
    ]);
  });

  it('never links javascript:, data:, mailto: or ftp: addresses', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@b.org', 'ftp://files.example.org/x', 'JaVaScRiPt:alert(document.cookie)']) {
      expect(splitLinks(`x ${text} y`)).toEqual([{ type: 'text', text: `x ${text} y` }]);
    }
  });

  it('leaves sentence punctuation outside the link', () => {
    expect(splitLinks('Read https://x.org/a. Then (https://y.org/b), fine!')).toEqual([
      { type: 'text', text: 'Read ' },
      { type: 'link', text: 'https://x.org/a', href: 'https://x.org/a' },
      { type: 'text', text: '. Then (' },
      { type: 'link', text: 'https://y.org/b', href: 'https://y.org/b' },
      { type: 'text', text: '), fine!' },
    ]);
  });

  it('keeps a closing parenthesis that belongs to the address', () => {
    expect(splitLinks('https://en.wikipedia.org/wiki/KGB_(Belarus)')).toEqual([
      { type: 'link', text: 'https://en.wikipedia.org/wiki/KGB_(Belarus)', href: 'https://en.wikipedia.org/wiki/KGB_(Belarus)' },
    ]);
  });

  it('stops an address at angle brackets and quotes, so markup stays text', () => {
    const pieces = splitLinks('<a href="https://x.org/">x</a>');
    expect(pieces).toEqual([
      { type: 'text', text: '<a href="' },
      { type: 'link', text: 'https://x.org/', href: 'https://x.org/' },
      { type: 'text', text: '">x</a>' },
    ]);
  });

  it('leaves a bare scheme with no host as text, and handles text in any script', () => {
    expect(splitLinks('https:// пусто')).toEqual([{ type: 'text', text: 'https:// пусто' }]);
    expect(splitLinks('Крыніца: https://nashaniva.com/123')).toEqual([
      { type: 'text', text: 'Крыніца: ' },
      { type: 'link', text: 'https://nashaniva.com/123', href: 'https://nashaniva.com/123' },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(splitLinks('')).toEqual([]);
  });
});
