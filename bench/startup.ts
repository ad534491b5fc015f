/**
 * `npm run bench:startup`: how long the server takes from spawn to "listening" and to "search
 * index ready" (when /ready turns 200), over several runs, as min / median / max in ms.
 *
 *   npm run bench:startup                          # node dist/server.js, 10 runs
 *   npm run bench:startup -- --runs 20 --cwd ../old -- node --import tsx src/server.ts
 *
 * Each run starts the command with PORT=0 and HOST=127.0.0.1 in `--cwd`, reads its stdout, and
 * stops it with SIGTERM once the index is ready.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { describeMachine } from './machine.ts';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '10' }, cwd: { type: 'string', default: process.cwd() } },
});
const command = positionals.length > 0 ? positionals : ['node', 'dist/server.js'];

interface Run {
  listening: number;
  ready: number;
}

function once(): Promise<Run> {
  const [file = '', ...args] = command;
  const started = performance.now();
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  let listening: number | undefined;
  let ready: number | undefined;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      listening ??= /listening at/.test(output) ? performance.now() - started : undefined;
      if (listening !== undefined && ready === undefined && /search index ready/.test(output)) {
        ready = performance.now() - started;
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (listening !== undefined && ready !== undefined && code === 0) resolve({ listening, ready });
      else reject(new Error(`${command.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

const runs: Run[] = [];
await once(); // warm-up: the file cache
for (let i = 0; i < Number(options.runs); i++) runs.push(await once());

const summary = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return `${at(0)} / ${at(0.5)} / ${at(1 - 1e-9)}`;
};
console.log(`${describeMachine()}; ${command.join(' ')} in ${options.cwd}, ${runs.length} runs`);
console.log(`spawn to listening, ms (min / median / max): ${summary(runs.map((run) => run.listening))}`);
console.log(`spawn to search ready, ms (min / median / max): ${summary(runs.map((run) => run.ready))}`);
