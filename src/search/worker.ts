/**
 * The search index's worker thread (see search.ts): reads the data files, builds the MiniSearch
 * index from them, posts `ready`, then answers queries. It verifies nothing: the main thread's
 * loader did, before it started this worker.
 *
 * A query's hits are ranked by how many of its words they match, then by score: hits that match
 * every word come first, then those that match fewer. Each hit says which fields and which words
 * of the query it matched; the answer lists the index terms matched, for the main thread to
 * highlight. A query that fails is answered with its error; the worker goes on.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { queryTerms } from './analysis.ts';
import { SEARCH_FIELDS, type SearchDocument, searchDocuments } from './documents.ts';
import { MAX_HITS } from './limits.ts';
import { buildIndex } from './minisearch.ts';
import type { SearchRequest, StallRequest, WorkerMessage } from './search.ts';

/** The most index terms an answer lists for highlighting. */
const MAX_TERMS = 1000;

const port = parentPort;
if (!port) throw new Error('search/worker.ts runs as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const kinds: number[] = [];
  let sentences: number[] = [];
  const documents = function* (): Generator<SearchDocument> {
    for (const document of searchDocuments((workerData as { dataDir: string }).dataDir, (counts) => {
      sentences = counts;
    })) {
      kinds.push(document.kind);
      yield document;
    }
  };
  const index = buildIndex(documents());
  const kindOf = Uint8Array.from(kinds);
  kinds.length = 0;
  compactHeap();
  const fieldBit = new Map(SEARCH_FIELDS.map((field, i) => [field as string, 1 << i]));
  port.on('message', (request: SearchRequest | StallRequest) => {
    if ('stallMs' in request) return stall(request.stallMs);
    const { query, text, kinds: wanted } = request;
    try {
      const terms = queryTerms(text);
      const termBit = new Map(terms.map(({ term }, i) => [term, 1 << i]));
      const filter = wanted ? new Set(wanted) : null;
      const results = index
        .search(text, filter ? { filter: (result) => filter.has(kindOf[result.id as number] ?? -1) } : undefined)
        .map((result) => {
          let words = 0;
          for (const term of result.queryTerms) words |= termBit.get(term) ?? 0;
          return { result, words, matched: popcount(words) };
        })
        .sort((a, b) => b.matched - a.matched || b.result.score - a.result.score);
      const kept = results.slice(0, MAX_HITS);
      const ids = new Uint32Array(kept.length);
      const scores = new Float64Array(kept.length);
      const fields = new Uint8Array(kept.length);
      const words = new Uint32Array(kept.length);
      const matchedTerms = new Set<string>();
      for (const [i, { result, words: bits }] of kept.entries()) {
        ids[i] = result.id as number;
        scores[i] = result.score;
        words[i] = bits;
        let fieldBits = 0;
        for (const [term, inFields] of Object.entries(result.match)) {
          if (matchedTerms.size < MAX_TERMS) matchedTerms.add(term);
          for (const field of inFields) fieldBits |= fieldBit.get(field) ?? 0;
        }
        fields[i] = fieldBits;
      }
      post({
        type: 'hits',
        query,
        ids,
        scores,
        fields,
        words,
        total: results.length,
        terms: [...matchedTerms],
        queryWords: terms.map(({ word }) => word),
      });
    } catch (error) {
      post({ type: 'error', query, message: (error as Error).message });
    }
  });
  post({ type: 'ready', documents: index.documentCount - sentences.reduce((a, b) => a + b, 0), sentences });
} catch (error) {
  post({ type: 'failed', message: (error as Error).message });
}

/** Runs, answering nothing, for `ms`: only terminate() stops it, as it would a stuck query. */
function stall(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy, as a query that does not end
  }
}

function popcount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
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
