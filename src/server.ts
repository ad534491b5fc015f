/**
 * Starts claimgraph: loads and verifies data/, then listens on HOST:PORT until SIGTERM or SIGINT,
 * when it stops accepting connections, lets requests in flight finish, and exits.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataError } from './data/errors.ts';
import { loadCorpus } from './data/load.ts';
import { performanceFromEnv } from './plugins/performance.ts';
import { createClaimgraphYoga } from './yoga.ts';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '0.0.0.0';
const started = performance.now();

let corpus: ReturnType<typeof loadCorpus>;
try {
  corpus = loadCorpus(process.env.CLAIMGRAPH_DATA_DIR || undefined);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(`claimgraph: refusing to start, bad data: ${error.message}`);
  process.exit(1);
}

const yoga = createClaimgraphYoga({ corpus, performance: performanceFromEnv() });
const server = createServer(yoga);

server.listen(port, host, () => {
  const ms = Math.round(performance.now() - started);
  const where = host === '0.0.0.0' ? 'localhost' : host;
  const { port: bound } = server.address() as AddressInfo;
  console.log(`claimgraph: ready in ${ms} ms (data) at http://${where}:${bound}${yoga.graphqlEndpoint}`);
});

function shutdown(signal: string): void {
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
