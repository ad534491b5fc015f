/**
 * The search index's worker thread (see search.ts): reads the data files, builds the MiniSearch
 * index from them, posts `ready`, then answers queries. It verifies nothing: the main thread's
 * loader did, before it started this worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { searchDocuments } from './documents.ts';
import type { SearchRequest, WorkerMessage } from './search.ts';
import { buildIndex } from './search-index.ts';

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const index = buildIndex(searchDocuments((workerData as { dataDir: string }).dataDir));
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
