/**
 * The real server as a process, `node dist/server.js` as `npm start` runs it (after `npm run
 * build`), on 127.0.0.1 and a free port: for the tests of what only a process shows (test/process.ts)
 * and for the fuzz and soak runs (scripts/fuzz.ts, scripts/soak.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';

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

export interface StartOptions {
  /** Wait until the search index is ready, not only until the server listens (the default). */
  waitForSearch?: boolean;
  /** Options for node before the script (`--expose-gc`, `--import …`). */
  nodeArgs?: string[];
  /** How long it may take to be ready before it is killed and the start fails. */
  timeoutMs?: number;
  /**
   * Keep what it prints once it is ready (the default). Off, its stdout (the request log) is read
   * and dropped from then on, as a log shipper would, and its stderr passed to this process's.
   */
  keepOutput?: boolean;
}

/**
 * Starts the server with these variables over this process's own environment, and waits until it
 * listens and, unless told otherwise, until its search index is ready. In production its /metrics
 * gets any free port rather than the fixed default, so that servers can run side by side.
 */
export function startServer(
  env: Record<string, string> = {},
  { waitForSearch = true, nodeArgs = [], timeoutMs = 60_000, keepOutput = true }: StartOptions = {},
): Promise<ServerProcess> {
  const ownMetricsPort = env.NODE_ENV === 'production' && !env.CLAIMGRAPH_METRICS_TOKEN;
  const settings = { ...(ownMetricsPort && { CLAIMGRAPH_METRICS_PORT: '0' }), ...env };
  const child = spawn(process.execPath, [...nodeArgs, 'dist/server.js'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let ready = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the server was not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onOutput = (chunk: Buffer, stream: 'stdout' | 'stderr') => {
      if (ready && !keepOutput) {
        if (stream === 'stderr') process.stderr.write(chunk);
        return;
      }
      output += chunk;
      if (ready) return;
      const port = /listening at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      const metrics = /metrics at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output)?.[1];
      if (!port || (waitForSearch && !output.includes('search index ready'))) return;
      if (settings.CLAIMGRAPH_METRICS_PORT !== undefined && !metrics) return;
      clearTimeout(timer);
      ready = true;
      resolve({
        child,
        port: Number(port),
        metricsPort: metrics ? Number(metrics) : undefined,
        output: () => output,
        exited,
        stop,
      });
    };
    child.stdout?.on('data', (chunk: Buffer) => onOutput(chunk, 'stdout'));
    child.stderr?.on('data', (chunk: Buffer) => onOutput(chunk, 'stderr'));
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
}
