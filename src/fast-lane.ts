/**
 * The fast lane: an HTTP cache inside the server, in front of Yoga, that follows the rules a
 * caching proxy follows, as the answers' own headers state them (src/plugins/http-cache.ts).
 *
 * Every request goes through Yoga (src/yoga.ts) until the lane has learnt it. A request is the
 * lane's to learn when it is a GET of /graphql, or a JSON POST to /graphql of at most 16 KiB (or
 * CLAIMGRAPH_MAX_BODY_BYTES, if smaller); it is known by its method, URL and body. The second time
 * Yoga answers a request, the lane asks http-cache-semantics (`CachePolicy`, as a shared cache)
 * whether the answer may be stored: a 200 whose Cache-Control allows it (answers with errors,
 * refusals and streams say `no-store`, the GraphiQL page `no-cache`), and no larger than
 * CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES. From then on, a request with the same method, URL and body is
 * the lane's when the policy says the stored answer satisfies it without revalidation: still
 * fresh (CLAIMGRAPH_HTTP_MAX_AGE), and the same value for every request header the answer's Vary
 * names (Accept; Origin when CORS depends on it). Any other header (a request id, a trace
 * context) is not part of the request, as for any cache; a plugin that reads one must say so in
 * Vary, or mark its answers private. An If-None-Match is answered by the lane too (304, or 412 to
 * a POST), against the stored answer's ETag. The lane answers:
 *
 * - with the response cache on, with the stored bytes and headers (less the per-response ones,
 *   and with an Age, as a cache adds);
 * - with it off, by executing the operation Yoga executed — compiled once with graphql-jit when the
 *   JIT is on, with graphql-js otherwise — with the same variables and a fresh context, and with the
 *   `extensions` Yoga's answer had (its cost, which is the same for the same request), its ETag
 *   computed from the new bytes. The lane keeps an operation only after executing it once and
 *   getting Yoga's exact bytes; an execution that gives errors is handed back to Yoga, which
 *   answers it as it always does.
 *
 * Either way the answer carries a request id and is logged and counted like any other (lane
 * "fast" in the metrics). What Yoga refused (limits, validation, trusted operations) or answered
 * with errors is never the lane's: Yoga enforces every rule. The answers are kept within
 * CLAIMGRAPH_FAST_LANE_BYTES, and the requests met but not learnt within a quarter of it, the
 * least recently used forgotten first in each.
 */
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type DocumentNode, type ExecutionResult, execute, type GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import CachePolicy from 'http-cache-semantics';
import type { MemoryBudgets, PerformanceOptions } from './config.ts';
import { type Context, createContext } from './context.ts';
import type { Corpus } from './data/corpus.ts';
import { type Caches, COMPILED_BYTES_PER_CHARACTER, DOCUMENT_BYTES_PER_CHARACTER, stringBytes } from './lru.ts';
import { conditionalAnswer, entityTag } from './plugins/http-cache.ts';
import type { Observability } from './plugins/observability.ts';
import { jitCanRun } from './plugins/performance.ts';
import type { SearchIndex } from './search/search.ts';

/** Largest request body the lane learns. Operations are rarely over 2 KiB. */
const MAX_BODY_BYTES = 16 * 1024;
/** Response headers that belong to one response, not to the answer. */
const PER_RESPONSE_HEADERS = new Set(['content-length', 'x-request-id', 'connection', 'keep-alive']);
/** Answers kept per request, one per combination of the headers their Vary names. */
const VARIANTS_PER_REQUEST = 4;

/**
 * A request the lane has met but does not answer: `seen` once by Yoga (the next answer is learnt),
 * or Yoga's for good (its answer may not be stored).
 */
type Met = 'seen' | 'yoga';

/** An answer the lane keeps: its policy and headers, and its bytes or the operation to execute. */
interface Variant {
  policy: CachePolicy;
  operationName: string | null;
  bytes?: Buffer;
  run?: Run;
  /** What it holds on the heap, roughly (with its document and compiled code when it executes). */
  size: number;
}

type Run = () => ExecutionResult | Promise<ExecutionResult>;

interface Executed {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | null | undefined;
  variableValues: Record<string, unknown> | null | undefined;
}

/** What the lane leaves on a Node request it hands Yoga to learn from. */
interface Learning extends IncomingMessage {
  /** The body, already read; @whatwg-node/server takes it from here instead of the stream. */
  body?: Buffer;
  [learnKey]?: string;
  [executedKey]?: Executed;
}
const learnKey = Symbol('claimgraph.fastLane.key');
const executedKey = Symbol('claimgraph.fastLane.executed');

export interface FastLaneOptions {
  corpus: Corpus;
  search: SearchIndex;
  performance: PerformanceOptions;
  observability: Observability;
  /** The server's body limit (CLAIMGRAPH_MAX_BODY_BYTES): a larger body is Yoga's to refuse. */
  maxBodyBytes: number;
  /** CLAIMGRAPH_FAST_LANE_BYTES and CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES. */
  memory: Pick<MemoryBudgets, 'fastLane' | 'maxEntry'>;
  caches: Caches;
}

export class FastLane {
  private readonly learnt;
  // Apart from the learnt requests, so that many requests met once do not push those out.
  private readonly met;
  private readonly compiled = new WeakMap<DocumentNode, CompiledQuery | null>();
  private readonly maxBodyBytes: number;

  constructor(private readonly options: FastLaneOptions) {
    this.maxBodyBytes = Math.min(MAX_BODY_BYTES, options.maxBodyBytes);
    const { fastLane } = options.memory;
    // No entry limit here: learn() keeps no answer over CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES, and an
    // operation executed again holds its document and compiled code, not its answer.
    this.learnt = options.caches.lru<string, Variant[]>(
      'fast_lane',
      { maxBytes: fastLane },
      (variants, key) => stringBytes(key) + variants.reduce((sum, variant) => sum + variant.size, 0),
    );
    this.met = options.caches.lru<string, Met>('fast_lane_met', { maxBytes: Math.ceil(fastLane / 4) }, (_met, key) =>
      stringBytes(key),
    );
  }

  /** The Yoga plugin through which the lane learns Yoga's answers. */
  readonly plugin: Plugin<Context> = {
    onExecute: ({ args }) => {
      const request = (args.contextValue as { req?: Learning }).req;
      if (request?.[learnKey] === undefined) return;
      const { schema, document, operationName, variableValues } = args;
      request[executedKey] = { schema, document, operationName, variableValues };
    },
    onResponse: ({ request, response, serverContext }) => {
      const incoming = (serverContext as { req?: Learning }).req;
      const key = incoming?.[learnKey];
      if (incoming === undefined || key === undefined) return;
      // The request that teaches the lane waits for the lesson (once per request it learns), so
      // the next one finds it learnt.
      return this.learn(key, incoming, request, response).catch(() => void this.met.set(key, 'yoga'));
    },
  };

  /** A Node request listener: the lane in front of Yoga. */
  listener(yoga: RequestListener): RequestListener {
    return (request, response) => {
      const kind = this.kindOf(request);
      if (kind === undefined) return yoga(request, response);
      const started = performance.now();
      if (kind === 'GET') {
        this.answer(request, response, yoga, `GET ${request.url}`, undefined, started);
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('error', () => response.destroy());
      request.on('end', () => {
        const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        this.answer(request, response, yoga, `POST ${request.url}\n${body.toString('latin1')}`, body, started);
      });
    };
  }

  /** Whether the request is one the lane may learn: a GET of /graphql, or a small JSON POST to it. */
  private kindOf({ method, url, headers }: IncomingMessage): 'GET' | 'POST' | undefined {
    if (method === 'GET') return url?.startsWith('/graphql?') ? 'GET' : undefined;
    if (method !== 'POST' || url !== '/graphql') return undefined;
    if (!headers['content-type']?.startsWith('application/json')) return undefined;
    const length = Number(headers['content-length']);
    if (!(length > 0 && length <= this.maxBodyBytes)) return undefined;
    return headers['transfer-encoding'] === undefined ? 'POST' : undefined;
  }

  private answer(
    request: Learning,
    response: ServerResponse,
    yoga: RequestListener,
    key: string,
    body: Buffer | undefined,
    started: number,
  ): void {
    const variant = this.learnt.get(key)?.find((stored) => satisfies(stored.policy, request));
    if (variant?.bytes) {
      this.send(request, response, variant, variant.bytes, started);
      return;
    }
    if (variant?.run) {
      const toYoga = () => this.toYoga(request, response, yoga, body);
      settle(
        variant.run,
        (result) => {
          if (result.errors || !result.data) toYoga();
          // Encoded once, here: a string would be measured for its length, then encoded to write.
          else this.send(request, response, variant, Buffer.from(JSON.stringify(result)), started);
        },
        toYoga,
      );
      return;
    }
    const met = this.met.get(key);
    if (met === 'seen') request[learnKey] = key;
    else if (met === undefined) this.met.set(key, 'seen');
    this.toYoga(request, response, yoga, body);
  }

  private toYoga(request: Learning, response: ServerResponse, yoga: RequestListener, body: Buffer | undefined): void {
    if (body) request.body = body;
    yoga(request, response);
  }

  private send(request: IncomingMessage, response: ServerResponse, variant: Variant, bytes: Buffer, started: number) {
    const { observability } = this.options;
    const offered = request.headers['x-request-id'];
    const id = observability.requestId(typeof offered === 'string' ? offered : undefined);
    const headers = variant.policy.responseHeaders() as Record<string, string>;
    // An answer executed again has its own bytes: its tag is theirs.
    if (variant.run) headers.etag = entityTag(bytes);
    const method = request.method ?? 'GET';
    const conditional = conditionalAnswer(
      method,
      request.headers['if-none-match'],
      Object.entries(headers),
      headers.etag ?? '',
    );
    const status = conditional?.status ?? 200;
    if (conditional) response.writeHead(status, [...conditional.headers.flat(), 'x-request-id', id]);
    else response.writeHead(200, { ...headers, 'content-length': String(bytes.length), 'x-request-id': id });
    response.end(conditional ? undefined : bytes);
    observability.finished({
      id,
      started,
      method,
      path: '/graphql',
      operationName: variant.operationName,
      status,
      lane: 'fast',
    });
  }

  /** Keeps Yoga's answer to a request, if its policy lets a shared cache store it. */
  private async learn(key: string, incoming: Learning, request: Request, response: Response): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of response.headers) if (!PER_RESPONSE_HEADERS.has(name)) headers[name] = value;
    const policy = new CachePolicy(
      { method: incoming.method, url: incoming.url, headers: incoming.headers },
      { status: response.status, headers },
      { shared: true },
    );
    const maxEntry = this.options.memory.maxEntry;
    const executed = incoming[executedKey];
    this.met.delete(key);
    if (response.status !== 200 || !policy.storable() || policy.timeToLive() <= 0) {
      this.met.set(key, 'yoga');
      return;
    }
    const text = await response.clone().text();
    const answer = { policy, operationName: this.options.observability.operationNameOf(request) };
    let variant: Variant | undefined;
    if (text.length > maxEntry) variant = undefined;
    else if (this.options.performance.responseCache) {
      const bytes = Buffer.from(text);
      variant = { ...answer, bytes, size: bytes.length + 2048 };
    } else if (executed) {
      const { extensions } = JSON.parse(text) as { extensions?: unknown };
      const run = this.runner(executed, extensions);
      // Kept only if executing it here gives Yoga's exact bytes.
      const source = executed.document.loc?.source.body ?? '';
      // The document and the compiled query it keeps alive, and the result of each execution.
      const size =
        (DOCUMENT_BYTES_PER_CHARACTER + COMPILED_BYTES_PER_CHARACTER) * source.length + 2 * text.length + 2048;
      if (JSON.stringify(await run()) === text) variant = { ...answer, run, size };
    }
    if (!variant) {
      this.met.set(key, 'yoga');
      return;
    }
    // The other variants still fresh, with this one first.
    const others = (this.learnt.get(key) ?? []).filter((stored) => !stored.policy.stale());
    this.learnt.set(key, [variant, ...others].slice(0, VARIANTS_PER_REQUEST));
  }

  /**
   * Executes what Yoga executed, with the same variables and a fresh context each time, and adds
   * the `extensions` Yoga's plugins added (the cost, which is the same for the same request).
   */
  private runner(executed: Executed, extensions: unknown): Run {
    const run = this.executor(executed);
    if (extensions === undefined) return run;
    return () => settled(run(), (result) => ({ ...result, extensions }) as ExecutionResult);
  }

  private executor({ schema, document, operationName, variableValues }: Executed): Run {
    const { corpus, search, performance } = this.options;
    const variables = variableValues ?? {};
    const plain: Run = () =>
      execute({
        schema,
        document,
        operationName,
        variableValues: variables,
        contextValue: createContext(corpus, search),
      });
    // As in src/plugins/performance.ts: what the JIT would get wrong goes to graphql-js.
    if (!performance.jit || !jitCanRun(document)) return plain;
    let compiled = this.compiled.get(document);
    if (compiled === undefined) {
      const query = compileQuery(schema, document, operationName ?? undefined);
      compiled = isCompiledQuery(query) ? query : null;
      this.compiled.set(document, compiled);
    }
    const query = compiled?.query;
    return query ? () => query(undefined, createContext(corpus, search), variables) : plain;
  }
}

/** Whether a stored answer may be sent for this request as it is, by RFC 9111 (http-cache-semantics). */
function satisfies(policy: CachePolicy, request: IncomingMessage): boolean {
  const { revalidation } = policy.evaluateRequest({
    method: request.method,
    url: request.url,
    headers: request.headers as IncomingHttpHeaders as CachePolicy.Headers,
  });
  return revalidation === undefined;
}

/** Calls `f` and hands its value, awaited only when it is a promise, to `then`; a failure to `fail`. */
function settle<T>(f: () => T | Promise<T>, then: (value: T) => void, fail: () => void): void {
  let value: T | Promise<T>;
  try {
    value = f();
  } catch {
    fail();
    return;
  }
  if (value instanceof Promise) value.then(then, fail);
  else then(value);
}

/** `f` of a value, or of a promise's value once it settles. */
function settled<T, U>(value: T | Promise<T>, f: (value: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}
