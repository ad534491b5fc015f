/**
 * Full-text search over every text the API serves, with MiniSearch (an inverted index with
 * prefix and fuzzy matching) and English analysis (analysis.ts). The index is built and queried
 * in a worker thread (worker.ts), which reads the data files itself once the loader has verified
 * them: the main thread serves everything else meanwhile, and the index's memory is collected
 * apart from the corpus's. A search asked for before the index is built waits for it; it never
 * answers from a part of the index.
 *
 * No query can take search down: a query that fails in the worker is answered with an error and
 * the worker goes on; one that runs past `timeoutMs` is answered with an error and its worker
 * replaced; a worker that dies (out of memory, killed) is replaced by a new one, which builds the
 * index again. Searches made meanwhile wait for it, and `available` is false until it is ready
 * (the server's /ready answers 503). A worker that cannot build the index at all fails search
 * for good.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Corpus } from '../data/corpus.ts';
import type { Sentence } from '../data/evidence.ts';
import type { NodeRecord } from '../data/records.ts';
import { ErrorCode, searchError } from '../errors.ts';
import { SEARCH_WORKER } from '../paths.ts';
import { SEARCH_FIELDS, SEARCH_KINDS, type SearchField, type SearchKind } from './documents.ts';
import { searchOrder } from './order.ts';

/** One hit: the record or sentence, its score, and what of it matched the query. */
export interface SearchHit {
  record: NodeRecord | Sentence;
  score: number;
  /** The fields of its document that matched, in the order of SEARCH_FIELDS. */
  fields: SearchField[];
  /** The words of the query it matched, in query order. */
  words: string[];
  /** Whether it matched every word of the query. */
  complete: boolean;
  /** The index terms the query matched (any hit's): the words of a text to highlight. */
  terms: ReadonlySet<string>;
}

/** What the worker posts: the index is built (or failed), or the answer to one query. */
export type WorkerMessage =
  | { type: 'ready'; documents: number; sentences: number[] }
  | { type: 'failed'; message: string }
  | { type: 'error'; query: number; message: string }
  | {
      type: 'hits';
      query: number;
      ids: Uint32Array;
      scores: Float64Array;
      fields: Uint8Array;
      words: Uint32Array;
      total: number;
      terms: string[];
      queryWords: string[];
    };

/** What the worker is asked: the hits for one query, of some kinds only (by index in SEARCH_KINDS). */
export interface SearchRequest {
  query: number;
  text: string;
  kinds: number[] | null;
}

/** Tests only: the worker runs for `stallMs` without answering, as it would stuck on a query. */
export interface StallRequest {
  stallMs: number;
}

export interface SearchIndexOptions {
  /** The folder the worker reads (the corpus's own by default; tests give others). */
  dataDir?: string;
  /** How long a query may run before it fails and its worker is replaced. */
  timeoutMs?: number;
}

/** How many times in a row a replacement worker may fail to build before search fails for good. */
const RESTARTS = 3;

interface Pending {
  settle: (hits: SearchHit[] | Error) => void;
  timer: NodeJS.Timeout | undefined;
}

export class SearchIndex {
  private worker!: Worker;
  /** The records by the id of their document: its position (see documents.ts). */
  private readonly records: readonly NodeRecord[];
  /** The first document id of each article's sentences, and one past the last. */
  private sentenceStarts: number[] = [];
  /** Settles when the index is first built; rejects if the first worker fails. */
  readonly ready: Promise<void>;
  private readonly waiting = new Map<number, Pending>();
  private queries = 0;
  /** The error every search gets once search has failed for good, and what caused it. */
  private failure: Error | undefined;
  private cause: Error | undefined;
  private state: 'building' | 'ready' | 'failed' | 'closed' = 'building';
  private restarts = 0;
  private readonly dataDir: string;
  private readonly timeoutMs: number;

  /** Starts building the index of `corpus`, from the files of `options.dataDir` (the corpus's own by default). */
  constructor(
    private readonly corpus: Corpus,
    { dataDir = corpus.dataDir, timeoutMs = 10_000 }: SearchIndexOptions = {},
  ) {
    if (!existsSync(SEARCH_WORKER)) {
      throw new Error(`the search worker ${fileURLToPath(SEARCH_WORKER)} is missing: run \`npm run build\``);
    }
    this.dataDir = dataDir;
    this.timeoutMs = timeoutMs;
    this.records = searchOrder(corpus);
    this.ready = new Promise<void>((resolve, reject) => this.start(resolve, reject));
    // Nobody may wait for readiness (a failed load closes the index first): no unhandled rejection.
    this.ready.catch(() => {});
  }

  /** Whether a search would be answered now: the index is built and its worker alive. */
  get available(): boolean {
    return this.state === 'ready';
  }

  /**
   * Records and sentences matching a full-text query, best first: those matching every word of
   * the query, then those matching fewer; at most MAX_HITS (worker.ts). `kinds` limits the hits
   * to those kinds. Waits for the index to be built.
   */
  search(query: string, kinds?: readonly SearchKind[] | null): Promise<SearchHit[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.queries++;
    if (this.waiting.size === 0) this.worker.ref();
    return new Promise<SearchHit[]>((resolve, reject) => {
      const pending: Pending = {
        settle: (hits) => (hits instanceof Error ? reject(hits) : resolve(hits)),
        timer: undefined,
      };
      this.waiting.set(id, pending);
      if (this.state === 'ready') this.time(id, pending);
      const request: SearchRequest = {
        query: id,
        text: query,
        kinds: kinds ? kinds.map((kind) => SEARCH_KINDS.indexOf(kind)) : null,
      };
      this.worker.postMessage(request);
    });
  }

  /** Stops the worker: the corpus is no longer needed. */
  close(): void {
    this.state = 'closed';
    this.failure ??= searchError(ErrorCode.searchUnavailable, 'Search is unavailable: the server is stopping.');
    void this.worker.terminate();
  }

  /** For tests only: keeps the worker busy for `ms`, as a query stuck in it would. */
  stallWorkerForTests(ms: number): void {
    const request: StallRequest = { stallMs: ms };
    this.worker.postMessage(request);
  }

  /** For tests only: kills the worker as a crash would, and resolves once it is gone. */
  async killWorkerForTests(): Promise<void> {
    await this.worker.terminate();
  }

  private start(resolve?: () => void, reject?: (error: Error) => void): void {
    this.state = 'building';
    // A young generation smaller than V8's default is room enough for the build and for queries,
    // and V8 keeps the pages of an empty one while the worker idles.
    const worker = new Worker(SEARCH_WORKER, {
      workerData: { dataDir: this.dataDir },
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    this.worker = worker;
    // An idle worker keeps no process alive; one with queries in flight does (see `search`).
    if (this.waiting.size === 0) worker.unref();
    let built = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        built = this.built(message);
        if (built) resolve?.();
        else reject?.(this.cause as Error);
      } else if (message.type === 'failed') {
        this.fail(new Error(`search index: ${message.message}`));
        reject?.(this.cause as Error);
      } else if (message.type === 'error') {
        const cause = new Error(`search worker: ${message.message}`);
        this.settle(message.query, searchError(ErrorCode.searchFailed, 'The search failed.', cause));
      } else {
        this.answer(message);
      }
    });
    let crash: Error | undefined;
    worker.on('error', (error) => {
      crash = error;
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker || this.state === 'closed' || this.state === 'failed') return;
      const cause = crash ?? new Error(`search index: worker exited with ${code}`);
      if (!built && (reject || this.restarts >= RESTARTS)) {
        this.fail(cause);
        reject?.(cause);
        return;
      }
      // The queries the worker held are lost: each is answered with an error, then a new worker
      // builds the index again for the next ones.
      const lost = searchError(ErrorCode.searchUnavailable, 'Search is restarting; try again in a moment.', cause);
      for (const id of [...this.waiting.keys()]) this.settle(id, lost);
      this.restarts++;
      this.start();
    });
  }

  /** The index is usable only if it holds a document for every record, in `records`' order. */
  private built({ documents, sentences }: Extract<WorkerMessage, { type: 'ready' }>): boolean {
    if (documents !== this.records.length) {
      this.fail(new Error(`search index: ${documents} documents for ${this.records.length} records`));
      return false;
    }
    this.sentenceStarts = [documents];
    for (const count of sentences) this.sentenceStarts.push((this.sentenceStarts.at(-1) as number) + count);
    this.state = 'ready';
    this.restarts = 0;
    for (const [id, pending] of this.waiting) this.time(id, pending);
    return true;
  }

  /** Starts the clock of a query the worker is ready to answer. */
  private time(id: number, pending: Pending): void {
    pending.timer = setTimeout(() => {
      this.settle(
        id,
        searchError(ErrorCode.searchFailed, `The search took longer than ${this.timeoutMs} ms and was stopped.`),
      );
      // The worker may be stuck on it: a new one takes over (see the 'exit' handler).
      void this.worker.terminate();
    }, this.timeoutMs);
    pending.timer.unref();
  }

  private settle(query: number, result: SearchHit[] | Error): void {
    const pending = this.waiting.get(query);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.waiting.delete(query);
    if (this.waiting.size === 0) this.worker.unref();
    pending.settle(result);
  }

  private answer(message: Extract<WorkerMessage, { type: 'hits' }>): void {
    const { query, ids, scores, fields, words, terms, queryWords } = message;
    if (!this.waiting.has(query)) return;
    const matched = new Set(terms);
    const hits: SearchHit[] = [];
    for (const [i, id] of ids.entries()) {
      const record = this.records[id] ?? this.sentence(id);
      if (!record) continue;
      const fieldBits = fields[i] ?? 0;
      const wordBits = words[i] ?? 0;
      hits.push({
        record,
        score: scores[i] ?? 0,
        fields: SEARCH_FIELDS.filter((_, bit) => fieldBits & (1 << bit)),
        words: queryWords.filter((_, bit) => wordBits & (1 << bit)),
        complete: wordBits === 2 ** queryWords.length - 1,
        terms: matched,
      });
    }
    this.settle(query, hits);
  }

  /** The sentence whose document has this id: articles' sentences follow the records. */
  private sentence(id: number): Sentence | undefined {
    const starts = this.sentenceStarts;
    if (id < (starts[0] ?? 0) || id >= (starts.at(-1) ?? 0)) return undefined;
    // The last article whose sentences start at or before `id`.
    let low = 0;
    let high = starts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= id) low = mid;
      else high = mid - 1;
    }
    const article = this.corpus.all('Article')[low];
    return article && this.corpus.sentence(article.id, id - (starts[low] as number));
  }

  private fail(error: Error): void {
    this.state = 'failed';
    this.cause ??= error;
    this.failure ??= searchError(ErrorCode.searchUnavailable, 'Search is unavailable.', error);
    for (const id of [...this.waiting.keys()]) this.settle(id, this.failure);
    void this.worker.terminate();
  }
}
