/**
 * The drain of the real server process on SIGTERM: busy keep-alive clients lose no request, each
 * connection is told `Connection: close` on its next answer, /ready turns 503, a new connection
 * is refused, requests still being uploaded finish with 200, and the process exits 0; past the
 * grace period, what is still open is cut and the process exits 1.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startServer } from './process.ts';

const OPERATION = JSON.stringify({ query: '{ people(first: 1) { totalCount nodes { id } } }' });

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

type Outcome = { kind: 'answered'; answer: Answer } | { kind: 'refused' } | { kind: 'lost'; error: string };

/**
 * One request on `agent`. It counts as sent once its bytes are written on a connection; a
 * connection refused before that is `refused` (the client knows nothing was sent), an error after
 * it is a `lost` request.
 */
function send(port: number, agent: Agent, method = 'POST', path = '/graphql'): Promise<Outcome> {
  return new Promise((resolve) => {
    let sent = false;
    const req = request({
      host: '127.0.0.1',
      port,
      method,
      path,
      agent,
      headers: { 'content-type': 'application/json' },
    });
    req.on('finish', () => {
      sent = true;
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () =>
        resolve({
          kind: 'answered',
          answer: { status: res.statusCode ?? 0, connection: res.headers.connection, body },
        }),
      );
      res.on('error', (error) => resolve({ kind: 'lost', error: error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve(!sent && error.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'lost', error: error.message }),
    );
    req.end(method === 'POST' ? OPERATION : undefined);
  });
}

/** A POST whose body arrives in two parts: in flight from its first byte until `finish()`. */
function slowRequest(port: number) {
  const req = request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(OPERATION) },
  });
  const response = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    });
    req.on('error', reject);
  });
  const started = new Promise<void>((resolve) => req.write(OPERATION.slice(0, 20), () => resolve()));
  return { started, response, finish: () => req.end(OPERATION.slice(20)) };
}

/** Whether a new connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('drain on SIGTERM', () => {
  it('16 busy keep-alive clients: every request sent is answered, each connection closed after its answer, exit 0', async () => {
    const server = await startServer({ NODE_ENV: 'production' });
    try {
      const { port } = server;
      const counts = { sent: 0, answered: 0, refused: 0, lost: 0 };
      const lost: string[] = [];
      const answersPerClient = new Array<number>(16).fill(0);
      // Per client, its last answer: the server closed its connection after it, and must have said so.
      const last: (Answer | undefined)[] = new Array(16);
      let lastAnswer = 0;
      const clients = answersPerClient.map(async (_, client) => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        // Bounded: the server stops accepting within a few hundred requests of SIGTERM.
        for (let i = 0; i < 100_000; i++) {
          const outcome = await send(port, agent);
          if (outcome.kind === 'refused') {
            counts.refused++;
            break;
          }
          counts.sent++;
          if (outcome.kind === 'lost') {
            counts.lost++;
            lost.push(outcome.error);
            break;
          }
          counts.answered++;
          answersPerClient[client] = (answersPerClient[client] ?? 0) + 1;
          expect(outcome.answer.status).toBe(200);
          expect(JSON.parse(outcome.answer.body).data.people.nodes).toHaveLength(1);
          last[client] = outcome.answer;
          lastAnswer = performance.now();
        }
        agent.destroy();
      });
      // A kept-alive connection to ask /ready on after the signal, and an upload in flight that
      // keeps the process up until the test lets it finish.
      const readiness = new Agent({ keepAlive: true, maxSockets: 1 });
      const before = await send(port, readiness, 'GET', '/ready');
      expect(before).toMatchObject({ kind: 'answered', answer: { status: 200 } });
      const upload = slowRequest(port);
      await upload.started;
      while (answersPerClient.some((n) => n < 20)) await sleep(10);

      server.child.kill('SIGTERM');
      while (!server.output().includes('SIGTERM received')) await sleep(5);
      const ready = await send(port, readiness, 'GET', '/ready');
      expect(ready).toMatchObject({ kind: 'answered', answer: { status: 503, connection: 'close' } });
      await sleep(200);
      expect(await refused(port)).toBe(true);
      expect(server.child.exitCode).toBeNull(); // the upload is still in flight
      upload.finish();
      expect(await upload.response).toMatchObject({ status: 200, connection: 'close' });
      await Promise.all(clients);
      const exit = await server.exited;
      const exitedAt = performance.now();

      console.log(`drain: ${JSON.stringify(counts)}, exit ${exit.code}`);
      expect(lost).toEqual([]);
      expect(counts.lost).toBe(0);
      expect(counts.answered).toBe(counts.sent);
      expect(counts.refused).toBe(16); // each client, once its connection was closed, could not open another
      expect(last.map((answer) => answer?.connection)).toEqual(new Array(16).fill('close'));
      expect(exit).toEqual({ code: 0, signal: null });
      // Once the last answer is written: no busy connection waits out its keep-alive timeout (5 s).
      expect(exitedAt - lastAnswer).toBeLessThan(2_000);
      expect(server.output()).toMatch(/SIGTERM received, draining \d+ connection\(s\) \(at most 25 s\)/);
      expect(server.output()).toContain('drained, every answer written, exiting');
    } finally {
      server.stop();
    }
  });

  it('past the grace period (CLAIMGRAPH_SHUTDOWN_GRACE_MS), what is still open is cut: exit 1, saying so', async () => {
    const server = await startServer({ CLAIMGRAPH_SHUTDOWN_GRACE_MS: '500' });
    try {
      const upload = slowRequest(server.port);
      const cut = upload.response.then(
        () => 'answered',
        (error: NodeJS.ErrnoException) => error.code,
      );
      await upload.started;
      await sleep(100);
      const signalled = performance.now();
      server.child.kill('SIGTERM');
      const exit = await server.exited;
      const tookMs = performance.now() - signalled;
      expect(exit).toEqual({ code: 1, signal: null });
      expect(tookMs).toBeGreaterThanOrEqual(450);
      expect(tookMs).toBeLessThan(5_000);
      expect(server.output()).toContain('1 connection(s) still open after the 0.5 s grace period, closing them');
      expect(await cut).toBe('ECONNRESET');
    } finally {
      server.stop();
    }
  });

  it('an idle kept-alive connection does not hold the drain past its keep-alive timeout', async () => {
    const server = await startServer({ CLAIMGRAPH_KEEP_ALIVE_TIMEOUT_MS: '1000' });
    try {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      expect(await send(server.port, agent)).toMatchObject({ kind: 'answered', answer: { status: 200 } });
      const signalled = performance.now();
      server.child.kill('SIGTERM');
      const exit = await server.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(performance.now() - signalled).toBeLessThan(4_000);
      agent.destroy();
    } finally {
      server.stop();
    }
  });
});
