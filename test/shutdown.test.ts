/**
 * Graceful shutdown of the real server process, on the fixture corpus: SIGTERM while clients keep
 * it busy and some requests are still being uploaded; those requests finish with 200, and the
 * process exits 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from './helpers.ts';

const root = new URL('..', import.meta.url);

async function startServer(): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', CLAIMGRAPH_DATA_DIR: FIXTURE_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /listening at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
  return { child, port, output: () => output };
}

/** A POST whose body arrives in two parts: in flight from its first byte until `finish()`. */
function slowRequest(port: number) {
  const body = JSON.stringify({ query: 'query InFlight { people { totalCount } }' });
  const req = request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  const started = new Promise<void>((resolve) => req.write(body.slice(0, 20), () => resolve()));
  return { started, response, finish: () => req.end(body.slice(20)) };
}

describe('shutdown', () => {
  it('SIGTERM under load: requests in flight finish with 200, then the process exits 0', async () => {
    const { child, port, output } = await startServer();
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

    // Background load: eight clients sending queries back to back until the server is gone.
    let stop = false;
    const statuses: number[] = [];
    const load = Array.from({ length: 8 }, async () => {
      while (!stop) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ accusations { totalCount nodes { act } } }' }),
          });
          statuses.push(response.status);
          await response.arrayBuffer();
        } catch {
          return; // the server stopped accepting connections
        }
      }
    });
    while (statuses.length < 20) await sleep(20);

    const inFlight = [slowRequest(port), slowRequest(port), slowRequest(port)];
    await Promise.all(inFlight.map((slow) => slow.started));
    await sleep(200); // let the server read the request heads

    child.kill('SIGTERM');
    await sleep(300);
    expect(child.exitCode).toBeNull(); // still waiting for the requests in flight

    for (const slow of inFlight) slow.finish();
    const responses = await Promise.all(inFlight.map((slow) => slow.response));
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ data: { people: { totalCount: 7 } } });
    }

    const [code, signal] = await exited;
    stop = true;
    await Promise.all(load);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(output()).toContain('SIGTERM received, finishing requests in flight');
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});
