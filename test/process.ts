/**
 * The real server process, `node dist/server.js` as `npm start` runs it (vitest's global setup
 * builds dist/), on 127.0.0.1 and a free port and the fixture corpus (CLAIMGRAPH_DATA_DIR), for
 * the tests of what only a process shows: time bounds on sockets, the drain on SIGTERM, refusing
 * to start.
 */
import { spawnSync } from 'node:child_process';
import { type ServerProcess, type StartOptions, startServer as startProcess } from '../scripts/server-process.ts';
import { FIXTURE_DIR } from './helpers.ts';

export type { ServerProcess };

const root = new URL('..', import.meta.url);

/**
 * Starts the server on the fixture corpus with these variables (over the test's own environment,
 * NODE_ENV=test) and waits until it listens and, unless told otherwise, until its search index is
 * ready (scripts/server-process.ts).
 */
export function startServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<ServerProcess> {
  return startProcess({ CLAIMGRAPH_DATA_DIR: FIXTURE_DIR, ...env }, options);
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
