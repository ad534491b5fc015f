/**
 * Full-text search over names, titles, quotes and the words of every claim, with MiniSearch (an
 * inverted index with prefix and fuzzy matching). The index is built and queried in a worker
 * thread (worker.ts), which reads the data files itself once the loader has verified them: the
 * main thread serves everything else meanwhile, and the index's memory is collected apart from
 * the corpus's. A search asked for before the index is built waits for it; it never answers from
 * a part of the index.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Corpus } from '../data/corpus.ts';
import type { NodeRecord } from '../data/records.ts';
import { SEARCH_WORKER } from '../paths.ts';
import { searchOrder } from './order.ts';

export interface SearchHit {
  record: NodeRecord;
  score: number;
}

/** What the worker posts: the index is built (or failed), or the answer to one query. */
export type WorkerMessage =
  | { type: 'ready'; documents: number }
  | { type: 'failed'; message: string }
  | { type: 'hits'; query: number; ids: Uint32Array; scores: Float64Array };

/** What the worker is asked: the hits for one query. */
export interface SearchRequest {
  query: number;
  text: string;
}

export class SearchIndex {
  private readonly worker: Worker;
  /** The records by the id of their document: its position (see documents.ts). */
  private readonly records: readonly NodeRecord[];
  /** Settles when the index is built; rejects if the worker fails. */
  readonly ready: Promise<void>;
  private readonly waiting = new Map<number, (hits: SearchHit[] | Error) => void>();
  private queries = 0;
  private failure: Error | undefined;

  /**
   * Starts building the index of `corpus`, from the files of `dataDir` (the corpus's own by
   * default; tests give others to see a mismatch refused).
   */
  constructor(corpus: Corpus, dataDir: string = corpus.dataDir) {
    if (!existsSync(SEARCH_WORKER)) {
      throw new Error(`the search worker ${fileURLToPath(SEARCH_WORKER)} is missing: run \`npm run build\``);
    }
    this.records = searchOrder(corpus);
    // A young generation smaller than V8's default is room enough for the build and for queries,
    // and V8 keeps the pages of an empty one while the worker idles.
    this.worker = new Worker(SEARCH_WORKER, {
      workerData: { dataDir },
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    // An idle worker keeps no process alive; one with queries in flight does (see `search`).
    this.worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') this.built(message.documents, resolve, reject);
        else if (message.type === 'failed') this.fail(new Error(`search index: ${message.message}`), reject);
        else this.answer(message);
      });
      this.worker.on('error', (error) => this.fail(error, reject));
      this.worker.on('exit', (code) => this.fail(new Error(`search index: worker exited with ${code}`), reject));
    });
    // Nobody may wait for readiness (a failed load closes the index first): no unhandled rejection.
    this.ready.catch(() => {});
  }

  /** Records matching a full-text query, best first; waits for the index to be built. */
  search(query: string): Promise<SearchHit[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.queries++;
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise<SearchHit[]>((resolve, reject) => {
      this.waiting.set(id, (hits) => (hits instanceof Error ? reject(hits) : resolve(hits)));
      this.worker.postMessage({ query: id, text: query } satisfies SearchRequest);
    });
  }

  /** Stops the worker: the corpus is no longer needed. */
  close(): void {
    this.failure ??= new Error('search index: closed');
    void this.worker.terminate();
  }

  private answer({ query, ids, scores }: Extract<WorkerMessage, { type: 'hits' }>): void {
    const settle = this.waiting.get(query);
    if (!settle) return;
    this.waiting.delete(query);
    if (this.waiting.size === 0) this.worker.unref();
    const hits: SearchHit[] = [];
    for (const [i, id] of ids.entries()) {
      const record = this.records[id];
      if (record) hits.push({ record, score: scores[i] ?? 0 });
    }
    settle(hits);
  }

  /** The index is usable only if it holds a document for every record, in `records`' order. */
  private built(documents: number, resolve: () => void, reject: (error: Error) => void): void {
    if (documents === this.records.length) resolve();
    else this.fail(new Error(`search index: ${documents} documents for ${this.records.length} records`), reject);
  }

  private fail(error: Error, reject: (error: Error) => void): void {
    this.failure ??= error;
    reject(this.failure);
    for (const settle of this.waiting.values()) settle(this.failure);
    this.waiting.clear();
  }
}
