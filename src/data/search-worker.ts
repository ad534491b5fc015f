/**
 * The search index's worker thread (see search.ts): reads the data files, builds the MiniSearch
 * index from them, posts `ready`, then answers queries. It verifies nothing: the main thread's
 * loader did, before it started this worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import MiniSearch from 'minisearch';
import { searchDocuments } from './documents.ts';
import type { SearchRequest, WorkerMessage } from './search.ts';

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const index = new MiniSearch({
    fields: ['name', 'text'],
    searchOptions: { boost: { name: 3 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  for (const document of searchDocuments((workerData as { dataDir: string }).dataDir)) index.add(document);
  port.on('message', ({ query, text }: SearchRequest) => {
    const results = index.search(text);
    const scores = new Float64Array(results.length);
    const ids = results.map((result, i) => {
      scores[i] = result.score;
      return result.id as string;
    });
    post({ type: 'hits', query, ids, scores });
  });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'failed', message: (error as Error).message });
}
