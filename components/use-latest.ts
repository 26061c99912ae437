// The latest value of a prop, for effects, timers and Cytoscape handlers that read it without
// re-running or re-binding when it changes: a stable function that returns it. React forbids
// writing a ref during render, so the ref behind it is written in a layout effect, after render
// and before any effect or event reads it.
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useLatest<T>(value: T): () => T {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return useCallback(() => ref.current, []);
}
