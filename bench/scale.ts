/**
 * `npm run bench:scale`: builds corpora of 1×, 100×, 1,000× and 10,000× the real article's record
 * count with the seeded generator (scripts/generate-corpus.ts) in a temporary directory, starts
 * the real server on each (dist/server.js with CLAIMGRAPH_DATA_DIR; graphql-jit on, response cache
 * off, so every request does the work), and reports start-up time, the time until the first
 * search answers (the index is built in a worker after the server listens), RSS, and p50/p99
 * latency of a node lookup, a depth-3 traversal, a filtered list and a text search
 * (bench/scale/*.graphql), each measured with wrk on one connection. Options:
 * --sizes 1,100,1000,10000  --duration <s> (3)  --rounds <n> (3)  --seed <n> (1)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../scripts/generate-corpus.ts';
import { readOperations } from '../scripts/operations.ts';
import { describeMachine, pinProcess } from './machine.ts';
import { type Running, startServer } from './process.ts';
import { type Load, requireWrk, runWrk, writeScript } from './wrk.ts';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,100,1000,10000' },
    duration: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
  },
});

requireWrk();
const sizes = options.sizes.split(',').map(Number);
const duration = Number(options.duration);
const rounds = Number(options.rounds);
const operations = readOperations(fileURLToPath(new URL('./scale', import.meta.url)));
console.log(`machine: ${describeMachine()}`);
console.log(
  `load: wrk, 1 connection, 1 s warm-up, then ${rounds} interleaved rounds of ${duration} s per operation and size; ` +
    'servers started on both CPUs, then pinned to CPU 0 once searchable, wrk on CPU 1; median round reported\n',
);

interface Row {
  size: number;
  articles: number;
  records: number;
  startupMs: number;
  dataMs: number;
  /** From spawning the server until its first search answer (the index is built after listening). */
  searchMs: number;
  rssMb: number;
  loads: Map<string, Load>;
  totals: Map<string, number>;
}
const rows: Row[] = [];
const servers: Running[] = [];
const dirs: string[] = [];

try {
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), `claimgraph-scale-${size}x-`));
    dirs.push(dir);
    const { records, articles } = generateCorpus(dir, size, Number(options.seed));
    const started = performance.now();
    // Start-up runs on both cores, as the server would on this machine (V8's GC threads and the
    // search worker run beside the loader); the server is pinned to CPU 0 for the latency rounds.
    const server = await startServer(
      ['node', 'dist/server.js'],
      {
        CLAIMGRAPH_DATA_DIR: dir,
        CLAIMGRAPH_JIT: '1',
        CLAIMGRAPH_RESPONSE_CACHE: '0',
        PORT: '0',
        HOST: '127.0.0.1',
      },
      900_000,
    );
    servers.push(server);
    const startupMs = performance.now() - started;
    const dataMs = Number(/ready in (\d+) ms/.exec(server.output)?.[1]);
    const totals = new Map<string, number>();
    // The search index is built in a worker once the server listens; a search waits for it.
    const search = operations.find((operation) => operation.name === 'TextSearch');
    if (search) await ask(server.url, search.body);
    const searchMs = performance.now() - started;
    pinProcess(0, server.child.pid ?? 0);
    for (const operation of operations) {
      const response = await ask(server.url, operation.body);
      const answer = (await response.json()) as { errors?: unknown; data?: Record<string, { totalCount?: number }> };
      if (answer.errors || !answer.data) throw new Error(`${operation.name} at ${size}×: ${JSON.stringify(answer)}`);
      const count = Object.values(answer.data)[0]?.totalCount;
      if (count !== undefined) totals.set(operation.name, count);
      await runWrk(server.url, writeScript(dir, operation.name, operation.body), 1, 1);
    }
    const rssMb = rssOf(server.child.pid ?? 0) / 1024;
    rows.push({ size, articles, records, startupMs, dataMs, searchMs, rssMb, loads: new Map(), totals });
    console.log(
      `${size}×: ${articles} articles, ${records} records; start-up ${Math.round(startupMs)} ms ` +
        `(data ${dataMs} ms), search ready ${Math.round(searchMs)} ms, RSS ${Math.round(rssMb)} MB`,
    );
  }
  // All servers stay up and the sizes are measured in interleaved rounds, so a burst of load from
  // other processes on the machine hits every size alike; each figure is the median round's.
  const measured = new Map<string, Load[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const operation of operations) {
      for (const [i, row] of rows.entries()) {
        const server = servers[i] as Running;
        const script = writeScript(dirs[i] ?? '', operation.name, operation.body);
        const load = await runWrk(server.url, script, duration, 1);
        const key = `${row.size}\t${operation.name}`;
        measured.set(key, [...(measured.get(key) ?? []), load]);
      }
    }
    console.log(`round ${round} of ${rounds} done`);
  }
  for (const row of rows) {
    for (const operation of operations) {
      const loads = [...(measured.get(`${row.size}\t${operation.name}`) ?? [])].sort((a, b) => a.p50 - b.p50);
      const median = loads[Math.floor(loads.length / 2)];
      if (median) row.loads.set(operation.name, median);
    }
  }
} finally {
  for (const server of servers) await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

const base = rows[0];
console.log(
  `\n| corpus | articles | records | start-up s | search ready s | RSS MB | ${operations.map((o) => `${o.name} p50 / p99 ms (× 1×)`).join(' | ')} |`,
);
console.log(`|---|---:|---:|---:|---:|---:|${operations.map(() => '---:').join('|')}|`);
for (const row of rows) {
  const cells = operations.map((o) => {
    const load = row.loads.get(o.name);
    const first = base?.loads.get(o.name);
    if (!load || !first) return '';
    const total = row.totals.has(o.name) ? `, ${row.totals.get(o.name)} hits` : '';
    return `${load.p50.toFixed(2)} / ${load.p99.toFixed(2)} (${(load.p50 / first.p50).toFixed(2)}×${total})`;
  });
  console.log(
    `| ${row.size}× | ${row.articles} | ${row.records} | ${(row.startupMs / 1000).toFixed(1)} | ` +
      `${(row.searchMs / 1000).toFixed(1)} | ${Math.round(row.rssMb)} | ${cells.join(' | ')} |`,
  );
}

function ask(url: string, body: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
  });
}

/** Resident set size of a process in KiB, from /proc (Linux). */
function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}
