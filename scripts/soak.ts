/**
 * `npm run soak`: a bounded load test on loopback. Starts the real server (production mode) on a
 * free port of 127.0.0.1, drives it with autocannon (SOAK_CONNECTIONS connections, default 32, for
 * SOAK_DURATION seconds, default 60) through a mix of the example operations and abusive
 * requests, checks every answer against the status (and, for good operations, the absence of
 * errors) it should have, then reports requests served, unexpected answers, socket errors, p99
 * latency and the server's memory (RSS and heap used, after a full GC) at the start, in the middle
 * and at the end of the load. Exits 1 on any unexpected answer or error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { type ServerProcess, startServer } from './server-process.ts';

const duration = Number(process.env.SOAK_DURATION ?? 60);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 32);
const root = new URL('../', import.meta.url);

interface Case {
  name: string;
  body: string;
  /** The status the answer must have. */
  status: number;
  /** For good operations: the answer must carry data and no errors. */
  clean?: boolean;
}

const operations = new URL('examples/operations/', root);
const readme: Case[] = readdirSync(operations)
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => ({
    name: file,
    body: JSON.stringify({ query: readFileSync(new URL(file, operations), 'utf8') }),
    status: 200,
    clean: true,
  }));

const nested = 'accusationsMade { nodes { accused { actor { ... on Person { '.repeat(6);
const abusive: Case[] = [
  { name: 'malformed JSON', body: '{"query": "{ people', status: 400 },
  { name: 'missing query', body: '{}', status: 400 },
  {
    name: 'depth 30',
    body: JSON.stringify({ query: `{ node(id: "x") { ... on Person { ${nested} id ${'} } } } } '.repeat(6)} } } }` }),
    status: 400,
  },
  {
    name: '1,000 aliases',
    body: JSON.stringify({ query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }` }),
    status: 400,
  },
  {
    name: 'cost bomb',
    body: JSON.stringify({
      query:
        '{ people(first: 100) { nodes { accusationsMade(first: 100) { nodes { accused { actor { ... on Person { accusationsMade(first: 100) { nodes { act } } } } } } } } } }',
    }),
    status: 400,
  },
  { name: 'unknown field', body: JSON.stringify({ query: '{ peeple { totalCount } }' }), status: 400 },
  { name: 'invalid global ID', body: JSON.stringify({ query: '{ node(id: "garbage") { id } }' }), status: 200 },
  { name: 'first: 1000000', body: JSON.stringify({ query: '{ people(first: 1000000) { totalCount } }' }), status: 200 },
];

const good: Case[] = [
  ...readme,
  ...readme,
  ...readme,
  {
    name: 'people',
    body: JSON.stringify({ query: '{ people(first: 5) { totalCount nodes { id name } } }' }),
    status: 200,
    clean: true,
  },
  {
    name: 'accusations page',
    body: JSON.stringify({ query: '{ accusations(first: 10) { pageInfo { endCursor hasNextPage } nodes { act } } }' }),
    status: 200,
    clean: true,
  },
];
const mix = [...good, ...abusive];

/**
 * The server in production mode, /metrics on a free port of its own, with scripts/soak-gc.mjs
 * preloaded. Its request log is read and dropped, as a log shipper would.
 */
async function startSoakedServer(): Promise<ServerProcess & { metricsPort: number }> {
  const gcOnSignal = new URL('scripts/soak-gc.mjs', root).href;
  const server = await startServer(
    { NODE_ENV: 'production' },
    { nodeArgs: ['--expose-gc', '--import', gcOnSignal], waitForSearch: false, keepOutput: false },
  );
  if (server.metricsPort === undefined) throw new Error('the server printed no metrics port');
  return { ...server, metricsPort: server.metricsPort };
}

/** The server's memory after a full garbage collection (see scripts/soak-gc.mjs). */
async function memory({ child }: ServerProcess) {
  child.kill('SIGUSR2');
  await sleep(1000);
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const metric = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return { rssMB: mb(metric('process_resident_memory_bytes')), heapUsedMB: mb(metric('nodejs_heap_size_used_bytes')) };
}

const server = await startSoakedServer();
const { port, metricsPort } = server;
const url = `http://127.0.0.1:${port}/graphql`;
const unexpected = new Map<string, number>();
const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

// Warm up (JIT, caches) before the first memory reading, so "before" is a running server.
const warm = await autocannon({ url, connections: 4, amount: 2000, method: 'POST', headers, requests: toRequests() });
const start = await memory(server);

console.log(`soak: ${connections} connections for ${duration} s against ${url} (${mix.length} requests in the mix)`);
const running = autocannon({ url, connections, duration, method: 'POST', headers, requests: toRequests() });
await sleep((duration * 1000) / 2);
const middle = await memory(server);
const result = await running;
const end = await memory(server);

server.child.kill('SIGTERM');
const { code: exitCode } = await server.exited;

const report = {
  connections,
  durationSeconds: duration,
  requests: result.requests.total,
  requestsPerSecond: Math.round(result.requests.average),
  unexpectedAnswers: Object.fromEntries(unexpected),
  unexpectedTotal: [...unexpected.values()].reduce((sum, n) => sum + n, 0),
  socketErrors: result.errors,
  timeouts: result.timeouts,
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  memory: { start, middle, end },
  warmUpRequests: warm.requests.total,
  serverExitCode: exitCode,
};
console.log(JSON.stringify(report, null, 2));
const failed = report.unexpectedTotal > 0 || report.socketErrors > 0 || report.timeouts > 0 || exitCode !== 0;
process.exit(failed ? 1 : 0);

function toRequests(): autocannon.Request[] {
  return mix.map((item) => ({
    method: 'POST',
    path: '/graphql',
    headers,
    body: item.body,
    onResponse: (status: number, body: string) => {
      const ok = status === item.status && (!item.clean || (body.includes('"data"') && !body.includes('"errors"')));
      if (!ok) unexpected.set(item.name, (unexpected.get(item.name) ?? 0) + 1);
    },
  }));
}
