// The previous object while the content is the same (compared as JSON). For values derived afresh
// on each render (an address read back from the URL, a part of it picked out) that props, memos
// and effects downstream compare by identity: a new object with the same content would make them
// work everything out again.
import { useMemo } from 'react';

export function useSameContent<T>(value: T): T {
  const key = JSON.stringify(value);
  // Keyed by content on purpose: a new object with the same content must give back the first.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => value, [key]);
}
