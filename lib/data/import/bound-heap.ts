// Keeping a long import's memory near what it uses: reading, mapping, validating and writing.
// V8 collects garbage when the heap reaches a multiple of what survived the last full collection
// (up to about four times), and an import allocates fast: for a 100,000-tie document, whose live
// heap stays near 200 MB, the process reached about 1 GB before V8 cleaned up. Between chunks or
// slices, once the heap has grown past a bound, the import asks for a full collection itself (a
// few hundred milliseconds, a handful of times for the largest documents, never for small ones).
// V8 exposes gc() only behind a flag, which can be turned on at run time for a fresh context, as
// Jest's leak detector does.
import v8 from 'node:v8';
import vm from 'node:vm';

const HEAP_BOUND_BYTES = 384 * 1024 * 1024;

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null; // a runtime that refuses: V8's own schedule then
    }
  }
  return collect;
}

/**
 * Growth allowed past what survived the last collection: where the live heap is itself above the
 * bound (the validated 300,000-tie document alone is about 450 MB), collecting at the bound would
 * collect after every chunk, for nothing.
 */
const HEAP_HEADROOM_BYTES = 128 * 1024 * 1024;
let bound = HEAP_BOUND_BYTES;

export function boundHeap(): void {
  if (v8.getHeapStatistics().used_heap_size <= bound) return;
  const collect = collector();
  if (!collect) return;
  collect();
  bound = Math.max(HEAP_BOUND_BYTES, v8.getHeapStatistics().used_heap_size + HEAP_HEADROOM_BYTES);
}
