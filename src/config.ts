/**
 * Runtime settings from the environment, checked with zod, with defaults that suit local
 * development. Limits default to graphql-armor's or tighter; production (`NODE_ENV=production`)
 * turns GraphiQL and suggestions off unless a variable turns GraphiQL back on, and moves /metrics
 * to a port of its own. A setting that does not parse, a `NODE_ENV` other than production,
 * development or test, and a `CLAIMGRAPH_*` variable that is no setting (a typo) each stop the
 * server at start, naming the variable. docs/production.md lists every setting and its default.
 */
import { z } from 'zod';
import { ConfigError } from './errors.ts';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const wholeNumber = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const MiB = 1024 * 1024;
const port = z.coerce.number().int().min(0).max(65_535);

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((value) => value === 'true' || value === '1')
  .optional();

const list = z
  .string()
  .optional()
  .transform((value) =>
    value
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** A secret compared with a request's `Authorization: Bearer …`: long enough not to be guessed. */
const token = z.string().min(16, 'must be at least 16 characters').optional();

const Env = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  CLAIMGRAPH_DATA_DIR: z.string().optional(),
  NODE_ENV: z
    .enum(['production', 'development', 'test', ''], { error: 'must be production, development or test, or unset' })
    .optional(),
  CLAIMGRAPH_MAX_DEPTH: positiveInt(10),
  CLAIMGRAPH_MAX_ALIASES: positiveInt(15),
  CLAIMGRAPH_MAX_TOKENS: positiveInt(1000),
  CLAIMGRAPH_MAX_DIRECTIVES: positiveInt(50),
  CLAIMGRAPH_MAX_COST: positiveInt(500_000),
  CLAIMGRAPH_MAX_BODY_BYTES: positiveInt(100_000),
  CLAIMGRAPH_CORS_ORIGINS: list,
  CLAIMGRAPH_GRAPHIQL: flag,
  CLAIMGRAPH_TRUSTED_OPERATIONS_ONLY: flag,
  CLAIMGRAPH_JIT: flag,
  CLAIMGRAPH_RESPONSE_CACHE: flag,
  CLAIMGRAPH_FAST_LANE: flag,
  CLAIMGRAPH_CSRF_PREVENTION: flag,
  CLAIMGRAPH_APQ: flag,
  CLAIMGRAPH_HTTP_MAX_AGE: wholeNumber(60),
  CLAIMGRAPH_HTTP_STALE_WHILE_REVALIDATE: wholeNumber(60),
  CLAIMGRAPH_RESPONSE_CACHE_BYTES: positiveInt(64 * MiB),
  CLAIMGRAPH_FAST_LANE_BYTES: positiveInt(32 * MiB),
  CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES: positiveInt(MiB),
  CLAIMGRAPH_APQ_BYTES: positiveInt(8 * MiB),
  CLAIMGRAPH_DOCUMENT_CACHE_BYTES: positiveInt(32 * MiB),
  CLAIMGRAPH_JIT_CACHE_BYTES: positiveInt(64 * MiB),
  CLAIMGRAPH_COST_CACHE_BYTES: positiveInt(4 * MiB),
  CLAIMGRAPH_OPERATION_NAME_CACHE_BYTES: positiveInt(2 * MiB),
  CLAIMGRAPH_HEADERS_TIMEOUT_MS: positiveInt(10_000),
  CLAIMGRAPH_REQUEST_TIMEOUT_MS: positiveInt(20_000),
  CLAIMGRAPH_KEEP_ALIVE_TIMEOUT_MS: positiveInt(5_000),
  CLAIMGRAPH_MAX_CONNECTIONS: positiveInt(1_000),
  CLAIMGRAPH_EXECUTION_TIMEOUT_MS: positiveInt(5_000),
  CLAIMGRAPH_SHUTDOWN_GRACE_MS: positiveInt(25_000),
  CLAIMGRAPH_INTROSPECTION: flag,
  CLAIMGRAPH_INTROSPECTION_TOKEN: token,
  CLAIMGRAPH_METRICS_PORT: port.optional(),
  CLAIMGRAPH_METRICS_TOKEN: token,
  CLAIMGRAPH_METRICS_MAX_OPERATIONS: wholeNumber(100),
  CLAIMGRAPH_LOG_LEVEL: z.enum(['info', 'warn', 'error']).default('info'),
  CLAIMGRAPH_LOG_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0.01),
});

/** The port /metrics gets in production when no setting says where it goes. */
const PRODUCTION_METRICS_PORT = 9464;

/** Speed-ups for a corpus that never changes while the server runs, each on unless switched off. */
export interface PerformanceOptions {
  /** `CLAIMGRAPH_JIT`: compile operations with graphql-jit, cached per document. */
  jit: boolean;
  /** `CLAIMGRAPH_RESPONSE_CACHE`: keep whole results in memory, with ETag/304 revalidation. */
  responseCache: boolean;
  /** `CLAIMGRAPH_FAST_LANE`: answer requests already answered without Yoga's pipeline (src/fast-lane.ts). */
  fastLane: boolean;
}

/**
 * The byte budget of every cache the server keeps (src/lru.ts): each evicts its least recently
 * used entries once full.
 */
export interface MemoryBudgets {
  /** `CLAIMGRAPH_RESPONSE_CACHE_BYTES`: whole results kept by the response cache. */
  responseCache: number;
  /** `CLAIMGRAPH_FAST_LANE_BYTES`: the answers the fast lane keeps, and the requests it has met. */
  fastLane: number;
  /** `CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES`: an answer larger than this is kept by neither. */
  maxEntry: number;
  /** `CLAIMGRAPH_APQ_BYTES`: the query texts automatic persisted queries registered. */
  apq: number;
  /** `CLAIMGRAPH_DOCUMENT_CACHE_BYTES`: Yoga's parsed documents and parse errors (validation results live with their document). */
  documents: number;
  /** `CLAIMGRAPH_JIT_CACHE_BYTES`: operations compiled by graphql-jit. */
  jit: number;
  /** `CLAIMGRAPH_COST_CACHE_BYTES`: the cost of each operation and variables already costed. */
  costs: number;
  /** `CLAIMGRAPH_OPERATION_NAME_CACHE_BYTES`: the operation name of each query text, for the request log. */
  operationNames: number;
}

/** What answers tell HTTP caches (src/plugins/http-cache.ts). */
export interface HttpCacheOptions {
  /** `CLAIMGRAPH_HTTP_MAX_AGE`: seconds an answer stays fresh in a cache (`max-age`). */
  maxAge: number;
  /** `CLAIMGRAPH_HTTP_STALE_WHILE_REVALIDATE`: seconds a cache may serve it stale while it revalidates (0: not at all). */
  staleWhileRevalidate: number;
}

/** Time bounds and the connection cap of the HTTP server (src/server.ts), in milliseconds. */
export interface HttpOptions {
  /** `CLAIMGRAPH_HEADERS_TIMEOUT_MS`: a request's headers must arrive within this (a slowloris is dropped, 408). */
  headersTimeoutMs: number;
  /** `CLAIMGRAPH_REQUEST_TIMEOUT_MS`: a whole request, headers and body, must arrive within this (408). */
  requestTimeoutMs: number;
  /** `CLAIMGRAPH_KEEP_ALIVE_TIMEOUT_MS`: an idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** `CLAIMGRAPH_MAX_CONNECTIONS`: connections open at once; more are closed as they arrive. */
  maxConnections: number;
  /** `CLAIMGRAPH_SHUTDOWN_GRACE_MS`: after SIGTERM, how long the drain may take before the rest is cut. */
  shutdownGraceMs: number;
}

/** Where /metrics is served, and whether it asks for a token. */
export interface MetricsOptions {
  /** `CLAIMGRAPH_METRICS_PORT`: its own port (0: any free port), or undefined for the main port. */
  port: number | undefined;
  /** `CLAIMGRAPH_METRICS_TOKEN`: when set, /metrics answers only `Authorization: Bearer <token>`. */
  token: string | undefined;
  /**
   * `CLAIMGRAPH_METRICS_MAX_OPERATIONS`: how many operation names get series of their own; the
   * names met after them count as `(other)`, so a client inventing names cannot grow /metrics.
   */
  maxOperations: number;
}

/** What the server writes to its log (src/plugins/observability.ts). */
export interface LogOptions {
  /**
   * `CLAIMGRAPH_LOG_LEVEL`: the lowest level written: `info` (every kind of entry), `warn` (client
   * errors, 4xx, and server errors), `error` (server errors only). Server errors are always written.
   */
  level: 'info' | 'warn' | 'error';
  /** `CLAIMGRAPH_LOG_SAMPLE_RATE`: the share of successful requests (below 400) logged, 0 to 1. */
  sampleRate: number;
}

export interface Config {
  /** Where to listen: `PORT` (0: any free port) and `HOST`. */
  listen: { port: number; host: string };
  /** `CLAIMGRAPH_DATA_DIR`: the data folder; undefined for the repository's data/. */
  dataDir: string | undefined;
  /** `NODE_ENV=production`: masked errors without details, no field suggestions, no GraphiQL by default. */
  production: boolean;
  /** `NODE_ENV=development` only (not when unset): masked errors carry the original error's message. */
  development: boolean;
  limits: {
    /** Deepest field nesting an operation may have (introspection excepted). */
    depth: number;
    /** Aliases per operation. */
    aliases: number;
    /** Lexical tokens per document. */
    tokens: number;
    /** Directives per operation. */
    directives: number;
    /** Estimated cost per operation: connections count as many items as `first`/`last` ask for. */
    cost: number;
    /** Request body size in bytes. */
    bodyBytes: number;
    /** `CLAIMGRAPH_EXECUTION_TIMEOUT_MS`: how long an operation may execute before it is answered with a timeout. */
    executionMs: number;
  };
  http: HttpOptions;
  /**
   * `CLAIMGRAPH_CORS_ORIGINS`: origins whose pages may read answers. `['*']` (the default, in
   * every mode): any origin, without credentials.
   */
  corsOrigins: string[];
  graphiql: boolean;
  /** Accept only operations from the allow-list (trusted-operations.json), sent by hash. */
  trustedOperationsOnly: boolean;
  /**
   * `CLAIMGRAPH_CSRF_PREVENTION`: a GET (or any request a browser sends without a preflight) must
   * carry the header `x-graphql-yoga-csrf`. Off by default: nothing here acts on a cookie or
   * credentials (docs/production.md#http).
   */
  csrfPrevention: boolean;
  /** `CLAIMGRAPH_APQ`: automatic persisted queries (a client may send a query's hash instead of its text). */
  apq: boolean;
  httpCache: HttpCacheOptions;
  memory: MemoryBudgets;
  /** Speed-ups for an immutable corpus (src/plugins/performance.ts, src/fast-lane.ts), all on by default. */
  performance: PerformanceOptions;
  /**
   * `CLAIMGRAPH_INTROSPECTION` (on by default): introspection and the subgraph SDL (`_service`).
   * Off, both are refused, except to a caller with `Authorization: Bearer <introspectionToken>`.
   */
  introspection: boolean;
  /** `CLAIMGRAPH_INTROSPECTION_TOKEN`: lets a gateway or a tool introspect when introspection is off. */
  introspectionToken: string | undefined;
  metrics: MetricsOptions;
  log: LogOptions;
}

const SETTINGS = new Set(Object.keys(Env.shape));

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  for (const name of Object.keys(env).sort()) {
    if (name.startsWith('CLAIMGRAPH_') && !SETTINGS.has(name)) {
      problems.push(`${name}: not a setting of claimgraph (docs/production.md lists them)`);
    }
  }
  if (parsed.success) problems.push(...conflicts(parsed.data));
  if (!parsed.success || problems.length > 0) throw new ConfigError(`invalid environment: ${problems.join('; ')}`);
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    listen: { port: e.PORT, host: e.HOST },
    dataDir: e.CLAIMGRAPH_DATA_DIR || undefined,
    production,
    development: e.NODE_ENV === 'development',
    limits: {
      depth: e.CLAIMGRAPH_MAX_DEPTH,
      aliases: e.CLAIMGRAPH_MAX_ALIASES,
      tokens: e.CLAIMGRAPH_MAX_TOKENS,
      directives: e.CLAIMGRAPH_MAX_DIRECTIVES,
      cost: e.CLAIMGRAPH_MAX_COST,
      bodyBytes: e.CLAIMGRAPH_MAX_BODY_BYTES,
      executionMs: e.CLAIMGRAPH_EXECUTION_TIMEOUT_MS,
    },
    http: {
      headersTimeoutMs: e.CLAIMGRAPH_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.CLAIMGRAPH_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.CLAIMGRAPH_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.CLAIMGRAPH_MAX_CONNECTIONS,
      shutdownGraceMs: e.CLAIMGRAPH_SHUTDOWN_GRACE_MS,
    },
    corsOrigins: e.CLAIMGRAPH_CORS_ORIGINS?.length ? e.CLAIMGRAPH_CORS_ORIGINS : ['*'],
    graphiql: e.CLAIMGRAPH_GRAPHIQL ?? !production,
    trustedOperationsOnly: e.CLAIMGRAPH_TRUSTED_OPERATIONS_ONLY ?? false,
    csrfPrevention: e.CLAIMGRAPH_CSRF_PREVENTION ?? false,
    apq: e.CLAIMGRAPH_APQ ?? true,
    httpCache: { maxAge: e.CLAIMGRAPH_HTTP_MAX_AGE, staleWhileRevalidate: e.CLAIMGRAPH_HTTP_STALE_WHILE_REVALIDATE },
    memory: {
      responseCache: e.CLAIMGRAPH_RESPONSE_CACHE_BYTES,
      fastLane: e.CLAIMGRAPH_FAST_LANE_BYTES,
      maxEntry: e.CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES,
      apq: e.CLAIMGRAPH_APQ_BYTES,
      documents: e.CLAIMGRAPH_DOCUMENT_CACHE_BYTES,
      jit: e.CLAIMGRAPH_JIT_CACHE_BYTES,
      costs: e.CLAIMGRAPH_COST_CACHE_BYTES,
      operationNames: e.CLAIMGRAPH_OPERATION_NAME_CACHE_BYTES,
    },
    performance: {
      jit: e.CLAIMGRAPH_JIT ?? true,
      responseCache: e.CLAIMGRAPH_RESPONSE_CACHE ?? true,
      fastLane: e.CLAIMGRAPH_FAST_LANE ?? true,
    },
    introspection: e.CLAIMGRAPH_INTROSPECTION ?? true,
    introspectionToken: e.CLAIMGRAPH_INTROSPECTION_TOKEN,
    metrics: {
      port: metricsPort(e),
      token: e.CLAIMGRAPH_METRICS_TOKEN,
      maxOperations: e.CLAIMGRAPH_METRICS_MAX_OPERATIONS,
    },
    log: { level: e.CLAIMGRAPH_LOG_LEVEL, sampleRate: e.CLAIMGRAPH_LOG_SAMPLE_RATE },
  };
}

/** In production, /metrics leaves the public port unless a token guards it there. */
function metricsPort(e: z.infer<typeof Env>): number | undefined {
  if (e.CLAIMGRAPH_METRICS_PORT !== undefined) return e.CLAIMGRAPH_METRICS_PORT;
  return e.NODE_ENV === 'production' && !e.CLAIMGRAPH_METRICS_TOKEN ? PRODUCTION_METRICS_PORT : undefined;
}

/** Settings that parse one by one but cannot hold together. */
function conflicts(e: z.infer<typeof Env>): string[] {
  const problems: string[] = [];
  if (e.CLAIMGRAPH_HEADERS_TIMEOUT_MS > e.CLAIMGRAPH_REQUEST_TIMEOUT_MS) {
    problems.push(
      'CLAIMGRAPH_HEADERS_TIMEOUT_MS: must not exceed CLAIMGRAPH_REQUEST_TIMEOUT_MS (the headers are part of the request)',
    );
  }
  const metrics = metricsPort(e);
  if (metrics !== undefined && metrics !== 0 && metrics === e.PORT) {
    problems.push(
      `CLAIMGRAPH_METRICS_PORT: /metrics would take PORT ${e.PORT}; give it another port, or a token to serve it on PORT`,
    );
  }
  return problems;
}
