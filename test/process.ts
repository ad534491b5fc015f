/**
 * The real server process, `node dist/server.js` as `npm start` runs it (vitest's global setup
 * builds dist/), on 127.0.0.1 and a free port and the fixture corpus (CLAIMGRAPH_DATA_DIR), for
 * the tests of what only a process shows: time bounds on sockets, the drain on SIGTERM, refusing
 * to start.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { FIXTURE_DIR } from './helpers.ts';

const root = new URL('..', import.meta.url);

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** The port of /metrics when it has its own (production's default), printed at start. */
  metricsPort: number | undefined;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills it if it still runs. */
  stop(): void;
}

/**
 * Starts the server with these variables (over the test's own environment, NODE_ENV=test) and
 * waits until it listens and, unless told otherwise, until its search index is ready. In
 * production its /metrics gets any free port rather than the fixed default, so that tests can run
 * side by side.
 */
export function startServer(env: Record<string, string> = {}, { waitForSearch = true } = {}): Promise<ServerProcess> {
  const ownMetricsPort = env.NODE_ENV === 'production' && !env.CLAIMGRAPH_METRICS_TOKEN;
  const settings = { ...(ownMetricsPort && { CLAIMGRAPH_METRICS_PORT: '0' }), ...env };
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLAIMGRAPH_DATA_DIR: FIXTURE_DIR, ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      output += chunk;
      const port = /listening at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      const metrics = /metrics at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      if (!port || (waitForSearch && !output.includes('search index ready'))) return;
      if (settings.CLAIMGRAPH_METRICS_PORT !== undefined && !metrics) return;
      resolve({
        child,
        port: Number(port),
        metricsPort: metrics ? Number(metrics) : undefined,
        output: () => output,
        exited,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        },
      });
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    exited.then(({ code }) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
}

/** Runs the server to its end (it is expected to refuse to start) and returns its exit code and output. */
export function refusal(env: Record<string, string>): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(process.execPath, ['dist/server.js'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLAIMGRAPH_DATA_DIR: FIXTURE_DIR, ...env },
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}
