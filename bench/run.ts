/**
 * `npm run bench`: load-tests claimgraph's real server (dist/server.js, as `npm start` runs it) in several configurations
 * against references that serve the same schema (src/schema) and corpus, over the operations in
 * bench/operations/:
 *
 *   limit            node:http writing the precomputed answer bytes: the ceiling on this machine
 *   graphql-js       bare graphql-js `execute` over node:http, parse/validate cached
 *   mercurius+jit    mercurius on fastify with graphql-jit: the fastest of the published comparisons
 *   apollo-server    Apollo Server's standalone server, with its defaults
 *   yoga             claimgraph through Yoga only, on plain graphql-js, no response cache
 *   yoga+jit         … with graphql-jit
 *   yoga+jit+cache   … with graphql-jit and the response cache
 *   lane+jit         the fast lane in front of Yoga (src/fast-lane.ts), graphql-jit, no response cache
 *   lane+jit+cache   the fast lane, graphql-jit and the response cache: what `npm start` runs
 *
 * Every server's answer to every operation is checked against graphql-js's before any load. The
 * servers run on core 0 and wrk on core 1 (taskset) when the machine allows it. Each server is
 * warmed up on every operation, then measured in rounds that interleave the configurations; the
 * median round is reported. Options:
 *   --duration <s> (5)  --warmup <s> (2)  --rounds <n> (3)  --connections <n> (32)
 *   --configs a,b,…      --operations A,B,…
 */
import { deepStrictEqual } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Operation, readOperations } from '../scripts/operations.ts';
import { loadCorpus } from '../src/data/load.ts';
import { SearchIndex } from '../src/search/search.ts';
import { canPin, describeMachine, pinned } from './machine.ts';
import { OPERATIONS_DIR, reference } from './operations.ts';
import { type Running, startServer } from './process.ts';
import { type Load, requireWrk, runWrk, writeScript } from './wrk.ts';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    configs: { type: 'string' },
    operations: { type: 'string' },
  },
});

const node = ['node', '--import', 'tsx'];
const claimgraph = (jit: string, cache: string, lane: string) => () => ({
  command: ['node', 'dist/server.js'],
  env: { CLAIMGRAPH_JIT: jit, CLAIMGRAPH_RESPONSE_CACHE: cache, CLAIMGRAPH_FAST_LANE: lane },
});
const CONFIGS: Record<string, (answers: string) => { command: string[]; env?: NodeJS.ProcessEnv }> = {
  limit: (answers) => ({ command: [...node, 'bench/servers/limit.ts', answers] }),
  'graphql-js': () => ({ command: [...node, 'bench/servers/graphql-js.ts'] }),
  'mercurius+jit': () => ({ command: [...node, 'bench/servers/mercurius.ts'] }),
  'apollo-server': () => ({ command: [...node, 'bench/servers/apollo-server.ts'] }),
  yoga: claimgraph('0', '0', '0'),
  'yoga+jit': claimgraph('1', '0', '0'),
  'yoga+jit+cache': claimgraph('1', '1', '0'),
  'lane+jit': claimgraph('1', '0', '1'),
  'lane+jit+cache': claimgraph('1', '1', '1'),
};

requireWrk();
const duration = Number(options.duration);
const warmup = Number(options.warmup);
const connections = Number(options.connections);
const roundCount = Number(options.rounds);
const configs = options.configs ? options.configs.split(',') : Object.keys(CONFIGS);
if (!configs.includes('limit')) configs.unshift('limit');
for (const name of configs) if (!CONFIGS[name]) throw new Error(`unknown configuration ${name}`);
const wanted = options.operations?.split(',');
const operations = readOperations(OPERATIONS_DIR).filter((operation) => !wanted || wanted.includes(operation.name));

console.log(`machine: ${describeMachine()}`);
console.log(
  canPin() ? 'pinning: servers on CPU 0, wrk on CPU 1' : 'pinning: not possible here; servers and wrk share cores',
);
console.log(
  `load: wrk, 1 thread, ${connections} connections; ${warmup} s warm-up per server and operation, then ` +
    `${roundCount} rounds of ${duration} s (+1 s warm-up) each; median round reported\n`,
);

const corpus = loadCorpus(process.env.CLAIMGRAPH_DATA_DIR || undefined);
const search = new SearchIndex(corpus);
const expected = new Map<string, unknown>();
for (const operation of operations) {
  const answer = await reference(corpus, search, operation);
  if ((answer as { errors?: unknown }).errors) throw new Error(`${operation.name} fails: ${JSON.stringify(answer)}`);
  expected.set(operation.name, answer);
}

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-'));
const answers = join(dir, 'answers.json');
writeFileSync(
  answers,
  JSON.stringify(Object.fromEntries(operations.map((op) => [op.body, JSON.stringify(expected.get(op.name))]))),
);
const scripts = new Map(operations.map((op) => [op.name, writeScript(dir, op.name, op.body)]));

const results = new Map<string, Map<string, Load>>();
const servers = new Map<string, Running>();
try {
  for (const config of configs) {
    const { command, env } = CONFIGS[config]?.(answers) ?? { command: [] };
    const server = await startServer(pinned(0, command), { PORT: '0', HOST: '127.0.0.1', ...env });
    servers.set(config, server);
    await check(config, server, operations);
    for (const operation of operations)
      await runWrk(server.url, scripts.get(operation.name) ?? '', warmup, connections);
  }
  // Rounds interleave the configurations, so a burst of load from other processes on the machine
  // hits them all alike; each figure is the median round's.
  const rounds = new Map<string, Load[]>();
  for (let round = 1; round <= roundCount; round++) {
    for (const operation of operations) {
      for (const config of configs) {
        const server = servers.get(config) as Running;
        const script = scripts.get(operation.name) ?? '';
        await runWrk(server.url, script, 1, connections);
        const load = await runWrk(server.url, script, duration, connections);
        const key = `${config}\t${operation.name}`;
        rounds.set(key, [...(rounds.get(key) ?? []), load]);
        console.log(`round ${round}  ${config.padEnd(16)} ${operation.name.padEnd(16)} ${format(load)}`);
      }
    }
  }
  for (const [key, loads] of rounds) {
    const [config = '', operation = ''] = key.split('\t');
    const sorted = [...loads].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const median = sorted[Math.floor(sorted.length / 2)] as Load;
    if (!results.has(config)) results.set(config, new Map());
    results.get(config)?.set(operation, median);
  }
} finally {
  for (const server of servers.values()) await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

printTable();

/**
 * Every answer must equal graphql-js's, three times: the second may come from the response cache,
 * the third from the fast lane.
 */
async function check(config: string, server: Running, list: Operation[]): Promise<void> {
  for (const operation of list) {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: operation.body,
      });
      const body = await response.json();
      try {
        deepStrictEqual(body, expected.get(operation.name));
      } catch (error) {
        throw new Error(`${config} answers ${operation.name} differently from graphql-js: ${(error as Error).message}`);
      }
    }
  }
}

function format(load: Load): string {
  const errors = load.errors > 0 ? `  (${load.errors} errors!)` : '';
  return `${Math.round(load.requestsPerSecond).toString().padStart(7)} req/s  p50 ${load.p50.toFixed(2)} ms  p99 ${load.p99.toFixed(2)} ms${errors}`;
}

function printTable(): void {
  console.log(
    '\n| operation | configuration | req/s | × limit | p50 ms | × limit | p99 ms | × limit | p99/p50 |\n' +
      '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const operation of operations) {
    const limit = results.get('limit')?.get(operation.name);
    for (const config of configs) {
      const load = results.get(config)?.get(operation.name);
      if (!load || !limit) continue;
      const cells = [
        operation.name,
        config,
        Math.round(load.requestsPerSecond),
        (load.requestsPerSecond / limit.requestsPerSecond).toFixed(2),
        load.p50.toFixed(2),
        (load.p50 / limit.p50).toFixed(1),
        load.p99.toFixed(2),
        (load.p99 / limit.p99).toFixed(1),
        (load.p99 / load.p50).toFixed(1),
      ];
      console.log(`| ${cells.join(' | ')} |`);
    }
  }
}
