/**
 * `npm run bench:logs`: how much the request log writes at the bench load. Runs the real server
 * (dist/server.js) with its stdout in a file, as a log shipper would read it, under wrk (1 thread,
 * 32 connections, as `npm run bench`) on one bench operation, and reports requests, requests per
 * second, bytes and lines written, bytes per request and MB per minute, for each configuration:
 *
 *   default      the settings a deployment gets (CLAIMGRAPH_LOG_SAMPLE_RATE=0.01, level info)
 *   every        CLAIMGRAPH_LOG_SAMPLE_RATE=1: every request, as before sampling existed
 *   warn         CLAIMGRAPH_LOG_LEVEL=warn: errors only
 *
 * Options: --duration <s> (60)  --connections <n> (32)  --operation <name> (FlatList)  --configs a,b
 */

import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readOperations } from '../scripts/operations.ts';
import { canPin, describeMachine, pinned } from './machine.ts';
import { OPERATIONS_DIR } from './operations.ts';
import { requireWrk, runWrk, writeScript } from './wrk.ts';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '32' },
    operation: { type: 'string', default: 'FlatList' },
    configs: { type: 'string', default: 'default,every,warn' },
  },
});

const CONFIGS: Record<string, Record<string, string>> = {
  default: {},
  every: { CLAIMGRAPH_LOG_SAMPLE_RATE: '1' },
  warn: { CLAIMGRAPH_LOG_LEVEL: 'warn' },
};

requireWrk();
const duration = Number(options.duration);
const connections = Number(options.connections);
const operation = readOperations(OPERATIONS_DIR).find((candidate) => candidate.name === options.operation);
if (!operation) throw new Error(`no bench operation ${options.operation}`);
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-logs-'));
const script = writeScript(dir, operation.name, operation.body);

console.log(`machine: ${describeMachine()}${canPin() ? '; server on CPU 0, wrk on CPU 1' : ''}`);
console.log(`load: wrk, 1 thread, ${connections} connections, ${duration} s, ${operation.name}\n`);
const rows: string[][] = [];
for (const name of options.configs.split(',')) {
  const env = CONFIGS[name];
  if (!env) throw new Error(`unknown configuration ${name}`);
  const log = join(dir, `${name}.log`);
  const [file = '', ...args] = pinned(0, [process.execPath, 'dist/server.js']);
  const child = spawn(file, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', openSync(log, 'w'), 'inherit'],
  });
  let port = 0;
  for (let waited = 0; !port; waited += 50) {
    if (waited > 60_000) throw new Error(`${name}: the server did not start`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    port = Number(/listening at http:\/\/127\.0\.0\.1:(\d+)\//.exec(readFileSync(log, 'utf8'))?.[1] ?? 0);
  }
  const before = statSync(log).size;
  const url = `http://127.0.0.1:${port}/graphql`;
  const load = await runWrk(url, script, duration, connections);
  await new Promise((resolve) => setTimeout(resolve, 500)); // the last lines of the log
  const written = readFileSync(log).subarray(before);
  child.kill('SIGKILL');
  let lines = 0;
  for (const byte of written) if (byte === 10) lines++;
  const requests = Math.round(load.requestsPerSecond * duration);
  rows.push([
    name,
    String(requests),
    String(Math.round(load.requestsPerSecond)),
    String(written.length),
    String(lines),
    (written.length / requests).toFixed(2),
    ((written.length / 1e6 / duration) * 60).toFixed(2),
  ]);
}
rmSync(dir, { recursive: true, force: true });
const header = ['config', 'requests', 'req/s', 'log bytes', 'log lines', 'bytes/request', 'MB/minute'];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  '));
