/** Driving wrk (a C load generator) for one request body, and reading its figures back. */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinned } from './machine.ts';

export interface Load {
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Non-2xx answers, timeouts and socket errors. */
  errors: number;
}

export function requireWrk(): void {
  if (!spawnSync('wrk', ['--version']).error) return;
  // As root on Debian (CI, a fresh machine), install it from Debian's packages, as .ci/run does
  // for chromium; anywhere else, say how.
  if (process.getuid?.() === 0 && !spawnSync('apt-get', ['--version']).error) {
    console.log('wrk is missing: apt-get install -y wrk');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'inherit', env });
  }
  if (spawnSync('wrk', ['--version']).error) {
    console.error(
      'The benchmark drives wrk, which is not installed.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y wrk\n' +
        '  macOS:         brew install wrk',
    );
    process.exit(2);
  }
}

/** A wrk script that POSTs `body` and prints the summary as one JSON line. */
export function writeScript(dir: string, name: string, body: string): string {
  let level = '=';
  while (body.includes(`]${level}]`)) level += '=';
  const file = join(dir, `${name}.lua`);
  writeFileSync(
    file,
    `wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
wrk.headers["accept"] = "application/json"
wrk.body = [${level}[${body}]${level}]
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\n{"requests":%d,"duration":%d,"p50":%d,"p99":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status + e.connect + e.read + e.write + e.timeout))
end
`,
  );
  return file;
}

/** Runs wrk on core `cpu` with one thread and `connections` keep-alive connections. */
export function runWrk(url: string, script: string, seconds: number, connections: number, cpu = 1): Promise<Load> {
  const command = pinned(cpu, ['wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '-s', script, url]);
  const [file = '', ...args] = command;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{"requests"'));
      if (code !== 0 || !line) return reject(new Error(`wrk failed (${code}):\n${out}`));
      const r = JSON.parse(line) as { requests: number; duration: number; p50: number; p99: number; errors: number };
      resolve({
        requestsPerSecond: r.requests / (r.duration / 1e6),
        p50: r.p50 / 1000,
        p99: r.p99 / 1000,
        errors: r.errors,
      });
    });
  });
}
