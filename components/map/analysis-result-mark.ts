/**
 * Marked on the page's timeline (performance.mark) when a metric's answer arrives, from the worker
 * or the server: bench/analysis-longtasks-bench.ts splits the long tasks at it into those while
 * computing and those of drawing the result. Its own module so the bench imports it without React.
 */
export const RESULT_MARK = 'powermap:analysis-result';
