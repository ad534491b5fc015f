/**
 * What an operator sees: a request id per request (the client's `x-request-id` when it is
 * sensible, a fresh UUID otherwise), echoed in the response; a structured log entry per request
 * (request id, method, path, operation name, status, duration, the codes of its errors), at the
 * level and sampling rate of `LogOptions` (every error, a share of the successful requests);
 * Prometheus metrics at /metrics (@graphql-yoga/plugin-prometheus, plus Node's process metrics), on
 * the main port or a port of its own, behind a bearer token when one is set (`MetricsOptions`);
 * and a readiness check at /ready.
 * Liveness is Yoga's built-in /health. Requests the fast lane answers (src/fast-lane.ts) never reach
 * Yoga: it reports them through the same `requestId` and `finished`, so they get the same id, log
 * entry and HTTP metric.
 */
import { randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import {
  createCounter,
  createHistogram,
  type FillLabelsFnParams,
  usePrometheus,
} from '@graphql-yoga/plugin-prometheus';
import { type ExecutionResult, getOperationAST } from 'graphql';
import { type Plugin, useReadinessCheck, type YogaLogger } from 'graphql-yoga';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { LogOptions, MetricsOptions } from '../config.ts';
import { isClientInputError } from '../errors.ts';
import { type CacheStats, type Caches, stringBytes } from '../lru.ts';
import { bearerMatches } from './security.ts';

const REQUEST_ID_HEADER = 'x-request-id';
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
  /** The `extensions.code` of each error of the answer, when it has errors. */
  errorCodes?: string[];
  /** Set when successful requests are sampled: this entry stands for 1/sampleRate of them. */
  sampleRate?: number;
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
  /** Which entries are written: all errors, and of successful requests a share. Every entry by default. */
  logging?: LogOptions;
  /** Where /metrics is served and whether it asks for a token: on the main port, open, by default. */
  metrics?: MetricsOptions;
  /** Bytes the operation names learnt for the request log may hold (CLAIMGRAPH_OPERATION_NAME_CACHE_BYTES). */
  operationNameBytes?: number;
}

interface RequestState {
  id: string;
  started: number;
  operationName: string | null;
  errorCodes?: string[];
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
  errorCodes?: string[];
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
  /** Serves /metrics alone, for a port of its own (`MetricsOptions.port`). */
  metricsListener: RequestListener;
}

const LEVELS = { debug: 0, info: 1, warn: 2, error: 3 } as const;

export function createObservability({
  log: write,
  ready = () => true,
  logging = { level: 'info', sampleRate: 1 },
  metrics = { port: undefined, token: undefined, maxOperations: 100 },
  caches,
  operationNameBytes,
}: ObservabilityOptions & { caches: Caches; operationNameBytes: number }): Observability {
  const least = LEVELS[logging.level];
  // Errors are always written; other entries from the configured level up.
  const log = write && ((entry: LogEntry) => (entry.level === 'error' || LEVELS[entry.level] >= least) && write(entry));
  // Successful requests are sampled by counting, not by chance: exactly `sampleRate` of them.
  let owed = 0;
  const sampled = () => {
    owed += logging.sampleRate;
    if (owed < 1) return false;
    owed -= 1;
    return true;
  };
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
      (cache) => cache.calculatedSize,
    ],
    [
      'claimgraph_cache_max_bytes',
      'The byte budget of each cache (least recently used evicted past it).',
      (cache) => cache.maxSize,
    ],
    ['claimgraph_cache_entries', 'Entries each cache holds.', (cache) => cache.size],
  ] as const satisfies readonly [string, string, (cache: CacheStats) => number][];
  for (const [name, help, read] of cacheGauges) {
    new Gauge({
      name,
      help,
      labelNames: ['cache'] as const,
      registers: [registry],
      collect() {
        for (const [name, cache] of caches.byName) this.set({ cache: name }, read(cache));
      },
    });
  }

  const requestId = (offered: string | null | undefined) =>
    offered && SENSIBLE_REQUEST_ID.test(offered) ? offered : randomUUID();

  function finished({ id, started, method, path, operationName, status, lane, errorCodes }: FinishedRequest): void {
    const durationMs = performance.now() - started;
    // Known paths only as label values: any other path would make a new series.
    const knownPath = KNOWN_PATHS.has(path) ? path : 'other';
    httpRequests.observe({ method, path: knownPath, status: String(status), lane }, durationMs / 1000);
    if (!log) return;
    // An answer with errors is a client's mistake (warn) unless one was the server's own.
    const level =
      status >= 500 || errorCodes?.includes('INTERNAL_SERVER_ERROR')
        ? 'error'
        : status >= 400 || errorCodes
          ? 'warn'
          : 'info';
    if (level === 'info' && (least > LEVELS.info || (logging.sampleRate < 1 && !sampled()))) return;
    log({
      time: isoNow(),
      level,
      msg: 'request',
      requestId: id,
      method,
      path,
      operationName,
      status,
      durationMs: Math.round(durationMs * 100) / 100,
      ...(errorCodes && { errorCodes }),
      ...(level === 'info' && logging.sampleRate < 1 && { sampleRate: logging.sampleRate }),
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
      if (!state) return;
      const name = getOperationAST(args.document, args.operationName)?.name?.value;
      if (name) {
        state.operationName = name;
        if (params?.query) names.set(params.query, name);
      }
    },
    // Every answer Yoga gives passes here, a request error (thrown before execution) too.
    onResultProcess({ request, result }) {
      const state = requests.get(request);
      const errors = !state || Array.isArray(result) ? undefined : (result as ExecutionResult).errors;
      if (state && errors?.length) state.errorCodes = errors.map((error) => String(error.extensions?.code ?? 'NONE'));
    },
    onResponse({ request, response }) {
      const state = requests.get(request);
      if (!state) return;
      response.headers.set(REQUEST_ID_HEADER, state.id);
      const { id, started, operationName, errorCodes } = state;
      const path = new URL(request.url).pathname;
      const status = response.status;
      finished({ id, started, method: request.method, path, operationName, status, lane: 'yoga', errorCodes });
    },
  };

  const onMainPort = metrics.port === undefined;
  const plugins: Plugin[] = [
    requestLog,
    ...(onMainPort && metrics.token ? [metricsGuard(metrics.token)] : []),
    usePrometheus({
      endpoint: onMainPort ? '/metrics' : false,
      registry,
      // Per-request cost matters here (npm run bench): keep the request, error and HTTP series;
      // drop the per-phase histograms, the summary, and the deprecated-field counter, which walks
      // every operation with a TypeInfo (the schema has no deprecated fields).
      metrics: {
        ...operationMetrics(registry, metrics.maxOperations),
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
  const metricsListener: RequestListener = (request, response) => {
    const path = new URL(request.url ?? '/', 'http://metrics').pathname;
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: this port serves GET /metrics.\n');
    } else if (metrics.token && !bearerMatches(request.headers.authorization, metrics.token)) {
      response.writeHead(401, UNAUTHORIZED).end(UNAUTHORIZED_TEXT);
    } else {
      registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    }
  };

  return {
    plugins,
    requestId,
    finished,
    operationNameOf: (request) => requests.get(request)?.operationName ?? null,
    metricsListener,
  };
}

/**
 * Yoga's request, duration, error and HTTP metrics, as the plugin defines them, but with label
 * values a client cannot multiply: each series is a set of label values kept for good, and with
 * the plugin's defaults a client made one per operation name it invented (5,000 requests with new
 * names took /metrics from 9 KB to 44 MB and the heap from 36 to 196 MB), per alias in an error's
 * `path`, and per query string in a GET's `url`. Here the first `maxOperations` operation names
 * get series of their own, later ones and names over 64 characters count as `(other)`, and errors
 * and HTTP durations carry no path or URL.
 */
type Executed = 'execute' | 'subscribe';
type HttpParams = FillLabelsFnParams & { request: Request; response: Response };

function operationMetrics(registry: Registry, maxOperations: number) {
  const named = new Set<string>();
  const operationName = (name: string | undefined): string => {
    if (!name) return 'Anonymous';
    if (named.has(name)) return name;
    if (named.size >= maxOperations || name.length > 64) return '(other)';
    named.add(name);
    return name;
  };
  const operation = (params: FillLabelsFnParams) => ({
    operationName: operationName(params.operationName),
    operationType: params.operationType ?? 'unknown',
  });
  const labelNames = ['operationName', 'operationType'];
  const always = () => true;
  return {
    graphql_envelop_request: createCounter<Executed, string>({
      registry,
      counter: { name: 'graphql_envelop_request', help: 'Counts the GraphQL operations executed', labelNames },
      fillLabelsFn: operation,
      phases: ['execute', 'subscribe'],
      shouldObserve: always,
    }),
    graphql_envelop_request_duration: createHistogram<Executed, string>({
      registry,
      histogram: {
        name: 'graphql_envelop_request_duration',
        help: 'Time spent on running the GraphQL operation from parse to execute',
        labelNames,
      },
      fillLabelsFn: operation,
      phases: ['execute', 'subscribe'],
    }),
    graphql_envelop_error_result: createCounter<Executed | 'parse' | 'validate' | 'context', string>({
      registry,
      counter: {
        name: 'graphql_envelop_error_result',
        help: 'Counts the errors reported from all phases',
        labelNames: [...labelNames, 'phase'],
      },
      fillLabelsFn: (params) => ({ ...operation(params), phase: params.errorPhase ?? 'unknown' }),
      phases: ['parse', 'validate', 'context', 'execute', 'subscribe'],
      shouldObserve: always,
    }),
    graphql_yoga_http_duration: createHistogram<'request', string, HttpParams>({
      registry,
      histogram: {
        name: 'graphql_yoga_http_duration',
        help: 'Time spent on HTTP connection',
        labelNames: [...labelNames, 'method', 'statusCode'],
      },
      fillLabelsFn: (params) => ({
        ...operation(params),
        method: params.request.method,
        statusCode: params.response.status,
      }),
      phases: ['request'],
    }),
  };
}

const UNAUTHORIZED = { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' };
const UNAUTHORIZED_TEXT = 'Unauthorized: /metrics asks for Authorization: Bearer <CLAIMGRAPH_METRICS_TOKEN>.\n';

/** /metrics on the main port answers only a request with the token (before Prometheus's plugin serves it). */
function metricsGuard(token: string): Plugin {
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics' || bearerMatches(request.headers.get('authorization'), token)) return;
      endResponse(new fetchAPI.Response(UNAUTHORIZED_TEXT, { status: 401, headers: UNAUTHORIZED }));
    },
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
export function yogaLogger(log: (entry: LogEntry) => void = writeToStderr, logging?: LogOptions): YogaLogger {
  const least = LEVELS[logging?.level ?? 'info'];
  // Yoga hands a masked error to its logger twice (when masking it, and when answering it).
  const logged = new WeakSet<Error>();
  const write =
    (level: EventLogEntry['level']) =>
    (...args: unknown[]) => {
      if (level !== 'error' && LEVELS[level] < least) return;
      const error = args.find((arg): arg is Error => arg instanceof Error);
      if (error && (isClientInputError(error) || logged.has(error))) return;
      if (error) logged.add(error);
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
