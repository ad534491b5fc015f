/**
 * The fast lane: a request the server has already answered is answered again without Yoga's
 * request pipeline, from what Yoga answered.
 *
 * Every request goes through Yoga (src/yoga.ts) until the lane has learnt it. A request is the
 * lane's to learn when it is a JSON POST to /graphql of at most 16 KiB, with no If-None-Match; it
 * is known by its exact bytes: the body and every header except those that cannot change an
 * answer (Content-Length, Connection, Keep-Alive, and request ids and trace contexts such as
 * X-Request-Id and traceparent). A header not on that list is part of the request, so a plugin
 * that reads one (an Authorization, say) still gets the answer Yoga gave for it. The second time
 * Yoga answers a request, the lane looks at the answer: if it is a 200 with data and no errors
 * (nothing else but `extensions`), the lane keeps it. From then on, the lane answers that request:
 *
 * - with the response cache on, with the very bytes and headers Yoga sent (its ETag included);
 * - with it off, by executing the operation Yoga executed — compiled once with graphql-jit when the
 *   JIT is on, with graphql-js otherwise — with the same variables and a fresh context, and with the
 *   `extensions` Yoga's answer had (its cost, which is the same for the same request). The lane
 *   keeps an operation only after executing it once and getting Yoga's exact bytes; an execution
 *   that gives errors is handed back to Yoga, which answers it as it always does.
 *
 * Either way the answer carries a request id and is logged and counted like any other (lane
 * "fast" in the metrics). What Yoga refused (limits, validation, trusted operations), answered
 * with errors or with another status is never the lane's: it stays Yoga's, which enforces every
 * rule. The corpus never changes while the server runs, so the same request always has the same
 * answer. The lane answers at most 500 requests, and remembers 1,000 others it has met, the
 * oldest forgotten first in each.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type DocumentNode, type ExecutionResult, execute, type GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import type { PerformanceOptions } from './config.ts';
import { type Context, createContext } from './context.ts';
import type { Corpus } from './data/corpus.ts';
import type { Observability } from './plugins/observability.ts';
import { jitCanRun } from './plugins/performance.ts';
import type { SearchIndex } from './search/search.ts';

/** Largest request body the lane learns. Operations are rarely over 2 KiB. */
const MAX_BODY_BYTES = 16 * 1024;
/** Largest answer the lane keeps the bytes of. */
const MAX_ANSWER_BYTES = 128 * 1024;
/** Requests the lane answers, and those it has met but not learnt (remembered apart). */
export const CAPACITY = { learnt: 500, met: 1_000 };
/**
 * Request headers that never change an answer: the length the body already gives, connection
 * handling, and what identifies or traces one request (which would make every request new).
 */
const IGNORED_HEADERS = new Set([
  'content-length',
  'connection',
  'keep-alive',
  'x-request-id',
  'traceparent',
  'tracestate',
  'baggage',
  'sentry-trace',
  'x-b3-traceid',
  'x-b3-spanid',
  'x-b3-parentspanid',
  'x-b3-sampled',
  'b3',
  'x-amzn-trace-id',
  'x-cloud-trace-context',
]);
/** Response headers that belong to one response. */
const PER_RESPONSE_HEADERS = new Set(['content-length', 'x-request-id', 'date', 'connection', 'keep-alive']);

/**
 * A request the lane has met but does not answer: `seen` once by Yoga (the next answer is learnt),
 * or Yoga's for good.
 */
type Met = 'seen' | 'yoga';

/** A request the lane answers: with these bytes, or by executing the operation again. */
type Learnt = { kind: 'bytes'; answer: Answer; bytes: Buffer } | { kind: 'execute'; answer: Answer; run: Run };

type Run = () => ExecutionResult | Promise<ExecutionResult>;

interface Answer {
  operationName: string | null;
  /** Yoga's headers, less the per-response ones, as [name, value, name, value, …]. */
  headers: string[];
}

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
  /** How many requests it keeps (tests use small numbers); `CAPACITY` by default. */
  capacity?: typeof CAPACITY;
}

export class FastLane {
  private readonly learnt = new Map<string, Learnt>();
  // Apart from the learnt requests, so that many requests met once do not push those out.
  private readonly met = new Map<string, Met>();
  private readonly compiled = new WeakMap<DocumentNode, CompiledQuery | null>();

  private readonly maxBodyBytes: number;
  private readonly capacity: typeof CAPACITY;

  constructor(private readonly options: FastLaneOptions) {
    this.maxBodyBytes = Math.min(MAX_BODY_BYTES, options.maxBodyBytes);
    this.capacity = options.capacity ?? CAPACITY;
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
      return this.learn(key, request, response, incoming[executedKey]).catch(() =>
        remember(this.met, key, 'yoga', this.capacity.met),
      );
    },
  };

  /** A Node request listener: the lane in front of Yoga. */
  listener(yoga: RequestListener): RequestListener {
    return (request, response) => {
      const headers = this.headerKey(request);
      if (headers === undefined) return yoga(request, response);
      const started = performance.now();
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('error', () => response.destroy());
      request.on('end', () => {
        const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
        this.answer(request, response, yoga, `${headers}${body.toString('latin1')}`, body, started);
      });
    };
  }

  /** The part of the key the headers make, or undefined when the request is not the lane's. */
  private headerKey(request: IncomingMessage): string | undefined {
    const { method, url, headers } = request;
    if (method !== 'POST' || url !== '/graphql') return undefined;
    if (!headers['content-type']?.startsWith('application/json')) return undefined;
    const length = Number(headers['content-length']);
    if (!(length > 0 && length <= this.maxBodyBytes)) return undefined;
    if (headers['if-none-match'] !== undefined || headers['transfer-encoding'] !== undefined) return undefined;
    let key = '';
    const raw = request.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      const name = (raw[i] as string).toLowerCase();
      if (!IGNORED_HEADERS.has(name)) key += `${name}:${raw[i + 1]}\n`;
    }
    return `${key}\n`;
  }

  private answer(
    request: Learning,
    response: ServerResponse,
    yoga: RequestListener,
    key: string,
    body: Buffer,
    started: number,
  ): void {
    const learnt = this.learnt.get(key);
    if (learnt?.kind === 'bytes') {
      this.send(request, response, learnt.answer, learnt.bytes, started);
      return;
    }
    if (learnt?.kind === 'execute') {
      const toYoga = () => this.toYoga(request, response, yoga, body);
      settle(
        learnt.run,
        (result) => {
          if (result.errors || !result.data) toYoga();
          // Encoded once, here: a string would be measured for its length, then encoded to write.
          else this.send(request, response, learnt.answer, Buffer.from(JSON.stringify(result)), started);
        },
        toYoga,
      );
      return;
    }
    const met = this.met.get(key);
    if (met === 'seen') request[learnKey] = key;
    else if (met === undefined) remember(this.met, key, 'seen', this.capacity.met);
    this.toYoga(request, response, yoga, body);
  }

  private toYoga(request: Learning, response: ServerResponse, yoga: RequestListener, body: Buffer): void {
    request.body = body;
    yoga(request, response);
  }

  private send(
    request: IncomingMessage,
    response: ServerResponse,
    answer: Answer,
    bytes: Buffer,
    started: number,
  ): void {
    const { observability } = this.options;
    const offered = request.headers['x-request-id'];
    const id = observability.requestId(typeof offered === 'string' ? offered : undefined);
    response.writeHead(200, [...answer.headers, 'content-length', String(bytes.length), 'x-request-id', id]);
    response.end(bytes);
    observability.finished({
      id,
      started,
      method: 'POST',
      path: '/graphql',
      operationName: answer.operationName,
      status: 200,
      lane: 'fast',
    });
  }

  /** Keeps Yoga's answer to a request, if it is one the lane can give. */
  private async learn(key: string, request: Request, response: Response, executed?: Executed): Promise<void> {
    const type = response.headers.get('content-type') ?? '';
    if (response.status !== 200 || !/^application\/(graphql-response\+)?json\b/.test(type)) {
      remember(this.met, key, 'yoga', this.capacity.met);
      return;
    }
    const text = await response.clone().text();
    const { data, extensions, ...rest } = JSON.parse(text) as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || data == null) {
      remember(this.met, key, 'yoga', this.capacity.met);
      return;
    }
    const headers: string[] = [];
    for (const [name, value] of response.headers) if (!PER_RESPONSE_HEADERS.has(name)) headers.push(name, value);
    const answer = { operationName: this.options.observability.operationNameOf(request), headers };
    let learnt: Learnt | undefined;
    if (this.options.performance.responseCache) {
      const bytes = Buffer.from(text);
      if (bytes.length <= MAX_ANSWER_BYTES) learnt = { kind: 'bytes', answer, bytes };
    } else if (executed) {
      const run = this.runner(executed, extensions);
      // Kept only if executing it here gives Yoga's exact bytes.
      if (JSON.stringify(await run()) === text) learnt = { kind: 'execute', answer, run };
    }
    this.met.delete(key);
    if (learnt) remember(this.learnt, key, learnt, this.capacity.learnt);
    else remember(this.met, key, 'yoga', this.capacity.met);
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

/** Sets a key in a map that keeps at most `max` keys, forgetting the oldest first. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (!map.has(key) && map.size >= max) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
}

/** `f` of a value, or of a promise's value once it settles. */
function settled<T, U>(value: T | Promise<T>, f: (value: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
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
