/**
 * The search index's worker thread (see search.ts): reads the data files, builds the MiniSearch
 * index from them, posts `ready`, then answers queries. It verifies nothing: the main thread's
 * loader did, before it started this worker.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { searchDocuments } from './documents.ts';
import { buildIndex } from './minisearch.ts';
import type { SearchRequest, WorkerMessage } from './search.ts';

const port = parentPort;
if (!port) throw new Error('search/worker.ts runs as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const index = buildIndex(searchDocuments((workerData as { dataDir: string }).dataDir));
  compactHeap();
  port.on('message', ({ query, text }: SearchRequest) => {
    const results = index.search(text);
    const ids = new Uint32Array(results.length);
    const scores = new Float64Array(results.length);
    for (const [i, result] of results.entries()) {
      ids[i] = result.id as number;
      scores[i] = result.score;
    }
    post({ type: 'hits', query, ids, scores });
  });
  post({ type: 'ready', documents: index.documentCount });
} catch (error) {
  post({ type: 'failed', message: (error as Error).message });
}

/**
 * Gives back the heap that building the index left behind. The build leaves its garbage (the
 * tables that MiniSearch's maps outgrew, the parsed files) scattered among the index's pages,
 * and V8's own full GCs move only a few live objects at a time: on a large corpus the worker
 * kept far more heap than its index, and how much more swung with where its GC cycle stood.
 *
 * Two full GCs with --stress-compaction each move the live objects off every other page, so
 * the heap ends packed while each GC holds copies of only half of it at once: one GC with
 * --compact-on-every-full-gc packs it as well, at a much higher peak (docs/performance.md has
 * the figures).
 * V8's flags are process-wide: each is set for these GCs only, and `gc` is exposed to a new
 * context alone.
 */
function compactHeap(): void {
  setFlagsFromString('--expose-gc');
  // Another worker of this process may have just set the flag back: then the heap stays as it is.
  const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
  setFlagsFromString('--no-expose-gc');
  if (!gc) return;
  setFlagsFromString('--stress-compaction');
  try {
    gc();
    gc();
  } finally {
    setFlagsFromString('--no-stress-compaction');
  }
}
