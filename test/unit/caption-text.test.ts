import { describe, expect, it } from 'vitest';
import { captionParts } from '@/components/views/caption-text';
import { diffWorkStates } from '@/lib/history/work-diff';

describe('story captions: plain text, web addresses as links', () => {
  it('splits out http(s) addresses, leaving sentence punctuation in the text', () => {
    expect(captionParts('See https://example.org/a?b=1. Then http://x.test/y, and more')).toEqual([
      { text: 'See ' },
      { href: 'https://example.org/a?b=1' },
      { text: '. Then ' },
      { href: 'http://x.test/y' },
      { text: ', and more' },
    ]);
  });

  it('never turns markup or other schemes into anything but text', () => {
    const parts = captionParts('<a href="javascript:alert(1)">x</a> javascript:alert(1) data:text/html,hi');
    expect(parts).toEqual([{ text: '<a href="javascript:alert(1)">x</a> javascript:alert(1) data:text/html,hi' }]);
  });
});

describe('history of views and stories', () => {
  it('names each changed field, the places kept and a reorder of steps', () => {
    const state = { schemaVersion: 1, params: { asOf: '2020-08-09' } };
    const view = diffWorkStates('view', { title: 'A', description: '', visibility: 'private', slug: null, state, places: 0 }, { title: 'B', description: '', visibility: 'public', slug: null, state: { schemaVersion: 1, params: {} }, places: 3 });
    expect(view).toEqual([
      expect.objectContaining({ label: 'Name', before: 'A', after: 'B' }),
      expect.objectContaining({ label: 'Visibility', before: 'private', after: 'public' }),
      expect.objectContaining({ label: 'View', before: 'asOf=2020-08-09', after: 'the whole network today' }),
      expect.objectContaining({ label: 'Places kept', before: '0', after: '3' }),
    ]);
    const a = { id: 'a', caption: 'First', address: 'asOf=2020-01-01', actors: [], ties: [] };
    const b = { id: 'b', caption: 'Second', address: '', actors: [], ties: [] };
    const story = diffWorkStates('story', { title: 'S', description: '', visibility: 'private', steps: [a, b] }, { title: 'S', description: '', visibility: 'private', steps: [b, a] });
    expect(story.map((c) => c.label)).toEqual(['Order of steps']);
    const removed = diffWorkStates('story', { title: 'S', description: '', visibility: 'private', steps: [a, b] }, { title: 'S', description: '', visibility: 'private', steps: [{ ...b, ties: ['t'] }] });
    expect(removed).toEqual([
      { kind: 'list', field: 'steps', label: 'Steps', added: ['Second (the whole network today; 1 highlighted)'], removed: ['First (asOf=2020-01-01)', 'Second (the whole network today)'] },
    ]);
  });
});
