/**
 * Starts claimgraph: reads its settings from the environment, loads and verifies data/, then
 * listens on HOST:PORT (/ready answers 503 until the search index is built) until SIGTERM or
 * SIGINT, when /ready turns 503, the server stops accepting connections, lets requests in flight
 * finish, and exits 0. Logs are JSON lines on stdout.
 */
import { createServer } from 'node:http';
import { loadConfig } from './config.ts';
import { loadCorpus } from './data/load.ts';
import { ConfigError, DataError } from './errors.ts';
import type { LogEntry } from './plugins/observability.ts';
import { SearchIndex } from './search/search.ts';
import { createClaimgraph } from './yoga.ts';

const started = performance.now();

let config: ReturnType<typeof loadConfig>;
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
const { yoga, listener } = createClaimgraph({
  corpus,
  search,
  config,
  log,
  ready: () => search.available && !draining,
});
const server = createServer(listener);

server.on('error', (error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? 'the address is already in use' : error.message;
  console.error(`claimgraph: refusing to start, cannot listen on ${host}:${port}: ${reason}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const ms = Math.round(performance.now() - started);
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const where = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`claimgraph: listening at http://${where}:${bound}${yoga.graphqlEndpoint} (ready in ${ms} ms)`);
});

function shutdown(signal: string): void {
  draining = true;
  console.log(`claimgraph: ${signal} received, finishing requests in flight`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    console.error('claimgraph: requests still open after 10 s, exiting');
    process.exit(1);
  }, 10_000).unref();
}

process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
