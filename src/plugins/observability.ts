/**
 * What an operator sees: a request id per request (the client's `x-request-id` when it is
 * sensible, a fresh UUID otherwise), echoed in the response; one structured log entry per request
 * (request id, method, path, operation name, status, duration); Prometheus metrics at /metrics
 * (@graphql-yoga/plugin-prometheus, plus Node's process metrics); and a readiness check at /ready.
 * Liveness is Yoga's built-in /health. Requests the fast lane answers (src/fast-lane.ts) never reach
 * Yoga: it reports them through the same `requestId` and `finished`, so they get the same id, log
 * entry and HTTP metric.
 */
import { randomUUID } from 'node:crypto';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { getOperationAST } from 'graphql';
import { type Plugin, useReadinessCheck, type YogaLogger } from 'graphql-yoga';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { isClientInputError } from '../errors.ts';
import { type Caches, stringBytes } from '../lru.ts';

type CacheEntry = Caches['byName'] extends Map<string, infer Entry> ? Entry : never;

export const REQUEST_ID_HEADER = 'x-request-id';
const SENSIBLE_REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface RequestLogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  requestId: string;
  method: string;
  path: string;
  /** The operation executed or asked for; null for requests that are not GraphQL operations. */
  operationName: string | null;
  status: number;
  durationMs: number;
}

/** What the server itself reports: errors it masked (with their stack), warnings. */
export interface EventLogEntry {
  time: string;
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  error?: { name: string; message: string; stack?: string };
}

export type LogEntry = RequestLogEntry | EventLogEntry;

export interface ObservabilityOptions {
  /**
   * Receives one entry per request and one per server event. Without it, requests are not logged
   * and server errors go to stderr, one JSON object a line.
   */
  log?: (entry: LogEntry) => void;
  /** Whether /ready answers 200 (true) or 503 (false): false while the server drains for shutdown. */
  ready?: () => boolean;
  /** Bytes the operation names learnt for the request log may hold (CLAIMGRAPH_OPERATION_NAME_CACHE_BYTES). */
  operationNameBytes?: number;
}

interface RequestState {
  id: string;
  started: number;
  operationName: string | null;
}

/** A request answered, by Yoga or by the fast lane (src/fast-lane.ts), as the log and metrics see it. */
export interface FinishedRequest {
  id: string;
  /** `performance.now()` when the request arrived. */
  started: number;
  method: string;
  path: string;
  operationName: string | null;
  status: number;
  lane: 'yoga' | 'fast';
}

/** What the server reports about requests, shared by Yoga's pipeline and the fast lane. */
export interface Observability {
  /** Yoga's plugins: request ids and the request log for requests Yoga answers, /metrics, /ready. */
  plugins: Plugin[];
  /** The id a request is logged and answered with: the client's `x-request-id` when it is sensible. */
  requestId(offered: string | null | undefined): string;
  /** Observes the request in the HTTP histogram and writes its log entry. */
  finished(request: FinishedRequest): void;
  /** The operation name the log gives a request Yoga is answering (null before it is known). */
  operationNameOf(request: Request): string | null;
}

export function createObservability({
  log,
  ready = () => true,
  caches,
  operationNameBytes,
}: ObservabilityOptions & { caches: Caches; operationNameBytes: number }): Observability {
  const requests = new WeakMap<Request, RequestState>();
  // The operation a query text names, learnt when it is executed: a request that gives no
  // operationName is still logged with its operation's name. Bounded in bytes, least recently used
  // evicted first.
  const names = caches.lru<string, string>(
    'operation_names',
    { maxBytes: operationNameBytes },
    (name, query) => stringBytes(query) + stringBytes(name),
  );
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Yoga's HTTP histogram observes only requests whose operation was parsed, and neither a
  // response-cache hit (answered before parsing) nor the fast lane reaches it: this one observes
  // every request, labelled with the lane that answered it.
  const httpRequests = new Histogram({
    name: 'claimgraph_http_request_duration_seconds',
    help: 'Every HTTP request the server answered, by method, path, status and lane (yoga, or fast for the fast lane).',
    labelNames: ['method', 'path', 'status', 'lane'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  // What each cache of the server holds (src/lru.ts), against its budget.
  const cacheGauges = [
    [
      'claimgraph_cache_bytes',
      'Bytes each cache holds, as src/lru.ts measures its entries.',
      (c) => c.cache.calculatedSize,
    ],
    [
      'claimgraph_cache_max_bytes',
      'The byte budget of each cache (least recently used evicted past it).',
      (c) => c.maxBytes,
    ],
    ['claimgraph_cache_entries', 'Entries each cache holds.', (c) => c.cache.size],
  ] as const satisfies readonly [string, string, (cache: CacheEntry) => number][];
  for (const [name, help, read] of cacheGauges) {
    new Gauge({
      name,
      help,
      labelNames: ['cache'] as const,
      registers: [registry],
      collect() {
        for (const [cache, entry] of caches.byName) this.set({ cache }, read(entry));
      },
    });
  }

  const requestId = (offered: string | null | undefined) =>
    offered && SENSIBLE_REQUEST_ID.test(offered) ? offered : randomUUID();

  function finished({ id, started, method, path, operationName, status, lane }: FinishedRequest): void {
    const durationMs = performance.now() - started;
    // Known paths only as label values: any other path would make a new series.
    const knownPath = KNOWN_PATHS.has(path) ? path : 'other';
    httpRequests.observe({ method, path: knownPath, status: String(status), lane }, durationMs / 1000);
    if (!log) return;
    log({
      time: isoNow(),
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      msg: 'request',
      requestId: id,
      method,
      path,
      operationName,
      status,
      durationMs: Math.round(durationMs * 100) / 100,
    });
  }

  const requestLog: Plugin = {
    onRequest({ request }) {
      const id = requestId(request.headers.get(REQUEST_ID_HEADER));
      requests.set(request, { id, started: performance.now(), operationName: null });
    },
    onParams({ request, params }) {
      const state = requests.get(request);
      if (state) state.operationName = params.operationName ?? (params.query && names.get(params.query)) ?? null;
    },
    onExecute({ args }) {
      const { request, params } = args.contextValue as { request?: Request; params?: { query?: string } };
      const state = request && requests.get(request);
      const name = getOperationAST(args.document, args.operationName)?.name?.value;
      if (!state || !name) return;
      state.operationName = name;
      if (params?.query) names.set(params.query, name);
    },
    onResponse({ request, response }) {
      const state = requests.get(request);
      if (!state) return;
      response.headers.set(REQUEST_ID_HEADER, state.id);
      const { id, started, operationName } = state;
      const path = new URL(request.url).pathname;
      finished({ id, started, method: request.method, path, operationName, status: response.status, lane: 'yoga' });
    },
  };

  const plugins: Plugin[] = [
    requestLog,
    // No `url` label: a GET's query string would make a new series per distinct query.
    usePrometheus({
      endpoint: '/metrics',
      registry,
      labels: { method: true, statusCode: true, url: false },
      // Per-request cost matters here (npm run bench): keep the request, error and HTTP series;
      // drop the per-phase histograms, the summary, and the deprecated-field counter, which walks
      // every operation with a TypeInfo (the schema has no deprecated fields).
      metrics: {
        graphql_envelop_request: true,
        graphql_envelop_request_duration: true,
        graphql_envelop_error_result: true,
        graphql_yoga_http_duration: true,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_execute: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_deprecated_field: false,
        graphql_envelop_schema_change: false,
      },
    }),
    useReadinessCheck({ endpoint: '/ready', check: () => ready() }),
  ];
  return {
    plugins,
    requestId,
    finished,
    operationNameOf: (request) => requests.get(request)?.operationName ?? null,
  };
}

const KNOWN_PATHS = new Set(['/graphql', '/health', '/ready', '/metrics']);

/** The time as an ISO string, formatted once per millisecond: a busy server logs many requests in one. */
let lastMs = 0;
let lastIso = '';
function isoNow(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}

/**
 * Yoga's logger, writing structured entries. A client's malformed global ID or cursor reaches it
 * as a masked error (src/yoga.ts turns it into BAD_USER_INPUT): that is the client's mistake, not
 * the server's, so it is not logged as an error.
 */
export function yogaLogger(log: (entry: LogEntry) => void = writeToStderr): YogaLogger {
  const write =
    (level: EventLogEntry['level']) =>
    (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      if (error && isClientInputError(error)) return;
      const message = args.filter((arg) => typeof arg === 'string').join(' ');
      log({
        time: new Date().toISOString(),
        level,
        msg: message || error?.message || 'event',
        ...(error && { error: { name: error.name, message: error.message, stack: error.stack } }),
      });
    };
  return { debug: () => {}, info: write('info'), warn: write('warn'), error: write('error') };
}

function writeToStderr(entry: LogEntry): void {
  if (entry.level === 'error' || entry.level === 'warn') process.stderr.write(`${JSON.stringify(entry)}\n`);
}
