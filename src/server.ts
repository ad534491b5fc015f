/**
 * Starts claimgraph: reads its settings from the environment, loads and verifies data/, then
 * listens on HOST:PORT (/ready answers 503 until the search index is built) with the time bounds
 * and connection cap of src/config.ts's `HttpOptions`, and /metrics where `MetricsOptions` says.
 * On SIGTERM or SIGINT it drains: /ready turns 503, the listening socket is closed (a new
 * connection is refused), every answer from then on carries `Connection: close` (Node closes the
 * connection once it is written), an idle kept-alive connection is left to its keep-alive timeout,
 * and the process exits 0 when the last connection has closed, or 1 after the grace period with
 * the connections still open cut. Logs are JSON lines on stdout.
 */
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { type Config, loadConfig } from './config.ts';
import { loadCorpus } from './data/load.ts';
import { ConfigError, DataError } from './errors.ts';
import type { LogEntry } from './plugins/observability.ts';
import { SearchIndex } from './search/search.ts';
import { createClaimgraph } from './yoga.ts';

const started = performance.now();

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`claimgraph: refusing to start, ${error.message}`);
  process.exit(1);
}
const { port, host } = config.listen;

let corpus: ReturnType<typeof loadCorpus>;
try {
  corpus = loadCorpus(config.dataDir);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(`claimgraph: refusing to start, bad data: ${error.message}`);
  process.exit(1);
}

// The search index is built in a worker thread once the data is loaded: the server listens
// meanwhile (a search waits for the index), and /ready answers 503 whenever search is not
// available: until the index is built, and while a replacement worker rebuilds it.
const search = new SearchIndex(corpus);
search.ready.then(
  () => {
    console.log(`claimgraph: search index ready (${Math.round(performance.now() - started)} ms after start)`);
  },
  (error: Error) => {
    console.error(`claimgraph: stopping, the search index failed: ${error.message}`);
    process.exit(1);
  },
);

let draining = false;
// Log lines are written together once per turn of the event loop: stdout is usually a pipe, and
// a write to a pipe blocks, so one write per request would cost a system call per request.
let pending: string[] = [];
const flush = () => {
  const lines = pending.join('');
  pending = [];
  if (lines) process.stdout.write(lines);
};
const log = (entry: LogEntry) => {
  if (pending.length === 0) setImmediate(flush);
  pending.push(`${JSON.stringify(entry)}\n`);
};
process.once('exit', flush);
const { yoga, listener, metricsListener } = createClaimgraph({
  corpus,
  search,
  config,
  log,
  ready: () => search.available && !draining,
});

// Answers not yet finished: those whose headers are still unsent when the drain begins get
// `Connection: close` too.
const unfinished = new Set<ServerResponse>();
const forget = function (this: ServerResponse) {
  unfinished.delete(this);
};
const server = httpServer((request, response) => {
  if (draining) response.setHeader('connection', 'close');
  else {
    unfinished.add(response);
    response.once('close', forget);
  }
  listener(request, response);
});
server.maxConnections = config.http.maxConnections;
const metricsServer = config.metrics.port === undefined ? undefined : httpServer(metricsListener);

for (const [what, where] of [
  ['', server],
  ['metrics ', metricsServer],
] as const) {
  where?.on('error', (error: NodeJS.ErrnoException) => {
    const at = `${host}:${where === server ? port : config.metrics.port}`;
    const reason = error.code === 'EADDRINUSE' ? 'the address is already in use' : error.message;
    console.error(`claimgraph: refusing to start, cannot listen ${what ? `for ${what}` : ''}on ${at}: ${reason}`);
    process.exit(1);
  });
}

const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
server.listen(port, host, () => {
  const ms = Math.round(performance.now() - started);
  console.log(`claimgraph: listening at http://${shown}:${portOf(server)}${yoga.graphqlEndpoint} (ready in ${ms} ms)`);
});
metricsServer?.listen(config.metrics.port, host, () => {
  console.log(`claimgraph: metrics at http://${shown}:${portOf(metricsServer)}/metrics`);
});

function httpServer(handler: RequestListener): Server {
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs } = config.http;
  const created = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      keepAliveTimeout: keepAliveTimeoutMs,
      // How often Node looks for requests past their time: often enough that a limit of seconds
      // is kept to within a second (Node's default looks every 30 s).
      connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs),
    },
    handler,
  );
  created.on('drop', () => dropped++);
  return created;
}

function portOf(listening: Server): number {
  const address = listening.address();
  return typeof address === 'object' && address ? address.port : 0;
}

// Connections closed on arrival because `maxConnections` were open: reported once a second at
// most, so that a flood of connections does not become a flood of log lines.
let dropped = 0;
setInterval(() => {
  if (dropped === 0) return;
  log({
    time: new Date().toISOString(),
    level: 'warn',
    msg: `${dropped} connection(s) refused in the last second: ${config.http.maxConnections} were open (CLAIMGRAPH_MAX_CONNECTIONS)`,
  });
  dropped = 0;
}, 1_000).unref();

function shutdown(signal: string): void {
  if (draining) return;
  draining = true;
  for (const response of unfinished) if (!response.headersSent) response.setHeader('connection', 'close');
  unfinished.clear();
  const graceS = config.http.shutdownGraceMs / 1000;
  server.getConnections((_error, open) => {
    console.log(`claimgraph: ${signal} received, draining ${open} connection(s) (at most ${graceS} s)`);
  });
  metricsServer?.close();
  metricsServer?.closeAllConnections();
  // net.Server's close, not http.Server's: both stop accepting connections, but http.Server's
  // also cuts every kept-alive connection idle at this instant, and with it a request its client
  // may be sending on it right now. Here an idle connection ends at its keep-alive timeout, and a
  // busy one after its next answer, which says `Connection: close`.
  NetServer.prototype.close.call(server, () => {
    console.log('claimgraph: drained, every answer written, exiting');
    process.exit(0);
  });
  setTimeout(() => {
    server.getConnections((_error, open) => {
      console.error(`claimgraph: ${open} connection(s) still open after the ${graceS} s grace period, closing them`);
      server.closeAllConnections();
      process.exit(1);
    });
  }, config.http.shutdownGraceMs).unref();
}

process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
